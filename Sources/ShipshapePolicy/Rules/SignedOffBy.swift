import ShipshapeDiagnostics
import ShipshapeMessage

/// `signed-off-by`: the last non-empty, non-comment line starts with the value (`Signed-off-by:`).
enum SignedOffByRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "signed-off-by", summary: "The message ends with a Signed-off-by trailer.",
        defaultConfiguration: .init(.off, .always, .string("Signed-off-by:")), valueKind: .string,
        passingExamples: ["fix: handle tabs\n\nSigned-off-by: Ada Lovelace <ada@example.org>"],
        failingExamples: [
            "fix: handle tabs", "fix: handle tabs\n\nSigned-off-by: Ada <ada@example.org>\nRefs: #1",
        ],
        exampleConfiguration: .init(.error, .always, .string("Signed-off-by:")))

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        let value = configuration.stringValue ?? "Signed-off-by:"
        let lines = context.parsed.lines
        guard let index = lines.lastIndex(where: { !$0.isEmpty && !$0.hasPrefix("#") }) else { return [] }
        let signed = lines[index].hasPrefix(value)
        let span = context.lineSpan(index + 1)
        return context.applying(
            descriptor.id, configuration, holds: signed,
            lacking: Violation(
                "the message is not signed off", at: span,
                help: "end the message with a \(quoted(value)) line (git commit -s)"),
            having: Violation("the message must not be signed off", at: span, help: "remove the \(quoted(value)) line"))
    }
}
