import ShipshapeDiagnostics
import ShipshapeMessage

/// A commit-message rule: its descriptor and its check.
protocol CommitRule: Sendable {
    /// The rule's id, default configuration, summary and examples.
    static var descriptor: RuleDescriptor { get }
    /// The rule's findings for a message (never throws; empty when the rule is satisfied).
    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding]
}

/// What a rule sees: the parsed message and the settings.
///
/// Facts several rules need (the header's length, the git trailers) are worked out once per
/// message here, not once per rule.
struct RuleContext {
    /// The parsed, cleaned message.
    let parsed: ParsedMessage
    /// The lint settings.
    let settings: LintSettings
    /// The header's length in `Character`s (0 when there is no header).
    let headerLength: Int
    /// Work done on first use and shared by every rule of one lint run.
    private let shared: SharedFacts

    /// Creates the context of one lint run.
    init(parsed: ParsedMessage, settings: LintSettings) {
        self.parsed = parsed
        self.settings = settings
        self.headerLength = parsed.header?.count ?? 0
        self.shared = SharedFacts(parsed)
    }

    /// The git trailers of the message and the lines they cover (found on first use).
    var gitTrailers: (trailers: [GitTrailer], lines: Set<Int>) { shared.gitTrailers }

    /// Whether a body or footer line is exempt from the line-length rules under the settings.
    ///
    /// - Parameters:
    ///   - number: the 1-based line number.
    ///   - text: the line's text.
    func isLengthExempt(_ number: Int, _ text: String) -> Bool {
        if settings.exemptURLLines && containsURL(text) { return true }
        if settings.exemptTrailers && gitTrailers.lines.contains(number) { return true }
        return false
    }

    /// A finding of the given rule at the configured level.
    func finding(
        _ rule: String, _ configuration: RuleConfiguration, _ message: String, at span: SourceSpan?,
        help: String? = nil
    ) -> Finding {
        Finding(
            rule: rule, severity: configuration.level == .warning ? .warning : .error, message: message,
            span: span, help: help)
    }

    /// The findings of an `always`/`never` rule about one property of the message.
    ///
    /// Under `always` the property must hold, under `never` it must not; the other
    /// applicabilities report nothing.
    ///
    /// - Parameters:
    ///   - rule: the rule id.
    ///   - configuration: the rule's configuration.
    ///   - holds: whether the message has the property.
    ///   - lacking: the finding's message, span and help when `always` and the property does not hold.
    ///   - having: the finding's message, span and help when `never` and the property holds.
    /// - Returns: at most one finding.
    func applying(
        _ rule: String, _ configuration: RuleConfiguration, holds: Bool,
        lacking: @autoclosure () -> Violation, having: @autoclosure () -> Violation
    ) -> [Finding] {
        let violation: Violation
        switch configuration.applicability {
        case .always where !holds: violation = lacking()
        case .never where holds: violation = having()
        default: return []
        }
        return [finding(rule, configuration, violation.message, at: violation.span, help: violation.help)]
    }

    /// The findings of a leading-blank rule: a section that should (`always`) or should not
    /// (`never`) be preceded by a blank line.
    ///
    /// - Parameters:
    ///   - section: `body` or `footer`, for the message.
    ///   - blank: whether the line before the section is blank.
    ///   - line: the line the finding points at.
    ///   - place: where the blank line goes, for the help, e.g. `after the header`.
    func leadingBlankFindings(
        _ rule: String, _ configuration: RuleConfiguration, section: String, blank: Bool, line: Int, place: String
    ) -> [Finding] {
        applying(
            rule, configuration, holds: blank,
            lacking: Violation(
                "the \(section) does not begin with a blank line", at: lineSpan(line),
                help: "insert a blank line \(place)"),
            having: Violation(
                "the \(section) begins with a blank line", at: lineSpan(line), help: "remove the blank line \(place)"))
    }

    /// The span of the whole header line.
    var headerSpan: SourceSpan? {
        guard let line = parsed.headerLine else { return nil }
        return SourceSpan(line: line, column: 1, length: max(1, headerLength))
    }

    /// A span just after the end of the header (where something is missing).
    var headerEndSpan: SourceSpan? {
        guard let line = parsed.headerLine else { return nil }
        return SourceSpan(line: line, column: headerLength + 1, length: 1)
    }

    /// A span covering a whole line.
    func lineSpan(_ number: Int) -> SourceSpan {
        SourceSpan(line: number, column: 1, length: max(1, parsed.line(number)?.count ?? 1))
    }
}

/// Facts about a message computed lazily, at most once per lint run.
private final class SharedFacts {
    let parsed: ParsedMessage
    lazy var gitTrailers = ShipshapePolicy.gitTrailers(parsed)

    init(_ parsed: ParsedMessage) { self.parsed = parsed }
}

/// What a finding says and where: its message, span and help.
struct Violation {
    /// The finding's message.
    let message: String
    /// Where the finding points, if anywhere.
    let span: SourceSpan?
    /// How to fix it.
    let help: String?

    /// Creates a violation.
    init(_ message: String, at span: SourceSpan?, help: String? = nil) {
        self.message = message
        self.span = span
        self.help = help
    }
}
