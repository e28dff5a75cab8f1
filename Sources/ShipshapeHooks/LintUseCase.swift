package import ShipshapeDiagnostics
import ShipshapeMessage
import ShipshapeGit
import ShipshapePatterns
package import ShipshapePolicy
import ShipshapeConfiguration
import ShipshapeModel

/// Lints commit messages: one message (a file, a string, standard input) or every commit of a range.
package enum LintUseCase {
    /// How a message reached us, which decides how git would clean it.
    package enum MessageKind: Sendable {
        /// A message as typed or in a file: comments and the `-v` diff may still be in it.
        case raw(editorUsed: Bool)
        /// A message stored in a commit: git has already cleaned it.
        case stored
    }

    /// Cleans and lints one message.
    ///
    /// - Parameters:
    ///   - bytes: the message as read (any encoding; invalid UTF-8 is repaired).
    ///   - origin: how to name it in reports (a path, `commit abc1234`). For a raw message, a path
    ///     relative to the working directory also tells whether it is git's own message file,
    ///     which `core.commentChar=auto` needs (`RepositoryContext.commentCharacter(forMessage:origin:editorUsed:)`).
    ///   - kind: raw or stored.
    ///   - context: repository and configuration.
    /// - Returns: the report, whose text is the message as given and whose spans point at its
    ///   lines (cleanup may have dropped comment and blank lines before them), and the cleaned
    ///   message that was judged.
    /// - Throws: `HookError` when git configuration is invalid or a configured pattern fails.
    package static func lint(
        bytes: [UInt8], origin: String, kind: MessageKind, context: RepositoryContext
    ) throws(HookError) -> (report: SubjectReport, cleaned: String) {
        var byteFindings: [Finding] = []
        let raw: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            raw = valid
        } else if case .raw = kind, context.commitEncodingIsLatin1() {
            // git stores the bytes as written and records the encoding; every byte is a character.
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
            raw = String(scalars)
        } else {
            raw = String(decoding: bytes, as: UTF8.self)
            byteFindings.append(invalidUTF8Finding(bytes))
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            byteFindings.append(Finding(
                rule: "message-bytes", severity: .error,
                message: "the message contains a NUL byte (line \(line)); git refuses to store NUL bytes in a commit message",
                help: "remove the NUL byte (it is invisible in most editors: try cat -v on the message file)"))
        }
        let cleaned: CleanedMessage
        switch kind {
        case let .raw(editorUsed):
            let comment = try context.commentCharacter(forMessage: raw, origin: origin, editorUsed: editorUsed)
            cleaned = cleanMessageMapped(raw, mode: try context.cleanupMode(), commentChar: comment, editorUsed: editorUsed)
        case .stored:
            cleaned = cleanMessageMapped(raw, mode: .whitespace, commentChar: .character("#"), editorUsed: false)
        }
        var report = try lint(cleaned: cleaned.text, origin: origin, settings: context.configuration.lint)
        report.text = raw
        if !byteFindings.isEmpty {
            report.findings = byteFindings + report.findings
            report.ignored = false
            report.ignoreReason = nil
        }
        for index in report.findings.indices {
            if let span = report.findings[index].span {
                report.findings[index].span?.line = cleaned.rawLine(forCleanedLine: span.line)
            }
        }
        return (report, cleaned.text)
    }

    /// Lints a message that is already clean.
    package static func lint(cleaned: String, origin: String, settings: LintSettings) throws(HookError) -> SubjectReport {
        try lint(cleaned: cleaned, origin: origin, linter: Linter(settings: settings))
    }

    /// Lints a message that is already clean with a linter made once for many messages.
    static func lint(cleaned: String, origin: String, linter: Linter) throws(HookError) -> SubjectReport {
        let report: LintReport
        do {
            report = try linter.lint(cleaned)
        } catch {
            throw .pattern(error)
        }
        return SubjectReport(
            origin: origin, text: cleaned, ignored: report.ignored, ignoreReason: report.ignoreReason,
            findings: report.findings)
    }

    /// Lints every commit reachable from `to` and not from `from`, oldest first.
    ///
    /// - Parameters:
    ///   - from: the exclusive lower end (a revision), or nil for the whole history of `to`.
    ///   - to: the inclusive upper end.
    ///   - context: must have a repository.
    /// - Returns: one report per commit; commits by configured bot authors are reported as ignored.
    package static func lintRange(from: String?, to: String, context: RepositoryContext) throws(HookError) -> [SubjectReport] {
        var reports: [SubjectReport] = []
        try lintRange(from: from, to: to, context: context) { reports.append($0) }
        return reports
    }

    /// Lints every commit reachable from `to` and not from `from`, oldest first, handing each
    /// report to `body` as soon as it is made (nothing is kept: a walk of 100,000 commits holds
    /// one commit and one report at a time).
    ///
    /// - Parameters:
    ///   - from: the exclusive lower end (a revision), or nil for the whole history of `to`.
    ///   - to: the inclusive upper end.
    ///   - context: must have a repository.
    ///   - body: called with each commit's report, oldest commit first.
    /// - Throws: `HookError.git` when the history cannot be read, `.pattern` when a rule's
    ///   pattern fails.
    package static func lintRange(
        from: String?, to: String, context: RepositoryContext, _ body: (SubjectReport) -> Void
    ) throws(HookError) {
        guard let repository = context.repository else { throw .notARepository(path: ".") }
        let settings = context.configuration.lint
        let linter = Linter(settings: settings)
        func readingHistory<T>(_ step: () throws(GitError) -> T) throws(HookError) -> T {
            do {
                return try step()
            } catch {
                if repository.isShallow { throw .shallowRepository(error) }
                throw .git(error)
            }
        }
        func resolved(_ revision: String) throws(HookError) -> ObjectID {
            do { return try repository.resolve(revision) } catch {
                throw repository.isShallow ? .shallowRepository(error) : .resolving(revision, error)
            }
        }
        let upper = try resolved(to)
        let lower = try from.map { rev throws(HookError) in try resolved(rev) }
        let walker = try readingHistory { () throws(GitError) in
            try repository.walker(CommitRange(excluded: lower.map { [$0] } ?? [], included: [upper]))
        }
        while let commit = try readingHistory({ () throws(GitError) in try walker.next() }) {
            var report: SubjectReport
            if isBot(commit, settings.ignores.botAuthors) {
                report = SubjectReport(origin: "commit", ignored: true, ignoreReason: "bot author \(commit.authorName)")
            } else {
                let cleaned = cleanMessage(commit.message, mode: .whitespace, commentChar: .character("#"), editorUsed: false)
                report = try lint(cleaned: cleaned, origin: "commit", linter: linter)
            }
            report.commit = commit.id.hex
            report.summary = commit.summary
            report.origin = "commit \(commit.id.hex.prefix(7))"
            body(report)
        }
    }

    /// The finding for a message that is not valid UTF-8, naming the first bad byte's line.
    private static func invalidUTF8Finding(_ bytes: [UInt8]) -> Finding {
        var line = 1
        var lineStart = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            let text = bytes[lineStart..<index]
            if String(validating: text, as: UTF8.self) == nil { break }
            line += 1
            lineStart = index + 1
        }
        return Finding(
            rule: "message-bytes", severity: .error,
            message: "the message is not valid UTF-8 (line \(line)); git would store bytes no tool can read back as text",
            help: "save the message as UTF-8, or declare its encoding with git config i18n.commitEncoding ISO-8859-1")
    }

    private static func isBot(_ commit: Commit, _ bots: [String]) -> Bool {
        bots.contains { $0 == commit.authorName || $0 == commit.authorEmail }
    }
}
