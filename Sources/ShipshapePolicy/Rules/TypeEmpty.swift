import ShipshapeDiagnostics
import ShipshapeMessage

/// `type-empty`: the header has a type (`never` empty) or has none (`always`).
enum TypeEmptyRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "type-empty", summary: "The type must not be empty.",
        defaultConfiguration: .init(.error, .never), valueKind: .none,
        passingExamples: ["fix: handle tabs", "feat(api)!: drop v1"],
        failingExamples: ["handle tabs", "feat : space before the colon", "hot-fix: hyphenated type", ": no type"])

    /// What is wrong when no type was read: a header such as `feat:` or `feat(api) add x` has
    /// something in the place of the type, so the message says it is not read as one rather
    /// than that there is none.
    static func typeEmptyMessage(_ header: String, types: [String]) -> String {
        let word = header.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        let rest = header.dropFirst(word.count)
        let typeLike = !word.isEmpty && (rest.hasPrefix(":") || rest.hasPrefix("!") || rest.hasPrefix(" :")
            || rest.first.map { "([{<".contains($0) } == true)
        guard typeLike || repairedHeader(header, types: types) != nil else { return "the header has no type" }
        return "\(quoted(String(word))) is not read as a type: the header does not follow \"type(scope): description\""
    }

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        return context.applying(
            descriptor.id, configuration, holds: context.parsed.type == nil,
            lacking: Violation("the header must not have a type", at: context.parsed.fields.typeSpan, help: "remove the type"),
            having: Violation(
                typeEmptyMessage(context.parsed.header ?? "", types: allowedTypes(context)), at: context.headerSpan,
                help: headerHelp(context.parsed.header ?? "", types: allowedTypes(context))))
    }
}
