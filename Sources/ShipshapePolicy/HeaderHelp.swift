import ShipshapeMessage

/// Why a header does not parse as `type(scope)!: subject`, and how to fix it.
func headerHelp(_ header: String, types: [String]) -> String {
    if let first = header.first, first.isWhitespace {
        return "remove the whitespace before the type"
    }
    if let repair = repairedHeader(header, types: types) {
        return "\(repair.fixes.joined(separator: " and ")), e.g. \(quoted(repair.header))"
    }
    guard let colon = header.firstIndex(of: ":") else {
        var description = lowerCasedStart(header) ?? header
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

/// A header that misses the grammar by its punctuation alone, put right.
struct HeaderRepair {
    /// What to change, e.g. `put ":" after the scope`.
    var fixes: [String]
    /// The header with the changes made; it parses as `type(scope)!: subject`.
    var header: String
}

/// Brackets people put a scope in, with their closing partners.
private let scopeBrackets: [Character: Character] = ["(": ")", "[": "]", "{": "}", "<": ">"]

/// The repair of a header whose type, scope and description are all there but whose
/// punctuation is off: the colon missing (`feat(api) add x`), a space before it (`feat : x`),
/// no space after it (`feat:x`), or the scope in other brackets (`feat[api]: x`).
///
/// A missing colon is only assumed after an allowed type (in any case) or a scope, so that
/// `Update README.md` is not read as type `Update`. The repaired header always parses.
///
/// - Parameters:
///   - header: the header that does not parse.
///   - types: the allowed types.
/// - Returns: the fixes and the repaired header, or nil when the header is not of that kind.
func repairedHeader(_ header: String, types: [String]) -> HeaderRepair? {
    let type = String(header.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
    guard !type.isEmpty else { return nil }
    var rest = header.dropFirst(type.count)
    var fixes: [String] = []
    var scope: Substring?
    if let opener = rest.first, let closer = scopeBrackets[opener], let end = rest.firstIndex(of: closer) {
        scope = rest[rest.index(after: rest.startIndex)..<end]
        if opener != "(" { fixes.append("put the scope in parentheses") }
        rest = rest[rest.index(after: end)...]
    }
    let bang = rest.first == "!"
    if bang { rest = rest.dropFirst() }
    let spaceBefore = rest.prefix { $0 == " " }.count
    rest = rest.dropFirst(spaceBefore)
    let knownType = types.contains { $0.lowercased() == type.lowercased() }
    if rest.first == ":" {
        rest = rest.dropFirst()
        if spaceBefore > 0 { fixes.append("remove the space before \":\"") }
        if let first = rest.first, first != " " { fixes.append("put a space after \":\"") }
    } else if spaceBefore > 0 && (knownType || scope != nil) {
        fixes.append(fixes.isEmpty ? "put \":\" after the \(scope == nil ? "type" : "scope")" : "\":\" after it")
    } else {
        return nil
    }
    let description = rest.drop { $0 == " " }
    guard !fixes.isEmpty, !description.isEmpty else { return nil }
    let spelled = types.first { $0.lowercased() == type.lowercased() } ?? type
    let repaired = spelled + (scope.map { "(\($0))" } ?? "") + (bang ? "!" : "") + ": " + description
    guard parseConventionalHeader(repaired) != nil else { return nil }
    return HeaderRepair(fixes: fixes, header: repaired)
}
