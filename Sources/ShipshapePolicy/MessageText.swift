import ShipshapeDiagnostics
import ShipshapeMessage

/// Quotes a text for a message: `"text"`.
func quoted(_ text: String) -> String { "\"" + text + "\"" }

/// A human list: `a, b or c`.
func humanList(_ items: [String], conjunction: String = "or") -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " " + conjunction + " " + last
}

/// The text with its first word lower-cased where that mangles nothing, or nil.
///
/// A capitalised word loses its capital (`Add x` → `add x`), an all-capitals word of two or more
/// letters becomes lower case as a whole (`WIP` → `wip`, never `wIP`); a word that mixes cases
/// inside (`GitHub`, `PRs`, `iOS`) has no lower-case spelling, so the result is nil.
func lowerCasedStart(_ text: String) -> String? {
    let word = text.prefix { $0.isLetter }
    guard let first = word.first else { return nil }
    let rest = word.dropFirst()
    if first.isUppercase && rest.allSatisfy({ !$0.isUppercase }) {
        return String(first).lowercased() + text.dropFirst()
    }
    if word.count >= 2 && word.allSatisfy({ $0.isUppercase || !$0.isCased }) {
        return word.lowercased() + text.dropFirst(word.count)
    }
    return first.isUppercase ? nil : text
}

/// Length as JavaScript counts it (UTF-16 code units).
func jsLength(_ text: String) -> Int { text.utf16.count }

/// The span of the part of a line beyond `limit` UTF-16 code units, or nil when it fits.
func overflowSpan(line text: String, number: Int, limit: Int) -> SourceSpan? {
    var units = 0
    var column = 1
    for c in text {
        units += c.utf16.count
        if units > limit {
            return SourceSpan(line: number, column: column, length: max(1, text.count - column + 1))
        }
        column += 1
    }
    return nil
}

/// JavaScript's `\w` for one byte: ASCII letters, digits and `_`.
func isASCIIWord(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
}
