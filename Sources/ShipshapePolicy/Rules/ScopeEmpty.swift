import ShipshapeDiagnostics
import ShipshapeMessage

/// `scope-empty`: the header has a scope (`never` empty) or has none (`always`).
enum ScopeEmptyRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "scope-empty", summary: "The scope must not be empty.",
        defaultConfiguration: .init(.off, .never), valueKind: .none,
        passingExamples: ["fix(api): handle tabs"],
        failingExamples: ["fix: handle tabs", "fix(): handle tabs"],
        exampleConfiguration: .init(.error, .never))

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        let span = context.parsed.fields.typeSpan.map {
            SourceSpan(line: $0.line, column: $0.column + $0.length, length: 1)
        }
        return context.applying(
            descriptor.id, configuration, holds: context.parsed.scope == nil,
            lacking: Violation(
                "the header must not have a scope", at: context.parsed.fields.scopeSpan,
                help: "remove the scope and its parentheses"),
            having: Violation(
                "the header has no scope", at: span ?? context.headerSpan,
                help: "add a scope after the type, e.g. \"fix(api): ...\""))
    }
}
