import ShipshapeDiagnostics
import ShipshapeMessage

/// `footer-max-line-length`: every footer line is at most N characters (UTF-16 code units).
///
/// The same exemptions as `body-max-line-length` apply (lines containing a URL, by default).
enum FooterMaxLineLengthRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "footer-max-line-length", summary: "Footer lines are at most N characters long.",
        defaultConfiguration: .init(.error, .always, .integer(100)), valueKind: .integer,
        passingExamples: ["fix: handle tabs\n\nRefs: #12"],
        failingExamples: ["fix: handle tabs\n\nCloses #12 " + String(repeating: "r", count: 100)])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let lines = context.parsed.footerLines else { return [] }
        return lineLengthFindings(descriptor.id, what: "footer", lines: lines, context, configuration)
    }
}
