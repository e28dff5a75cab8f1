import ShipshapeDiagnostics
import ShipshapeMessage

/// `scope-enum`: the scope is one of the listed scopes (`always`) or is not (`never`).
///
/// Scopes may hold several segments separated by `/`, `\` or `,` (optionally followed by a
/// space). As in commitlint, `always` accepts the scope when every segment is listed or the
/// whole scope is listed (so `@acme/ui-kit` may be listed as one scope); `never` rejects it when
/// some segment is listed or the whole scope is. An empty list allows everything under `always`.
enum ScopeEnumRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "scope-enum", summary: "The scope is one of the listed scopes.",
        defaultConfiguration: .init(.off, .always, .strings([])), valueKind: .strings,
        passingExamples: ["fix(api): handle tabs", "fix(api,ui): align dates", "fix: no scope", "build(@acme/ui-kit): bump"],
        failingExamples: ["fix(apu): handle tabs", "fix(api,db): align dates"],
        exampleConfiguration: .init(.error, .always, .strings(["api", "ui", "@acme/ui-kit"])))

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let scope = context.parsed.scope else { return [] }
        let allowed = configuration.stringList
        let segments = scopeSegments(scope)
        switch configuration.applicability {
        case .always:
            guard !allowed.isEmpty, !allowed.contains(scope) else { return [] }
            return segments.filter { !allowed.contains($0) }.map { segment in
                context.finding(
                    descriptor.id, configuration, "unknown scope \(quoted(segment))",
                    at: context.parsed.fields.scopeSpan, help: didYouMean(segment, among: allowed, noun: "scopes"))
            }
        case .never:
            let listed = allowed.contains(scope) ? [scope] : segments.filter { allowed.contains($0) }
            return listed.map { segment in
                context.finding(
                    descriptor.id, configuration, "scope \(quoted(segment)) is not allowed",
                    at: context.parsed.fields.scopeSpan, help: "use a scope other than \(humanList(allowed))")
            }
        }
    }
}

/// The segments of a scope, split at `/`, `\` and `,` (a space after a comma is dropped).
func scopeSegments(_ scope: String) -> [String] {
    var segments: [String] = []
    var current = ""
    var skipSpace = false
    for c in scope {
        if skipSpace && c == " " {
            skipSpace = false
            continue
        }
        skipSpace = false
        if c == "/" || c == "\\" || c == "," {
            segments.append(current)
            current = ""
            skipSpace = c == ","
        } else {
            current.append(c)
        }
    }
    segments.append(current)
    return segments
}
