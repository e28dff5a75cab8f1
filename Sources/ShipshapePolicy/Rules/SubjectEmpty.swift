import ShipshapeDiagnostics
import ShipshapeMessage

/// `subject-empty`: the header has a subject (`never` empty) or has none (`always`).
enum SubjectEmptyRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "subject-empty", summary: "The subject (description) must not be empty.",
        defaultConfiguration: .init(.error, .never), valueKind: .none,
        passingExamples: ["fix: handle tabs", "docs(readme): add badges"],
        failingExamples: ["fix:", "Update README.md", "feat(api: unclosed scope"])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        let subject = context.parsed.subject
        switch configuration.applicability {
        case .never where subject == nil:
            let help: String
            if context.parsed.type != nil {
                help = missingDescriptionHelp(context.parsed.header ?? "")
            } else {
                let types = context.settings.configuration(for: TypeEnumRule.descriptor).stringList
                help = headerHelp(context.parsed.header ?? "", types: types)
            }
            return [
                context.finding(
                    descriptor.id, configuration, "the header has no subject", at: context.headerEndSpan, help: help)
            ]
        case .always where subject != nil:
            return [
                context.finding(
                    descriptor.id, configuration, "the header must not have a subject",
                    at: context.parsed.fields.subjectSpan, help: "remove the subject")
            ]
        default:
            return []
        }
    }
}
