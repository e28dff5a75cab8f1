/// Finds the two mistakes that toml++ 3 (inside TOMLKit) does not report but aborts the process
/// on: a table header that does not start with a key (`[=x]`, `[#]`, `[[[`, `[` alone on a line),
/// and a `}` where an array expects a value (`x = [}`).
///
/// The text is checked before TOMLKit sees it, with a small scanner that knows strings (all four
/// kinds), comments, arrays and inline tables, and so where a line starts a table header.
///
/// - Parameter text: the TOML document.
/// - Returns: the 1-based line and column of the offending character and what to do, or nil.
func tomlKitUnsafeSpot(in text: String) -> (line: Int, column: Int, message: String)? {
    let bytes = Array(text.utf8)
    let count = bytes.count
    // toml++ skips a byte-order mark, so a header may follow one.
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var lineStart = 0
    var open: [UInt8] = []  // the arrays and inline tables of a value that are open, innermost last
    var atLineStart = true  // only blanks so far on this line

    func column(of index: Int) -> Int { String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1 }
    func has(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= count else { return false }
        return literal.withUTF8Buffer { Array($0) == Array(bytes[index..<(index + length)]) }
    }
    /// Moves past a string that starts at `i`; counts the lines of a multi-line one.
    func skipString(_ quote: UInt8) {
        let multiLine = quote == UInt8(ascii: "\"") ? has("\"\"\"", at: i) : has("'''", at: i)
        i += multiLine ? 3 : 1
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                i += 2
                continue
            }
            if byte == 0x0A {
                if !multiLine { return }  // an unterminated string: toml++ reports it
                line += 1
                lineStart = i + 1
            }
            if byte == quote && (!multiLine || (i + 2 < count && bytes[i + 1] == quote && bytes[i + 2] == quote)) {
                // A closing triple may be followed by one or two more quotes that belong to the text.
                i += multiLine ? 3 : 1
                while multiLine && i < count && bytes[i] == quote { i += 1 }
                return
            }
            i += 1
        }
    }

    while i < count {
        let byte = bytes[i]
        switch byte {
        case 0x0A:
            line += 1
            lineStart = i + 1
            atLineStart = true
            i += 1
            continue
        case 0x20, 0x09, 0x0D:
            i += 1
            continue
        case UInt8(ascii: "#"):
            while i < count && bytes[i] != 0x0A { i += 1 }
            continue
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            skipString(byte)
        case UInt8(ascii: "[") where open.isEmpty && atLineStart:
            // A table header: `[` or `[[`, blanks, then a bare or quoted key.
            var j = i + 1
            let isArrayHeader = j < count && bytes[j] == UInt8(ascii: "[")
            if isArrayHeader { j += 1 }
            while j < count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
            if j < count {
                let next = bytes[j]
                let isKeyStart = (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z"))
                    || (next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z"))
                    || (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9"))
                    || next == UInt8(ascii: "_") || next == UInt8(ascii: "-") || next == UInt8(ascii: "\"")
                    || next == UInt8(ascii: "'") || next == UInt8(ascii: "]")
                    // `[ [`: toml++ reports the blank between the brackets itself.
                    || (next == UInt8(ascii: "[") && !isArrayHeader)
                if !isKeyStart {
                    return (line, column(of: j), "a table header needs a name after \"[\": write [name] or [\"quoted name\"]")
                }
            }
            // The rest of a header line is its key and perhaps a comment.
            while i < count && bytes[i] != 0x0A && bytes[i] != UInt8(ascii: "#") {
                if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") { skipString(bytes[i]) } else { i += 1 }
            }
            atLineStart = false
            continue
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            open.append(byte)
            i += 1
        case UInt8(ascii: "}") where open.last == UInt8(ascii: "["):
            return (line, column(of: i), "an array is closed with \"]\", not \"}\"")
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            _ = open.popLast()
            i += 1
        default:
            i += 1
        }
        atLineStart = false
    }
    return nil
}
