import ShipshapeDiagnostics
import ShipshapeFrontEnd
import ShipshapeHooks

/// What `shipshape lint` was asked to do, independent of how the arguments were parsed.
struct LintRequest {
    var messageFile: String?
    var message: String?
    var standardInput: Bool
    var from: String?
    var to: String?
    var repo: String?
    var format: OutputFormat
    var verbose: Bool

    /// Why the combination of options is unusable, or nil when it is fine.
    var problem: String? {
        let file = messageFile.map { $0 != "-" } ?? false
        let single = [file, message != nil, standardInput].filter { $0 }.count
        let range = from != nil || to != nil
        if single > 1 { return "give only one of --message, --message-file and -" }
        if single == 1 && range { return "give either a message or a range (--from/--to), not both" }
        if single == 0 && !range {
            return "nothing to check: give --message TEXT, --message-file FILE, - (standard input) or --from REV [--to REV]"
        }
        return nil
    }

    /// Runs the lint and prints its report.
    ///
    /// - Returns: `.ok` when every message passes (warnings allowed), `.violation` when one has
    ///   an error.
    /// - Throws: `HookError` when the check cannot run.
    func run(_ invocation: Invocation) throws(HookError) -> ExitStatus {
        let directory = invocation.directory(repo: repo)
        let output = Output(format: format, environment: invocation.environment, verbose: verbose)
        if from != nil || to != nil {
            let context = try RepositoryContext.load(from: directory, invocation: invocation, requireRepository: true)
            // Each report is rendered as it comes and dropped: on 100,000 commits, keeping every
            // commit and report until the end cost more memory than the walk itself.
            var count = 0, invalid = 0, skipped = 0
            try output.emitList({ (each) throws(HookError) in
                try LintUseCase.lintRange(from: from, to: to ?? "HEAD", context: context) { report in
                    each(report)
                    count += 1
                    if !report.isValid { invalid += 1 }
                    if report.ignored { skipped += 1 }
                }
            }, closing: {
                "checked \(count) commit\(count == 1 ? "" : "s"): \(count - invalid - skipped) valid, \(invalid) invalid, \(skipped) skipped\n"
            })
            return invalid > 0 ? .violation : .ok
        }
        let (bytes, origin) = try messageBytes(invocation)
        // A message file is judged as git judges an edited message (comments and the `-v` diff go);
        // a message given as text or piped in is judged like `git commit -m`: every line counts.
        let fromFile = messageFile != nil && !standardInput
        if !fromFile && bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw .usage("the message \(origin == "message" ? "given with --message" : "on standard input") is empty; nothing to check")
        }
        let context = try RepositoryContext.load(from: directory, invocation: invocation, requireRepository: repo != nil)
        let (report, cleaned) = try LintUseCase.lint(bytes: bytes, origin: origin, kind: .raw(editorUsed: fromFile), context: context)
        if fromFile && report.isValid && cleaned.allSatisfy({ $0.isWhitespace }) {
            throw .usage("the message in \(origin) is empty after git's cleanup (comment lines removed); nothing to check")
        }
        output.emit(.subjects([report], asList: false, closing: summary(of: report).map { [$0] } ?? []))
        return report.isValid ? .ok : .violation
    }

    /// The message's bytes and where they came from, as findings name it.
    private func messageBytes(_ invocation: Invocation) throws(HookError) -> (bytes: [UInt8], origin: String) {
        if let message { return (Array(message.utf8), "message") }
        do {
            if let messageFile, !standardInput {
                return (try FileSystem.read(FileSystemPath.absolute(messageFile, relativeTo: invocation.workingDirectory)), messageFile)
            }
            return (try FileSystem.readStandardInput(), "<stdin>")
        } catch {
            throw .file(error)
        }
    }

    /// The verdict line after a single message's findings, nil when the findings say it all.
    private func summary(of report: SubjectReport) -> String? {
        if report.ignored { return verbose ? nil : "skipped: \(report.ignoreReason ?? "ignored message")" }
        if report.isValid { return report.findings.isEmpty ? "valid" : "valid, with warnings" }
        return nil
    }
}

extension LintRequest {
    /// Parses the everyday forms of `lint` without reflection: `lint` followed only by known
    /// options, each given once, with values that do not look like options.
    ///
    /// - Returns: nil for anything else (help, unknown or repeated options, bad values, invalid
    ///   combinations), which then goes through ArgumentParser for its full diagnostics.
    init?(fastArguments arguments: [String]) {
        guard arguments.first == "lint" else { return nil }
        var values: [String: String] = [:]
        var standardInput = false
        var verbose = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "-":
                if standardInput { return nil }
                standardInput = true
            case "-v", "--verbose":
                if verbose { return nil }
                verbose = true
            default:
                var name = argument
                var value: String
                if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                    name = String(argument[..<equals])
                    value = String(argument[argument.index(after: equals)...])
                } else {
                    guard index < arguments.count else { return nil }
                    value = arguments[index]
                    index += 1
                    if value.hasPrefix("-") && value != "-" { return nil }
                }
                guard ["--message-file", "--message", "--from", "--to", "--repo", "--format"].contains(name),
                    values[name] == nil
                else { return nil }
                values[name] = value
            }
        }
        var format = OutputFormat.text
        if let name = values["--format"] {
            guard let parsed = OutputFormat(rawValue: name) else { return nil }
            format = parsed
        }
        self.init(
            messageFile: values["--message-file"], message: values["--message"],
            standardInput: standardInput || values["--message-file"] == "-", from: values["--from"], to: values["--to"],
            repo: values["--repo"], format: format, verbose: verbose)
        if problem != nil { return nil }
    }
}
