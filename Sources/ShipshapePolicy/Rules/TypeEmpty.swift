import ShipshapeDiagnostics
import ShipshapeMessage

/// `type-empty`: the header has a type (`never` empty) or has none (`always`).
enum TypeEmptyRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "type-empty", summary: "The type must not be empty.",
        defaultConfiguration: .init(.error, .never), valueKind: .none,
        passingExamples: ["fix: handle tabs", "feat(api)!: drop v1"],
        failingExamples: ["handle tabs", "feat : space before the colon", "hot-fix: hyphenated type", ": no type"])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        return context.applying(
            descriptor.id, configuration, holds: context.parsed.type == nil,
            lacking: Violation("the header must not have a type", at: context.parsed.fields.typeSpan, help: "remove the type"),
            having: Violation(
                "the header has no type", at: context.headerSpan,
                help: headerHelp(context.parsed.header ?? "", types: allowedTypes(context))))
    }
}
