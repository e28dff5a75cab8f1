import ShipshapeDiagnostics
import ShipshapeMessage

/// `type-enum`: the type is one of the listed types (`always`) or none of them (`never`).
///
/// As in commitlint, an empty list under `always` rejects every type; the finding then says
/// that the list is empty rather than offering an empty choice.
enum TypeEnumRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "type-enum", summary: "The type is one of the listed types.",
        defaultConfiguration: .init(
            .error, .always,
            .strings(["build", "chore", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style", "test"])),
        valueKind: .strings,
        passingExamples: ["feat: add dark mode", "fix(api): handle empty pages", "not a conventional header"],
        failingExamples: ["feature: add dark mode", "bugfix(api): handle empty pages", "Fix: capitalised type"])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let type = context.parsed.type else { return [] }
        let allowed = configuration.stringList
        let listed = allowed.contains(type)
        switch configuration.applicability {
        case .always where allowed.isEmpty:
            return [
                context.finding(
                    descriptor.id, configuration, "type \(quoted(type)) is not allowed: type-enum lists no types",
                    at: context.parsed.fields.typeSpan,
                    help: "list the allowed types in type-enum (or [commit] types), or turn type-enum off")
            ]
        case .always where !listed:
            return [
                context.finding(
                    descriptor.id, configuration, "unknown type \(quoted(type))", at: context.parsed.fields.typeSpan,
                    help: didYouMean(type, among: allowed, noun: "types"))
            ]
        case .never where listed:
            return [
                context.finding(
                    descriptor.id, configuration, "type \(quoted(type)) is not allowed",
                    at: context.parsed.fields.typeSpan, help: "use a type other than \(humanList(allowed))")
            ]
        default:
            return []
        }
    }
}

/// The allowed types (`type-enum`'s list in effect), for the help of the header rules.
func allowedTypes(_ context: RuleContext) -> [String] {
    context.settings.configuration(for: TypeEnumRule.descriptor).stringList
}
