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
