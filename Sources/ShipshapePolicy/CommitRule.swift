package import ShipshapeDiagnostics
package import ShipshapeMessage

/// A commit-message rule: its descriptor and its check.
protocol CommitRule: Sendable {
    /// The rule's id, default configuration, summary and examples.
    static var descriptor: RuleDescriptor { get }
    /// The rule's findings for a message (never throws; empty when the rule is satisfied).
    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding]
}

/// What a rule sees: the parsed message and the settings.
struct RuleContext {
    /// The parsed, cleaned message.
    let parsed: ParsedMessage
    /// The lint settings.
    let settings: LintSettings

    /// A finding of the given rule at the configured level.
    func finding(
        _ rule: String, _ configuration: RuleConfiguration, _ message: String, at span: MessageSpan?,
        help: String? = nil
    ) -> Finding {
        Finding(
            rule: rule, severity: configuration.level == .warning ? .warning : .error, message: message,
            span: span.map(SourceSpan.init), help: help)
    }

    /// The span of the whole header line.
    var headerSpan: MessageSpan? {
        guard let line = parsed.headerLine, let header = parsed.header else { return nil }
        return MessageSpan(line: line, column: 1, length: max(1, header.count))
    }

    /// A span just after the end of the header (where something is missing).
    var headerEndSpan: MessageSpan? {
        guard let line = parsed.headerLine, let header = parsed.header else { return nil }
        return MessageSpan(line: line, column: header.count + 1, length: 1)
    }

    /// A span covering a whole line.
    func lineSpan(_ number: Int) -> MessageSpan {
        MessageSpan(line: number, column: 1, length: max(1, parsed.line(number)?.count ?? 1))
    }
}

extension SourceSpan {
    /// The diagnostics span of a message span.
    package init(_ span: MessageSpan) {
        self.init(line: span.line, column: span.column, length: span.length)
    }
}
