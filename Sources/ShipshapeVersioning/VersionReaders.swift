/// Structural readers for the known version files. Each returns the version text (quotes
/// removed), its 1-based line and its 1-based character column, or nil when the file declares no
/// literal version where it should.
///
/// They are small scanners, not full parsers: enough structure to find the right key (the TOML
/// table, the JSON depth, the XML element path, the Python module level) and never a lookalike
/// such as a dependency pin `requests = { version = "1.2" }` or a `<parent><version>`.
enum VersionReaders {
    typealias Found = (String, Int, Int)

    /// The lines of a text, without terminators (a `\r` before `\n` dropped).
    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// Leading spaces and tabs.
    static func indentation(_ line: Substring) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.count
    }

    static func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" }

    // MARK: VERSION

    /// The first non-empty line, trimmed.
    static func plain(_ text: String) -> Found? {
        var number = 0
        for line in lines(text) {
            number += 1
            let indent = indentation(line)
            let value = String(line.dropFirst(indent).droppingTrailingBlanks())
            if value.isEmpty { continue }
            let stripped = value.hasPrefix("\u{FEFF}") ? String(value.dropFirst()) : value
            return (stripped, number, indent + 1)
        }
        return nil
    }

    // MARK: JSON

    /// A string member of the top-level object.
    static func jsonTopLevel(_ text: String, key wanted: String) -> Found? {
        let bytes = Array(text.utf8)
        var i = 0
        var stack: [UInt8] = []
        var expectKey = false
        var currentKey: String?
        var afterColon = false
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"):
                stack.append(b)
                expectKey = true
                afterColon = false
                i += 1
            case UInt8(ascii: "["):
                stack.append(b)
                expectKey = false
                afterColon = false
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                expectKey = false
                afterColon = false
                i += 1
            case UInt8(ascii: ","):
                expectKey = stack.last == UInt8(ascii: "{")
                afterColon = false
                if stack.count == 1 { currentKey = nil }
                i += 1
            case UInt8(ascii: ":"):
                afterColon = true
                i += 1
            case UInt8(ascii: "\""):
                let start = i + 1
                var j = start
                var value: [UInt8] = []
                while j < bytes.count && bytes[j] != UInt8(ascii: "\"") {
                    if bytes[j] == UInt8(ascii: "\\") && j + 1 < bytes.count {
                        j += 1
                        switch bytes[j] {
                        case UInt8(ascii: "n"): value.append(0x0A)
                        case UInt8(ascii: "t"): value.append(0x09)
                        default: value.append(bytes[j])
                        }
                    } else {
                        value.append(bytes[j])
                    }
                    j += 1
                }
                let string = String(decoding: value, as: UTF8.self)
                if stack.count == 1 && stack.last == UInt8(ascii: "{") {
                    if expectKey {
                        currentKey = string
                        expectKey = false
                    } else if afterColon && currentKey == wanted {
                        let (line, column) = lineAndColumn(of: start, in: bytes)
                        return (string, line, column)
                    }
                }
                afterColon = false
                i = j + 1
            default:
                i += 1
            }
        }
        return nil
    }

    // MARK: TOML

    /// A string value at one of the dotted key paths (table path plus key), the first path in
    /// `keys` that is present winning.
    static func toml(_ text: String, keys: [[String]]) -> Found? {
        var found: [[String]: Found] = [:]
        var table: [String] = []
        var multiline: String?
        var arrayDepth = 0
        var number = 0
        for line in lines(text) {
            number += 1
            if let delimiter = multiline {
                if line.contains(delimiter) { multiline = nil }
                continue
            }
            if arrayDepth > 0 {
                arrayDepth += bracketBalance(line)
                continue
            }
            let indent = indentation(line)
            let rest = line.dropFirst(indent)
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if rest.hasPrefix("[[") {
                table = (parseDottedKey(rest.dropFirst(2))?.0 ?? []) + ["[]"]
                continue
            }
            if rest.hasPrefix("[") {
                table = parseDottedKey(rest.dropFirst())?.0 ?? ["?"]
                continue
            }
            guard let (keyParts, afterKey) = parseDottedKey(rest) else { continue }
            var valuePart = afterKey.drop(while: isBlank)
            guard valuePart.first == "=" else { continue }
            valuePart = valuePart.dropFirst().drop(while: isBlank)
            if valuePart.hasPrefix("\"\"\"") || valuePart.hasPrefix("'''") {
                let delimiter = String(valuePart.prefix(3))
                if !valuePart.dropFirst(3).contains(delimiter) { multiline = delimiter }
                continue
            }
            if valuePart.first == "[" {
                let balance = bracketBalance(valuePart)
                if balance > 0 { arrayDepth = balance }
                continue
            }
            let path = table + keyParts
            guard keys.contains(path), found[path] == nil else { continue }
            guard let quote = valuePart.first, quote == "\"" || quote == "'" else { continue }
            let body = valuePart.dropFirst()
            guard let close = body.firstIndex(of: quote) else { continue }
            let column = line.distance(from: line.startIndex, to: body.startIndex) + 1
            found[path] = (String(body[..<close]), number, column)
        }
        for key in keys { if let value = found[key] { return value } }
        return nil
    }

    /// The net count of `[` over `]` outside strings.
    private static func bracketBalance(_ text: Substring) -> Int {
        var balance = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'": quote = c
            case "[": balance += 1
            case "]": balance -= 1
            case "#": return balance
            default: break
            }
        }
        return balance
    }

    /// A dotted TOML key (`a.b`, `"a".b`, `'a'`), and what follows it; for table headers the
    /// text up to `]` is a key too.
    private static func parseDottedKey(_ text: Substring) -> ([String], Substring)? {
        var parts: [String] = []
        var rest = text.drop(while: isBlank)
        while true {
            guard let first = rest.first else { return nil }
            if first == "\"" || first == "'" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: first) else { return nil }
                parts.append(String(body[..<close]))
                rest = body[body.index(after: close)...]
            } else {
                let bare = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                guard !bare.isEmpty else { return nil }
                parts.append(String(bare))
                rest = rest.dropFirst(bare.count)
            }
            rest = rest.drop(while: isBlank)
            if rest.first == "." {
                rest = rest.dropFirst().drop(while: isBlank)
                continue
            }
            if rest.first == "]" { rest = rest.dropFirst() }
            return (parts, rest)
        }
    }

    // MARK: INI (setup.cfg)

    /// `key = value` (or `key: value`) in a `[section]`; `attr:` and `file:` indirections give nil.
    static func ini(_ text: String, section wanted: String, key: String) -> Found? {
        var section = ""
        var number = 0
        for line in lines(text) {
            number += 1
            let indent = indentation(line)
            let rest = line.dropFirst(indent)
            if rest.isEmpty || rest.hasPrefix("#") || rest.hasPrefix(";") { continue }
            if indent == 0, rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                section = String(rest.dropFirst()[..<close]).trimmingBlanks()
                continue
            }
            guard indent == 0, section == wanted else { continue }
            guard let separator = rest.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            guard String(rest[..<separator]).trimmingBlanks() == key else { continue }
            let valueStart = rest[rest.index(after: separator)...].drop(while: isBlank)
            var value = String(valueStart).trimmingBlanks()
            if value.hasPrefix("attr:") || value.hasPrefix("file:") { return nil }
            var column = line.distance(from: line.startIndex, to: valueStart.startIndex) + 1
            if let q = value.first, q == "\"" || q == "'", value.count >= 2, value.last == q {
                value = String(value.dropFirst().dropLast())
                column += 1
            }
            return (value, number, column)
        }
        return nil
    }

    // MARK: Python

    /// A module-level `name = "..."` (optionally annotated: `name: str = "..."`), outside
    /// docstrings.
    static func pythonAssignment(_ text: String, name: String) -> Found? {
        var inTriple: String?
        var number = 0
        for line in lines(text) {
            number += 1
            if let delimiter = inTriple {
                if line.contains(delimiter) { inTriple = nil }
                continue
            }
            if line.hasPrefix(name) {
                var rest = line.dropFirst(name.count)
                if let next = rest.first, next.isLetter || next.isNumber || next == "_" { continue }
                rest = rest.drop(while: isBlank)
                if rest.first == ":" {
                    rest = rest.dropFirst()
                    rest = rest.drop { $0 != "=" }
                }
                guard rest.first == "=", rest.dropFirst().first != "=" else { continue }
                rest = rest.dropFirst().drop(while: isBlank)
                if let literal = stringLiteral(rest) {
                    let column = line.distance(from: line.startIndex, to: literal.startIndex) + 1
                    return (String(literal), number, column)
                }
                return nil
            }
            for delimiter in ["\"\"\"", "'''"] {
                let count = line.components(separatedBy: delimiter) - 1
                if count % 2 == 1 {
                    inTriple = delimiter
                    break
                }
            }
        }
        return nil
    }

    /// The body of a Python string literal at the start of the text (prefix `u`/`r` allowed).
    private static func stringLiteral(_ text: Substring) -> Substring? {
        var rest = text
        if let first = rest.first, "uUrR".contains(first), let second = rest.dropFirst().first, second == "\"" || second == "'" {
            rest = rest.dropFirst()
        }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let body = rest.dropFirst()
        guard let close = body.firstIndex(of: quote) else { return nil }
        return body[..<close]
    }

    /// A keyword argument `name=<string literal>` (setup.py), outside comments and strings.
    static func pythonKeyword(_ text: String, name: String) -> Found? {
        let bytes = Array(text.utf8)
        let wanted = Array(name.utf8)
        var i = 0
        var previous: UInt8 = 0
        func isIdentifier(_ b: UInt8) -> Bool { isAlnumByte(b) || b == UInt8(ascii: "_") || b >= 0x80 }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "#") {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                continue
            }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                let triple = i + 2 < bytes.count && bytes[i + 1] == b && bytes[i + 2] == b
                i += triple ? 3 : 1
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "\\") {
                        i += 2
                        continue
                    }
                    if bytes[i] == b && (!triple || (i + 2 < bytes.count && bytes[i + 1] == b && bytes[i + 2] == b)) {
                        i += triple ? 3 : 1
                        break
                    }
                    if !triple && bytes[i] == 0x0A { break }
                    i += 1
                }
                previous = b
                continue
            }
            if isIdentifier(b) {
                let start = i
                while i < bytes.count && isIdentifier(bytes[i]) { i += 1 }
                if Array(bytes[start..<i]) == wanted && previous != UInt8(ascii: ".") {
                    var j = i
                    while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
                    if j < bytes.count && bytes[j] == UInt8(ascii: "=") && !(j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: "=")) {
                        j += 1
                        while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
                        if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                            let quote = bytes[j]
                            var k = j + 1
                            while k < bytes.count && bytes[k] != quote && bytes[k] != 0x0A { k += 1 }
                            if k < bytes.count && bytes[k] == quote {
                                let (line, column) = lineAndColumn(of: j + 1, in: bytes)
                                return (String(decoding: bytes[(j + 1)..<k], as: UTF8.self), line, column)
                            }
                        }
                    }
                }
                previous = bytes[i - 1]
                continue
            }
            if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { previous = b }
            i += 1
        }
        return nil
    }

    // MARK: Dockerfile

    /// A `LABEL` instruction's value for the first of `keys` present (continuation lines joined).
    static func dockerLabel(_ text: String, keys: [String]) -> Found? {
        // Logical lines: bytes with their (line, column) positions.
        var logical: [([Character], [(Int, Int)])] = []
        var current: [Character] = []
        var positions: [(Int, Int)] = []
        var number = 0
        for line in lines(text) {
            number += 1
            var characters = Array(line)
            let trimmedEnd = characters.lastIndex { !isBlank($0) }
            let continues = trimmedEnd.map { characters[$0] == "\\" } ?? false
            if continues, let end = trimmedEnd { characters = Array(characters[..<end]) }
            for (index, c) in characters.enumerated() {
                current.append(c)
                positions.append((number, index + 1))
            }
            if continues {
                current.append(" ")
                positions.append((number, characters.count + 1))
            } else {
                logical.append((current, positions))
                current = []
                positions = []
            }
        }
        if !current.isEmpty { logical.append((current, positions)) }
        var found: [String: Found] = [:]
        for (characters, positions) in logical {
            var i = 0
            while i < characters.count && isBlank(characters[i]) { i += 1 }
            let instructionStart = i
            while i < characters.count && !isBlank(characters[i]) { i += 1 }
            guard String(characters[instructionStart..<i]).uppercased() == "LABEL" else { continue }
            // key=value pairs.
            while i < characters.count {
                while i < characters.count && isBlank(characters[i]) { i += 1 }
                guard i < characters.count else { break }
                let (key, afterKey) = dockerWord(characters, from: i, stopAtEquals: true)
                i = afterKey
                guard i < characters.count, characters[i] == "=" else { break }
                i += 1
                var valueStart = i
                if i < characters.count, characters[i] == "\"" || characters[i] == "'" { valueStart += 1 }
                let (value, afterValue) = dockerWord(characters, from: i, stopAtEquals: false)
                i = afterValue
                if keys.contains(key), found[key] == nil, valueStart < positions.count, !value.contains("$") {
                    let (line, column) = positions[valueStart]
                    found[key] = (value, line, column)
                }
            }
        }
        for key in keys { if let value = found[key] { return value } }
        return nil
    }

    /// A word of a Dockerfile instruction: quoted (quotes removed) or up to a blank.
    private static func dockerWord(_ characters: [Character], from start: Int, stopAtEquals: Bool) -> (String, Int) {
        var i = start
        var word = ""
        while i < characters.count {
            let c = characters[i]
            if c == "\"" || c == "'" {
                i += 1
                while i < characters.count && characters[i] != c {
                    if characters[i] == "\\" && i + 1 < characters.count { i += 1 }
                    word.append(characters[i])
                    i += 1
                }
                i += 1
                continue
            }
            if isBlank(c) || (stopAtEquals && c == "=") { break }
            word.append(c)
            i += 1
        }
        return (word, i)
    }

    // MARK: YAML

    /// A top-level (unindented) `key: value`, quotes and a trailing comment removed.
    static func yamlTopLevel(_ text: String, key: String) -> Found? {
        var number = 0
        for line in lines(text) {
            number += 1
            guard line.hasPrefix(key) else { continue }
            var rest = line.dropFirst(key.count)
            if rest.first == "\"" || rest.first == "'" { continue }
            rest = rest.drop(while: isBlank)
            guard rest.first == ":" else { continue }
            rest = rest.dropFirst().drop(while: isBlank)
            var column = line.distance(from: line.startIndex, to: rest.startIndex) + 1
            var value: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: quote) else { return nil }
                value = body[..<close]
                column += 1
            } else {
                value = rest
                if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
                value = Substring(String(value).trimmingBlanks())
            }
            return (String(value), number, column)
        }
        return nil
    }

    // MARK: XML (pom.xml)

    /// The text of `<project><version>`, not of `<parent>`, `<dependency>` or a plugin.
    static func pomProjectVersion(_ text: String) -> Found? {
        let bytes = Array(text.utf8)
        var stack: [String] = []
        var i = 0
        func starts(_ s: String, at index: Int) -> Bool {
            let chars = Array(s.utf8)
            return index + chars.count <= bytes.count && Array(bytes[index..<(index + chars.count)]) == chars
        }
        func skip(past terminator: String) {
            let chars = Array(terminator.utf8)
            while i < bytes.count {
                if starts(terminator, at: i) {
                    i += chars.count
                    return
                }
                i += 1
            }
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if starts("<!--", at: i) { skip(past: "-->"); continue }
            if starts("<![CDATA[", at: i) { skip(past: "]]>"); continue }
            if starts("<?", at: i) { skip(past: "?>"); continue }
            if starts("<!", at: i) { skip(past: ">"); continue }
            let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
            var j = i + (closing ? 2 : 1)
            let nameStart = j
            while j < bytes.count && !(bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] == UInt8(ascii: ">") || bytes[j] == UInt8(ascii: "/")) { j += 1 }
            var name = String(decoding: bytes[nameStart..<j], as: UTF8.self)
            if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            var selfClosing = false
            while j < bytes.count && bytes[j] != UInt8(ascii: ">") {
                if bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                    let q = bytes[j]
                    j += 1
                    while j < bytes.count && bytes[j] != q { j += 1 }
                }
                j += 1
            }
            if j > 0 && j - 1 < bytes.count && bytes[j - 1] == UInt8(ascii: "/") { selfClosing = true }
            i = j + 1
            if closing {
                if let index = stack.lastIndex(of: name) { stack.removeSubrange(index...) }
                continue
            }
            if selfClosing { continue }
            if name == "version" && stack == ["project"] {
                var start = i
                var end = i
                while end < bytes.count && bytes[end] != UInt8(ascii: "<") { end += 1 }
                while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D) { start += 1 }
                var stop = end
                while stop > start && (bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 || bytes[stop - 1] == 0x0A || bytes[stop - 1] == 0x0D) { stop -= 1 }
                let value = String(decoding: bytes[start..<stop], as: UTF8.self)
                if value.contains("${") { return nil }
                let (line, column) = lineAndColumn(of: start, in: bytes)
                return (value, line, column)
            }
            stack.append(name)
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        String(self.drop { $0 == " " || $0 == "\t" }.droppingTrailingBlanks())
    }
}

extension Substring {
    /// The substring without trailing spaces and tabs.
    ///
    /// Scans backwards by index rather than through `reversed()`, whose nested generic wrappers
    /// cost the runtime a metadata instantiation on first use (measurable in a hook's start-up).
    func droppingTrailingBlanks() -> Substring {
        var end = endIndex
        while end > startIndex {
            let previous = index(before: end)
            guard self[previous] == " " || self[previous] == "\t" else { break }
            end = previous
        }
        return self[startIndex..<end]
    }
}

extension Substring {
    /// The number of non-overlapping occurrences of a separator, plus one (like splitting).
    fileprivate func components(separatedBy separator: String) -> Int {
        var count = 1
        var rest = self[...]
        while let range = rest.range(of: separator) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    /// The first range of a string (stdlib only).
    fileprivate func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) {
                return index..<(self.index(index, offsetBy: needle.count))
            }
            index = self.index(after: index)
        }
        return nil
    }
}
