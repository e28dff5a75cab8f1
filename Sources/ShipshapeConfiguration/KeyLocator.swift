/// Finds the line on which each key of a TOML document is defined, and the mistakes TOMLKit
/// would abort on instead of reporting.
///
/// TOMLKit reports positions for syntax errors only, so errors about keys and values find their
/// line here. The scanner understands just enough TOML (tables, arrays of tables, dotted and
/// quoted keys, inline tables, multi-line arrays and strings, comments); lines are 1-based.
///
/// It runs before TOMLKit, because toml++ 3 (inside TOMLKit) fails an assertion and aborts the
/// process on two mistakes it should report: a table header that does not start with a key
/// (`[=x]`, `[#]`, `[[[`, `[` alone on a line) and a `}` where an array expects a value
/// (`x = [}`), and a date followed by a space and one digit (`x = 2024-01-15 1`). Those are
/// `abortingMistake`; any other malformed text is left to TOMLKit.
struct KeyLocator {
    /// The first line of every dotted key path (`commit.rules.type-enum`,
    /// `commit.rules.body-max-line-length.level`), table headers included. Elements of arrays and
    /// of arrays of tables also have an indexed path: `versions.sources[1].pattern` for the
    /// second `[[versions.sources]]` table or the second inline table of `sources = [...]`.
    private(set) var lines: [String: Int] = [:]
    /// The first mistake toml++ would abort on: its line, column and how to fix it.
    private(set) var abortingMistake: (line: Int, column: Int, message: String)?

    private let bytes: [UInt8]
    /// How many `[[table]]` headers of each path have been seen.
    private var arrayTableCounts: [String: Int] = [:]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// toml++ stops at 256 nested arrays and inline tables; deeper text is not scanned.
    private static let maximumDepth = 300

    init(text: String) {
        bytes = Array(text.utf8)
        // toml++ skips a byte-order mark, so a table header may follow one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        scanDocument()
    }

    /// The line of a key, or of its nearest ancestor that has one.
    func line(of path: String) -> Int? {
        var components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        while !components.isEmpty {
            if let found = lines[components.joined(separator: ".")] { return found }
            components.removeLast()
        }
        return nil
    }

    // MARK: - Scanner

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        if current == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    private mutating func noteAbortingMistake(at position: Int, _ message: String) {
        guard abortingMistake == nil else { return }
        let column = String(decoding: bytes[lineStart..<position], as: UTF8.self).count + 1
        abortingMistake = (line, column, message)
    }

    private mutating func skipSpaces() {
        while let c = current, c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") { advance() }
    }

    /// Skips spaces, newlines and comments (inside arrays).
    private mutating func skipBlank() {
        while let c = current {
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n") {
                advance()
            } else if c == UInt8(ascii: "#") {
                skipToEndOfLine()
            } else {
                return
            }
        }
    }

    private mutating func skipToEndOfLine() {
        while let c = current, c != UInt8(ascii: "\n") { advance() }
    }

    private mutating func record(_ path: [String], at recordedLine: Int) {
        let key = path.joined(separator: ".")
        if lines[key] == nil { lines[key] = recordedLine }
    }

    private mutating func scanDocument() {
        var table: [String] = []
        while current != nil {
            skipBlank()
            guard let c = current else { return }
            if c == UInt8(ascii: "[") {
                let headerLine = line
                advance()
                let isArrayOfTables = current == UInt8(ascii: "[")
                if isArrayOfTables { advance() }
                checkHeaderKey(isArrayOfTables: isArrayOfTables)
                skipSpaces()
                table = scanKey()
                record(table, at: headerLine)
                if isArrayOfTables, let last = table.last {
                    // `[[versions.sources]]` again: the next element, `versions.sources[1]`.
                    let plain = table.joined(separator: ".")
                    let index = arrayTableCounts[plain, default: 0]
                    arrayTableCounts[plain] = index + 1
                    table[table.count - 1] = last + "[\(index)]"
                    record(table, at: headerLine)
                }
                skipToEndOfLine()
            } else {
                let keyLine = line
                let key = scanKey()
                if key.isEmpty {  // Not a key: skip the line rather than loop.
                    skipToEndOfLine()
                    continue
                }
                record(table + key, at: keyLine)
                skipSpaces()
                if current == UInt8(ascii: "=") { advance() }
                skipSpaces()
                scanValue(path: table + key, depth: 0)
                skipSpaces()
                if current == UInt8(ascii: "#") { skipToEndOfLine() }
            }
        }
    }

    /// Notes a table header whose first character after the brackets and blanks cannot start a
    /// key (toml++ reports `]`, and the blank of `[ [`, itself).
    private mutating func checkHeaderKey(isArrayOfTables: Bool) {
        var position = index
        while position < bytes.count && (bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")) {
            position += 1
        }
        guard position < bytes.count else { return }
        let next = bytes[position]
        if isBareKeyByte(next) || next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") || next == UInt8(ascii: "]")
            || (next == UInt8(ascii: "[") && !isArrayOfTables)
        {
            return
        }
        noteAbortingMistake(at: position, "a table header needs a name after \"[\": write [name] or [\"quoted name\"]")
    }

    /// Notes a bare value shaped `????-??-?? D` followed by a value's end: toml++ takes the space
    /// for the one between a date and a time, reads the digit, and fails an assertion where a
    /// second digit should be. (Such a value is never valid TOML.)
    private mutating func checkDateWithLoneDigit() {
        func isTerminator(_ c: UInt8) -> Bool {
            [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ","),
             UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#")].contains(c)
        }
        let start = index
        guard start + 12 < bytes.count, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            bytes[start + 10] == UInt8(ascii: " "), bytes[start + 11] >= UInt8(ascii: "0"), bytes[start + 11] <= UInt8(ascii: "9"),
            isTerminator(bytes[start + 12]), !bytes[start..<(start + 10)].contains(where: isTerminator)
        else { return }
        noteAbortingMistake(at: start + 12, "a date is followed by a space and a single digit: write a whole time (2024-01-15 12:00:00) or remove the digit")
    }

    /// Reads a possibly dotted, possibly quoted key; stops before `=`, `]` or the end of line.
    private mutating func scanKey() -> [String] {
        var parts: [String] = []
        while let c = current {
            skipSpaces()
            guard let c2 = current else { break }
            if c2 == UInt8(ascii: "\"") || c2 == UInt8(ascii: "'") {
                parts.append(scanString())
            } else {
                var part: [UInt8] = []
                while let d = current, isBareKeyByte(d) {
                    part.append(d)
                    advance()
                }
                if part.isEmpty { break }
                parts.append(String(decoding: part, as: UTF8.self))
            }
            skipSpaces()
            if current == UInt8(ascii: ".") {
                advance()
                continue
            }
            _ = c
            break
        }
        return parts
    }

    private func isBareKeyByte(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "-")
            || c == UInt8(ascii: "_")
    }

    /// Reads a string (basic, literal, or their multi-line forms) and returns its raw content.
    private mutating func scanString() -> String {
        guard let quote = current else { return "" }
        let multi = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
        var content: [UInt8] = []
        if multi {
            advance(); advance(); advance()
            while let c = current {
                if c == quote && index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote {
                    advance(); advance(); advance()
                    // Up to two more quotes may belong to the content.
                    while current == quote { advance() }
                    break
                }
                if c == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                    advance()
                }
                content.append(c)
                advance()
            }
        } else {
            advance()
            while let c = current, c != quote, c != UInt8(ascii: "\n") {
                if c == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                    advance()
                    if let escaped = current { content.append(escaped); advance() }
                    continue
                }
                content.append(c)
                advance()
            }
            if current == quote { advance() }
        }
        return String(decoding: content, as: UTF8.self)
    }

    private mutating func scanValue(path: [String], depth: Int) {
        guard depth < Self.maximumDepth else {
            index = bytes.count
            return
        }
        guard let c = current else { return }
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            _ = scanString()
        case UInt8(ascii: "["):
            advance()
            var element = 0
            while true {
                skipBlank()
                guard let d = current else { return }
                if d == UInt8(ascii: "]") { advance(); return }
                if d == UInt8(ascii: ",") { advance(); continue }
                if d == UInt8(ascii: "}") { noteAbortingMistake(at: index, "an array is closed with \"]\", not \"}\"") }
                let before = index
                // Elements are `key[0]`, `key[1]`, ...: inline tables in an array record their keys there.
                var elementPath = path
                if let last = elementPath.last { elementPath[elementPath.count - 1] = last + "[\(element)]" }
                let elementLine = line
                record(elementPath, at: elementLine)
                scanValue(path: elementPath, depth: depth + 1)
                element += 1
                if index == before { advance() }
            }
        case UInt8(ascii: "{"):
            advance()
            while true {
                skipSpaces()
                guard let d = current else { return }
                if d == UInt8(ascii: "}") { advance(); return }
                if d == UInt8(ascii: ",") { advance(); continue }
                let keyLine = line
                let key = scanKey()
                if key.isEmpty { advance(); continue }
                record(path + key, at: keyLine)
                skipSpaces()
                if current == UInt8(ascii: "=") { advance() }
                skipSpaces()
                scanValue(path: path + key, depth: depth + 1)
            }
        default:
            checkDateWithLoneDigit()
            while let d = current, d != UInt8(ascii: ","), d != UInt8(ascii: "]"), d != UInt8(ascii: "}"),
                d != UInt8(ascii: "\n"), d != UInt8(ascii: "#")
            {
                advance()
            }
        }
    }
}
