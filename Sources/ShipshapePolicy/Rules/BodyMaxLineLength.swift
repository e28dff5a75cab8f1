import ShipshapeDiagnostics
import ShipshapeMessage

/// `body-max-line-length`: every body line is at most N characters (UTF-16 code units).
///
/// Lines containing an `http(s)://` URL are exempt as in commitlint (unless `exemptURLLines` is
/// false); git trailers are exempt when `exemptTrailers` is set.
enum BodyMaxLineLengthRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "body-max-line-length", summary: "Body lines are at most N characters long.",
        defaultConfiguration: .init(.error, .always, .integer(100)), valueKind: .integer,
        passingExamples: ["fix: handle tabs\n\nShort line.\n" + String(repeating: "b", count: 100)],
        failingExamples: ["fix: handle tabs\n\n" + String(repeating: "b", count: 101)])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let lines = context.parsed.bodyLines else { return [] }
        return lineLengthFindings(descriptor.id, what: "body", lines: lines, context, configuration)
    }
}
