import ShipshapeDiagnostics
import ShipshapeMessage

/// `footer-leading-blank`: a blank line separates the footer from what precedes it.
///
/// The footer is where commitlint's parser starts it (see `ParsedMessage`): at a note or a line
/// naming an issue, so `Body.\nSigned-off-by: A\nCloses #12` warns before `Closes #12`.
enum FooterLeadingBlankRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "footer-leading-blank", summary: "The footer begins with a blank line.",
        defaultConfiguration: .init(.warning, .always), valueKind: .none,
        passingExamples: ["fix: handle tabs\n\nRefs: #12", "fix: handle tabs\n\nBody.\n\nCloses #12\nReviewed-by: Ada"],
        failingExamples: ["fix: handle tabs\n\nBody.\nRefs: #12", "feat: x\n\nBody.\nBREAKING CHANGE: y"])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let footerLines = context.parsed.footerLines else { return [] }
        let first = footerLines.lowerBound
        return context.leadingBlankFindings(
            descriptor.id, configuration, section: "footer", blank: context.parsed.line(first - 1) == "", line: first,
            place: "before this line")
    }
}
