import ShipshapeMessage

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

/// JavaScript's `\w` for one byte: ASCII letters, digits and `_`.
func isASCIIWord(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
}
