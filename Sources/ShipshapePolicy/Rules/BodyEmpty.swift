import ShipshapeDiagnostics
import ShipshapeMessage

/// `body-empty`: the message has a body (`never` empty) or has none (`always`).
enum BodyEmptyRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "body-empty", summary: "The body must not be empty.",
        defaultConfiguration: .init(.off, .never), valueKind: .none,
        passingExamples: ["fix: handle tabs\n\nTabs were expanded twice."],
        failingExamples: ["fix: handle tabs", "fix: handle tabs\n\nRefs: #12"],
        exampleConfiguration: .init(.error, .never))

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        return context.applying(
            descriptor.id, configuration, holds: context.parsed.body == nil,
            lacking: Violation(
                "the message must not have a body", at: context.parsed.bodyLines.map { context.lineSpan($0.lowerBound) },
                help: "remove the body"),
            having: Violation(
                "the message has no body", at: context.headerEndSpan,
                help: "explain what and why in a body after a blank line"))
    }
}
