import ShipshapeDiagnostics
import ShipshapeMessage

/// `type-case`: the type is in one of the given cases (`always`) or in none of them (`never`).
enum TypeCaseRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "type-case", summary: "The type is in the given case.",
        defaultConfiguration: .init(.error, .always, .strings(["lower-case"])), valueKind: .cases(allowed: caseNames),
        passingExamples: ["fix: handle tabs", "feat(api)!: drop v1"],
        failingExamples: ["FIX: handle tabs", "fIx: handle tabs", "Feat: add a thing"])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let type = context.parsed.type else { return [] }
        return caseFindings(
            descriptor.id, what: "type", text: type, span: context.parsed.fields.typeSpan, context, configuration)
    }
}

/// Findings of a case rule (`type-case`, `scope-case` segments): `some` case must (not) match.
func caseFindings(
    _ id: String, what: String, text: String, span: SourceSpan?, _ context: RuleContext,
    _ configuration: RuleConfiguration
) -> [Finding] {
    let cases = configuration.stringList
    let matched = cases.first { ensureCase(text, $0) }
    switch configuration.applicability {
    case .always where matched == nil:
        let fix = cases.first.flatMap { toCase(text, $0) }.map { "did you mean \(quoted($0))?" }
        return [
            context.finding(id, configuration, "\(what) \(quoted(text)) is not \(humanList(cases))", at: span, help: fix)
        ]
    case .never:
        guard let matched else { return [] }
        return [
            context.finding(
                id, configuration, "\(what) \(quoted(text)) must not be \(humanList(cases)) (it is \(matched))",
                at: span, help: "write the \(what) in another case, e.g. \(quoted(text.lowercased()))")
        ]
    default:
        return []
    }
}
