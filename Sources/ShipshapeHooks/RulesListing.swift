package import ShipshapeDiagnostics
import ShipshapePolicy

/// `shipshape rules`: the rule descriptors as text or JSON — the same data the tests run.
package enum RulesListing {
    /// Renders every rule with its default configuration, summary and examples.
    package static func render(format: OutputFormat) -> String {
        let descriptors = RuleCatalog.descriptors.sorted { $0.id < $1.id }
        if format == .json {
            return JSONValue.array(descriptors.map(json(for:))).serialized() + "\n"
        }
        var out = ""
        for d in descriptors {
            out += "\(d.id)  [\(describe(d.defaultConfiguration))]\n"
            out += "    \(d.summary)\n"
            for example in d.passingExamples.prefix(2) { out += "    ok:   \(oneLine(example))\n" }
            for example in d.failingExamples.prefix(2) { out += "    fail: \(oneLine(example))\n" }
        }
        return out
    }

    private static func describe(_ c: RuleConfiguration) -> String {
        if c.level == .off { return "off" }
        var parts = [c.level.rawValue, c.applicability.rawValue]
        switch c.value {
        case .none: break
        case let .integer(i): parts.append(String(i))
        case let .string(s): parts.append("\"\(s)\"")
        case let .strings(list): parts.append("[" + list.joined(separator: ", ") + "]")
        }
        return parts.joined(separator: ", ")
    }

    private static func oneLine(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "⏎")
    }

    private static func json(for d: RuleDescriptor) -> JSONValue {
        let value: JSONValue
        switch d.defaultConfiguration.value {
        case .none: value = .null
        case let .integer(i): value = .int(i)
        case let .string(s): value = .string(s)
        case let .strings(list): value = .array(list.map(JSONValue.string))
        }
        return .object([
            ("id", .string(d.id)),
            ("summary", .string(d.summary)),
            ("level", .string(d.defaultConfiguration.level.rawValue)),
            ("when", .string(d.defaultConfiguration.applicability.rawValue)),
            ("value", value),
            ("passing", .array(d.passingExamples.map(JSONValue.string))),
            ("failing", .array(d.failingExamples.map(JSONValue.string))),
        ])
    }
}
