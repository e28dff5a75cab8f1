package import ShipshapeDiagnostics
package import ShipshapeMessage

/// A commit-message rule: its descriptor and its check.
protocol CommitRule: Sendable {
    /// The rule's id, default configuration, summary and examples.
    static var descriptor: RuleDescriptor { get }
    /// The rule's findings for a message (never throws; empty when the rule is satisfied).
    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding]
}

/// What a rule sees: the parsed message and the settings.
struct RuleContext {
    /// The parsed, cleaned message.
    let parsed: ParsedMessage
    /// The lint settings.
    let settings: LintSettings

    /// A finding of the given rule at the configured level.
    func finding(
        _ rule: String, _ configuration: RuleConfiguration, _ message: String, at span: MessageSpan?,
        help: String? = nil
    ) -> Finding {
        Finding(
            rule: rule, severity: configuration.level == .warning ? .warning : .error, message: message,
            span: span.map(SourceSpan.init), help: help)
    }

    /// The span of the whole header line.
    var headerSpan: MessageSpan? {
        guard let line = parsed.headerLine, let header = parsed.header else { return nil }
        return MessageSpan(line: line, column: 1, length: max(1, header.count))
    }

    /// A span just after the end of the header (where something is missing).
    var headerEndSpan: MessageSpan? {
        guard let line = parsed.headerLine, let header = parsed.header else { return nil }
        return MessageSpan(line: line, column: header.count + 1, length: 1)
    }

    /// A span covering a whole line.
    func lineSpan(_ number: Int) -> MessageSpan {
        MessageSpan(line: number, column: 1, length: max(1, parsed.line(number)?.count ?? 1))
    }
}

extension SourceSpan {
    /// The diagnostics span of a message span.
    package init(_ span: MessageSpan) {
        self.init(line: span.line, column: span.column, length: span.length)
    }
}

extension RuleConfiguration {
    /// The integer value, if the rule has one.
    var integerValue: Int? {
        if case let .integer(n) = value { return n }
        return nil
    }

    /// The single string value (or the first of a list).
    var stringValue: String? {
        switch value {
        case let .string(s): return s
        case let .strings(list): return list.first
        default: return nil
        }
    }

    /// The value as a list of strings.
    var stringList: [String] {
        switch value {
        case let .string(s): return [s]
        case let .strings(list): return list
        default: return []
        }
    }
}

/// Quotes a text for a message: `"text"`.
func quoted(_ text: String) -> String { "\"" + text + "\"" }

/// A human list: `a, b or c`.
func humanList(_ items: [String], conjunction: String = "or") -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " " + conjunction + " " + last
}

/// The first character of a text lower-cased.
func lowerFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return String(first).lowercased() + text.dropFirst()
}

/// Length as JavaScript counts it (UTF-16 code units).
func jsLength(_ text: String) -> Int { text.utf16.count }

/// The span of the part of a line beyond `limit` UTF-16 code units, or nil when it fits.
func overflowSpan(line text: String, number: Int, limit: Int) -> MessageSpan? {
    var units = 0
    var column = 1
    for c in text {
        units += c.utf16.count
        if units > limit {
            return MessageSpan(line: number, column: column, length: max(1, text.count - column + 1))
        }
        column += 1
    }
    return nil
}

/// Edit distance between two strings by `Character` (optimal string alignment: insertions,
/// deletions, substitutions and transpositions of neighbours each cost 1).
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    for i in 1...x.count {
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[x.count][y.count]
}

/// Common synonyms of the Conventional Commits types.
private let typeSynonyms: [String: String] = [
    "feature": "feat", "features": "feat", "add": "feat", "new": "feat",
    "bugfix": "fix", "bug": "fix", "hotfix": "fix", "fixes": "fix", "fixed": "fix", "security": "fix",
    "doc": "docs", "documentation": "docs", "readme": "docs",
    "tests": "test", "testing": "test", "spec": "test",
    "refactoring": "refactor", "cleanup": "refactor", "performance": "perf", "optimize": "perf",
    "release": "chore", "bump": "chore", "deps": "build", "dependencies": "build", "format": "style",
    "lint": "style", "reverts": "revert", "chores": "chore", "builds": "build",
]

/// The closest allowed value to an unknown one: a synonym, a prefix or suffix, or a near spelling.
///
/// - Parameters:
///   - input: the unknown value.
///   - candidates: the allowed values.
/// - Returns: the suggestion, or nil when nothing is close.
func suggestion(for input: String, among candidates: [String]) -> String? {
    let lower = input.lowercased()
    if let exact = candidates.first(where: { $0.lowercased() == lower }) { return exact }
    if let synonym = typeSynonyms[lower], candidates.contains(synonym) { return synonym }
    let affix = candidates.filter { c in
        let lc = c.lowercased()
        return lc.count >= 2 && (lower.hasPrefix(lc) || lc.hasPrefix(lower) || lower.hasSuffix(lc))
    }
    if let best = affix.max(by: { $0.count < $1.count }), lower.count >= 2 { return best }
    let scored = candidates.map { ($0, editDistance(lower, $0.lowercased())) }
    if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(2, lower.count / 3)) { return best.0 }
    return nil
}

/// A `did you mean` help for an unknown value, or the list of allowed values.
func didYouMean(_ input: String, among candidates: [String], noun: String) -> String {
    if let s = suggestion(for: input, among: candidates) {
        return "did you mean \(quoted(s))? allowed \(noun): \(candidates.joined(separator: ", "))"
    }
    return "use one of the allowed \(noun): \(candidates.joined(separator: ", "))"
}

/// Why a header does not parse as `type(scope)!: subject`, and how to fix it.
func headerHelp(_ header: String, types: [String]) -> String {
    if let first = header.first, first.isWhitespace {
        return "remove the whitespace before the type"
    }
    guard let colon = header.firstIndex(of: ":") else {
        var description = lowerFirst(header)
        while description.hasSuffix(".") && !description.hasSuffix("...") { description.removeLast() }
        return "start the header with a type and \": \", e.g. \(quoted("chore: " + description))"
    }
    let prefix = header[..<colon]
    let after = header[header.index(after: colon)...]
    if prefix.hasSuffix(" ") || prefix.hasSuffix(" !") {
        return "remove the space before \":\""
    }
    if prefix.contains("(") && !prefix.contains(")") {
        return "close the scope with \")\" before \":\""
    }
    if after.allSatisfy({ $0 == " " || $0 == "\t" }) {
        return missingDescriptionHelp(header)
    }
    if !after.hasPrefix(" ") {
        return "put a space after \":\""
    }
    let typePart = String(prefix.prefix { $0 != "(" && $0 != "!" })
    if typePart.utf8.contains(where: { !(isASCIIWord($0)) }) {
        let hint = suggestion(for: typePart, among: types).map { ", e.g. \(quoted($0))" } ?? ""
        return "a type consists of ASCII letters, digits and \"_\" only\(hint)"
    }
    return "write the header as \"type(scope): description\""
}

/// How to fix a header that ends at its colon: `write a description after ": "`, with an example.
///
/// - Parameter header: the header, e.g. `feat(api):`.
func missingDescriptionHelp(_ header: String) -> String {
    let prefix = header.firstIndex(of: ":").map { header[..<$0] } ?? Substring(header)
    return "write a description after \": \", e.g. \(quoted(prefix + ": add dark mode"))"
}

private func isASCIIWord(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
}

/// A git trailer found by `git interpret-trailers --parse` rules (simplified).
struct GitTrailer {
    /// 1-based line of the trailer.
    let line: Int
    /// `Token: value`, as git normalises it.
    let normalized: String
}

/// The trailers of the message's last paragraph, as git finds them.
///
/// The last paragraph (after the header's paragraph) is a trailer block when every line is a
/// `Token: value` trailer or an indented continuation, or when at least a quarter of its lines
/// are trailers and one of them is git-generated (`Signed-off-by: `, `(cherry picked from commit `).
/// - Returns: the trailers with their lines, plus the lines of continuation (for exemptions).
func gitTrailers(_ parsed: ParsedMessage) -> (trailers: [GitTrailer], lines: Set<Int>) {
    guard let headerLine = parsed.headerLine else { return ([], []) }
    let lines = parsed.lines
    var end = lines.count
    while end > headerLine && lines[end - 1].isEmpty { end -= 1 }
    var start = end
    while start > headerLine && !lines[start - 1].isEmpty { start -= 1 }
    // The paragraph must not be the header's own paragraph.
    guard start > headerLine, start < end else { return ([], []) }
    var trailers: [GitTrailer] = []
    var covered: Set<Int> = []
    var nonTrailers = 0
    var generated = false
    var previousWasTrailer = false
    for index in start..<end {
        let text = lines[index]
        if let first = text.first, first == " " || first == "\t", previousWasTrailer {
            covered.insert(index + 1)
            continue
        }
        if text.hasPrefix("(cherry picked from commit ") {
            generated = true
            trailers.append(GitTrailer(line: index + 1, normalized: text))
            covered.insert(index + 1)
            previousWasTrailer = true
            continue
        }
        let tokenEnd = text.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) }
        if let tokenEnd, tokenEnd > text.startIndex {
            var rest = text[tokenEnd...]
            while rest.first == " " || rest.first == "\t" { rest = rest.dropFirst() }
            if rest.first == ":" {
                let token = String(text[..<tokenEnd])
                let value = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
                if token.lowercased() == "signed-off-by" { generated = true }
                trailers.append(GitTrailer(line: index + 1, normalized: token + ": " + value))
                covered.insert(index + 1)
                previousWasTrailer = true
                continue
            }
        }
        nonTrailers += 1
        previousWasTrailer = false
    }
    let total = trailers.count + nonTrailers
    let isBlock = !trailers.isEmpty && (nonTrailers == 0 || (generated && trailers.count * 4 >= total))
    return isBlock ? (trailers, covered) : ([], [])
}

/// Whether a line contains a URL in commitlint's sense: a match of `\bhttps?://\S+`.
///
/// This is commitlint's deliberately lenient test (conventional-changelog/commitlint#4486):
/// `http://` or `https://` (lower case) not preceded by an ASCII word character, followed by at
/// least one non-whitespace character; other text may surround it.
func containsURL(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    let scheme: [Unicode.Scalar] = ["h", "t", "t", "p"]
    var i = 0
    while i + 8 <= scalars.count {
        defer { i += 1 }
        guard scalars[i] == "h", i == 0 || !isASCIIWordScalar(scalars[i - 1]) else { continue }
        var k = i
        guard k + 4 <= scalars.count, Array(scalars[k..<(k + 4)]) == scheme else { continue }
        k += 4
        if k < scalars.count && scalars[k] == "s" { k += 1 }
        guard k + 3 < scalars.count, scalars[k] == ":", scalars[k + 1] == "/", scalars[k + 2] == "/" else { continue }
        if !isJSWhitespace(scalars[k + 3]) { return true }
    }
    return false
}

/// JavaScript's `\w` for one scalar: ASCII letters, digits and `_`.
private func isASCIIWordScalar(_ s: Unicode.Scalar) -> Bool {
    s.isASCII && isASCIIWord(UInt8(s.value))
}

/// JavaScript's `\s`: the ECMAScript white space and line terminator characters.
private func isJSWhitespace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
        return true
    default:
        return false
    }
}

/// Whether a body or footer line is exempt from the line-length rules under the settings.
func isLengthExempt(_ number: Int, _ context: RuleContext, trailerLines: Set<Int>) -> Bool {
    guard let text = context.parsed.line(number) else { return false }
    if context.settings.exemptURLLines && containsURL(text) { return true }
    if context.settings.exemptTrailers && trailerLines.contains(number) { return true }
    return false
}
