import ShipshapeDiagnostics
import ShipshapeFrontEnd
import ShipshapeMessage
import ShipshapePolicy

/// Message cleanup, parsing, every rule and every output format.
///
/// The first byte chooses the settings (bits 0–2: cleanup mode, bit 3: an editor was used,
/// bits 4–5: comment character `#`, `;` or `auto`, bit 6: every opt-in rule on as well);
/// the rest is the message file.
enum MessageFuzzing {
    static func run(_ input: [UInt8]) throws(FuzzFailure) {
        guard let control = input.first else { return }
        let modes = CleanupMode.allCases
        let mode = modes[Int(control & 7) % modes.count]
        let editorUsed = control & 8 != 0
        let comment: CommentChar = switch (control >> 4) & 3 {
        case 1: .character(";")
        case 2: .auto
        default: .hash
        }
        let raw = String(decoding: input.dropFirst(), as: UTF8.self)
        let rawLineCount = messageLines(raw).count

        let cleaned = cleanMessageMapped(raw, mode: mode, commentChar: comment, editorUsed: editorUsed)
        let lines = messageLines(cleaned.text)
        try require(
            cleaned.rawLines.count == lines.count, "one raw line per cleaned line",
            "\(cleaned.rawLines.count) mapped lines for \(lines.count) cleaned lines")
        try require(
            zip(cleaned.rawLines, cleaned.rawLines.dropFirst()).allSatisfy { $0 < $1 }
                && cleaned.rawLines.allSatisfy { (1...max(rawLineCount, 1)).contains($0) },
            "raw lines increase and lie in the raw message", excerpt(cleaned.rawLines))
        if mode == .whitespace || (mode == .strip && comment != .auto) {
            let again = cleanMessageMapped(cleaned.text, mode: mode, commentChar: comment, editorUsed: editorUsed).text
            try require(again == cleaned.text, "cleanup is idempotent (\(mode.rawValue))", excerpt(again))
        }

        let parsed = parseCommitMessage(cleaned.text)
        for (name, value, span) in [
            ("type", parsed.fields.type, parsed.fields.typeSpan),
            ("scope", parsed.fields.scope, parsed.fields.scopeSpan),
            ("subject", parsed.fields.subject, parsed.fields.subjectSpan),
        ] {
            guard let value, let span else { continue }
            // A field that starts with a combining mark shares its first character with the text
            // before it; a span in characters cannot start inside one, so it is not checked.
            if let first = value.unicodeScalars.first,
                first.properties.isGraphemeExtend || first.properties.generalCategory == .spacingMark || first == "\u{200D}"
            {
                continue
            }
            let line = parsed.line(span.line).map(Array.init) ?? []
            let start = span.column - 1
            let covered = start >= 0 && start + span.length <= line.count ? String(line[start..<(start + span.length)]) : nil
            try require(covered == value, "the \(name) span covers the \(name)", "\(excerpt(value)) at \(span)")
        }

        let settings = control & 64 != 0 ? everyRule : LintSettings()
        let report: LintReport
        do {
            report = try Linter(settings: settings).lint(cleaned.text)
        } catch {
            throw FuzzFailure(invariant: "the built-in rules never fail", detail: "\(error)")
        }
        for finding in report.findings {
            guard let span = finding.span else { continue }
            let width = parsed.line(span.line).map(\.count) ?? 0
            try require(
                span.line >= 1 && span.line <= lines.count + 1 && span.column >= 1 && span.length >= 0
                    && span.column - 1 <= width + 1,
                "a finding's span lies in the message", "\(finding.rule) at \(span)")
        }
        let subject = SubjectReport(origin: "fuzz", text: cleaned.text, ignored: report.ignored, findings: report.findings)
        for format in OutputFormat.allCases {
            let output = format.reporter(color: control & 128 != 0, verbose: true).render(.subjects([subject], asList: false))
            try require(
                report.findings.isEmpty || !output.isEmpty, "findings are rendered (\(format.rawValue))")
        }
    }

    /// The defaults plus every opt-in rule at error level with its example configuration.
    static let everyRule: LintSettings = {
        var settings = LintSettings()
        for descriptor in RuleCatalog.descriptors where descriptor.defaultConfiguration.level == .off {
            var configuration = descriptor.exampleConfiguration ?? descriptor.defaultConfiguration
            configuration.level = .error
            settings.rules[descriptor.id] = configuration
        }
        return settings
    }()
}
