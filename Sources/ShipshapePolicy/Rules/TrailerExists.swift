import ShipshapeDiagnostics
import ShipshapeMessage

/// `trailer-exists`: the message's git trailers include one starting with the value.
///
/// Trailers are found the way `git interpret-trailers --parse` finds them: in the last
/// paragraph, normalised to `Token: value`.
enum TrailerExistsRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "trailer-exists", summary: "The message has the given git trailer.",
        defaultConfiguration: .init(.off, .always, .string("Signed-off-by:")), valueKind: .string,
        passingExamples: [
            "fix: handle tabs\n\nSigned-off-by: Ada <ada@example.org>",
            "fix: handle tabs\n\nSigned-off-by: Ada <ada@example.org>\nRefs: #1",
        ],
        failingExamples: ["fix: handle tabs", "Signed-off-by: Ada <ada@example.org>"],
        exampleConfiguration: .init(.error, .always, .string("Signed-off-by:")))

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        let value = configuration.stringValue ?? "Signed-off-by:"
        let trailers = context.gitTrailers.trailers
        let found = trailers.first { $0.normalized.hasPrefix(value) }
        let last = context.parsed.lines.count
        return context.applying(
            descriptor.id, configuration, holds: found != nil,
            lacking: Violation(
                "the message has no \(quoted(value)) trailer", at: last > 0 ? context.lineSpan(last) : nil,
                help: "add a \(quoted(value)) trailer in the last paragraph"),
            having: Violation(
                "the message must not have a \(quoted(value)) trailer", at: found.map { context.lineSpan($0.line) },
                help: "remove the trailer"))
    }
}
