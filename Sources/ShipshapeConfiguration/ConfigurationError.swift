/// Why `.shipshape.toml` could not be loaded: one case per kind of mistake, each with the file,
/// the dotted key and the line, so the description can say where and how to fix it.
///
/// Descriptions read like
/// `.shipshape.toml:7: unknown key "commit.rulez" — did you mean "commit.rules"?`.
package enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file exists but cannot be read (permissions, a directory, not UTF-8).
    case unreadable(file: String, reason: String)
    /// The text is not valid TOML; line and column as reported by the TOML parser.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// A key the schema does not know; `suggestion` is a near-miss known key.
    case unknownKey(file: String, key: String, line: Int?, suggestion: String?)
    /// A rule id under `[commit.rules]` that no rule has; `suggestion` is the closest id.
    case unknownRule(file: String, rule: String, line: Int?, suggestion: String?)
    /// A value of the wrong TOML type (e.g. a string where an integer is required).
    case wrongType(file: String, key: String, line: Int?, expected: String, actual: String)
    /// A value of the right type that is not allowed (an unknown level or case name, a negative
    /// length, ...); `suggestion` is the closest allowed value, when there is one.
    case badValue(file: String, key: String, line: Int?, value: String, reason: String, suggestion: String?)
    /// A regular expression that PCRE2 rejects; `offset` is PCRE2's byte offset in the pattern.
    case badPattern(file: String, key: String, line: Int?, pattern: String, offset: Int, reason: String)
    /// A pattern that lacks named groups the key requires (`header-pattern` needs `type` and
    /// `subject`).
    case missingGroups(file: String, key: String, line: Int?, pattern: String, groups: [String])
    /// A table that lacks a key it requires (a `[[versions.sources]]` entry without `pattern`);
    /// `key` is the missing key's dotted path, `line` the table's.
    case missingKey(file: String, key: String, line: Int?, example: String)

    /// The file the error is about (as it was named when loading).
    package var file: String {
        switch self {
        case let .unreadable(file, _), let .syntax(file, _, _, _), let .unknownKey(file, _, _, _),
            let .unknownRule(file, _, _, _), let .wrongType(file, _, _, _, _), let .badValue(file, _, _, _, _, _),
            let .badPattern(file, _, _, _, _, _), let .missingGroups(file, _, _, _, _), let .missingKey(file, _, _, _):
            return file
        }
    }

    /// The 1-based line the error is on, when known.
    package var line: Int? {
        switch self {
        case .unreadable: return nil
        case let .syntax(_, line, _, _): return line
        case let .unknownKey(_, _, line, _), let .unknownRule(_, _, line, _), let .wrongType(_, _, line, _, _),
            let .badValue(_, _, line, _, _, _), let .badPattern(_, _, line, _, _, _), let .missingGroups(_, _, line, _, _),
            let .missingKey(_, _, line, _):
            return line
        }
    }

    /// `file:line:` (or `file:line:column:` for syntax errors, `file:` without a line).
    private var location: String {
        switch self {
        case let .syntax(file, line, column, _): return "\(file):\(line):\(column):"
        default: return line.map { "\(file):\($0):" } ?? "\(file):"
        }
    }

    /// `file:line: what is wrong — did you mean ...?`, ready to show to a person.
    package var description: String {
        let text: String
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the configuration: \(reason)"
        case let .syntax(_, _, _, message):
            text = "invalid TOML: \(message)"
        case let .unknownKey(_, key, _, suggestion):
            text = "unknown key \(quoted(key))" + (suggestion.map { " — did you mean \(quoted($0))?" } ?? " — remove it or check the spelling")
        case let .unknownRule(_, rule, _, suggestion):
            text = "unknown rule \(quoted(rule)) in [commit.rules]"
                + (suggestion.map { " — did you mean \(quoted($0))?" } ?? " — `shipshape rules` lists the rules")
        case let .wrongType(_, key, _, expected, actual):
            text = "\(quoted(key)) must be \(expected), not \(actual)"
        case let .badValue(_, key, _, value, reason, suggestion):
            text = "invalid value \(value) for \(quoted(key)): \(reason)" + (suggestion.map { " — did you mean \(quoted($0))?" } ?? "")
        case let .badPattern(_, key, _, pattern, offset, reason):
            text = "invalid regular expression \(quoted(pattern)) for \(quoted(key)) at offset \(offset): \(reason)"
        case let .missingGroups(_, key, _, pattern, groups):
            text = "pattern \(quoted(pattern)) for \(quoted(key)) lacks the named group"
                + (groups.count == 1 ? " " : "s ") + groups.map { "(?<\($0)>...)" }.joined(separator: " and ")
        case let .missingKey(_, key, _, example):
            text = "missing key \(quoted(key)); add it, e.g. \(example)"
        }
        return location + " " + text
    }
}

func quoted(_ text: String) -> String { "\"" + text + "\"" }
