import ShipshapeDiagnostics
import ShipshapeMessage

/// `scope-case`: each scope segment is in one of the given cases (`always`) or in none (`never`).
enum ScopeCaseRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "scope-case", summary: "The scope is in the given case.",
        defaultConfiguration: .init(.off, .always, .strings(["lower-case"])), valueKind: .cases(allowed: caseNames),
        passingExamples: ["fix(api): handle tabs", "feat(3D): orbit camera", "fix(api, ui): align dates"],
        failingExamples: ["fix(API): handle tabs", "feat(api, UI): add pagination"],
        exampleConfiguration: .init(.error, .always, .strings(["lower-case"])))

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let scope = context.parsed.scope else { return [] }
        let cases = configuration.stringList
        let segments = scopeSegments(scope).filter { !$0.isEmpty }
        func segmentMatches(_ caseName: String) -> Bool { segments.allSatisfy { ensureCase($0, caseName) } }
        let matched = cases.first(where: segmentMatches)
        let span = context.parsed.fields.scopeSpan
        switch configuration.applicability {
        case .always where matched == nil:
            let fix = cases.first.flatMap { c in
                toCase(scope, c).map { _ in scopeSegments(scope).map { toCase($0, c) ?? $0 }.joined(separator: ",") }
            }
            return [
                context.finding(
                    descriptor.id, configuration, "scope \(quoted(scope)) is not \(humanList(cases))", at: span,
                    help: fix.map { "did you mean \(quoted($0))?" })
            ]
        case .never:
            guard let matched else { return [] }
            return [
                context.finding(
                    descriptor.id, configuration, "scope \(quoted(scope)) must not be \(humanList(cases)) (it is \(matched))",
                    at: span)
            ]
        default:
            return []
        }
    }
}
