/// Structural readers for the known version files. Each returns the version text (quotes
/// removed) and the UTF-8 byte range of the value as written in the file (what a lossless edit
/// replaces), or nothing when the file declares no literal version where it should; some also
/// report a declaration they cannot read (`Unreadable`).
///
/// They are small scanners, not full parsers: enough structure to find the right key (the TOML
/// table, the JSON depth, the XML element path, the Python module level) and never a lookalike
/// such as a dependency pin `requests = { version = "1.2" }` or a `<parent><version>`.
enum VersionReaders {
    /// A version found: its text and the byte range of its value in the file's UTF-8.
    struct Found: Equatable {
        var text: String
        var range: Range<Int>
    }

    /// A version declaration that is there but cannot be read (a name defined elsewhere, an
    /// unresolved build argument): where it starts, how it is written, and why.
    struct Unreadable: Equatable {
        var offset: Int
        var form: String
        var reason: String
    }

    /// What one reader found in a file: versions (several when the file declares it in several
    /// places, which must then agree) and declarations it could not read.
    struct Scan: Equatable {
        var found: [Found] = []
        var unreadable: [Unreadable] = []

        init(found: [Found] = [], unreadable: [Unreadable] = []) {
            self.found = found
            self.unreadable = unreadable
        }

        init(_ one: Found?) { found = one.map { [$0] } ?? [] }
    }

    /// The UTF-8 offset of an index of `text` (or of a substring of it).
    static func offset(_ index: String.Index, in text: String) -> Int {
        text.utf8.distance(from: text.utf8.startIndex, to: index)
    }

    /// A found value from a substring of `text`.
    static func found(_ value: Substring, in text: String) -> Found {
        Found(text: String(value), range: offset(value.startIndex, in: text)..<offset(value.endIndex, in: text))
    }

    /// The lines of a text, without terminators (a `\r` before `\n` dropped).
    ///
    /// `\r\n` is one `Character` in Swift, so it is a separator of its own: splitting on `"\n"`
    /// alone would leave a CRLF file in one line.
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    /// Leading spaces and tabs.
    static func indentation(_ line: Substring) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.count
    }

    static func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" }

    // MARK: VERSION

    /// The first non-empty line, trimmed (a byte-order mark is not part of the version).
    static func plain(_ text: String) -> Found? {
        for line in lines(text) {
            var value = line.dropFirst(indentation(line)).droppingTrailingBlanks()
            if value.hasPrefix("\u{FEFF}") { value = value.dropFirst() }
            if value.isEmpty { continue }
            return found(value, in: text)
        }
        return nil
    }

    // MARK: JSON

    /// A string member of the top-level object; of duplicate members the last, as npm reads it.
    static func jsonTopLevel(_ text: String, key wanted: String) -> Found? {
        let bytes = Array(text.utf8)
        var result: Found?
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
                        // A duplicate key: the last one counts, as in JSON.parse and npm.
                        result = Found(text: string, range: start..<j)
                    }
                }
                afterColon = false
                i = j + 1
            default:
                i += 1
            }
        }
        return result
    }

    // MARK: TOML

    /// A string value at one of the dotted key paths (table path plus key), the first path in
    /// `keys` that is present winning.
    static func toml(_ text: String, keys: [[String]]) -> Found? {
        tomlAll(text, keys: keys).first
    }

    /// The string values at every present one of the dotted key paths, in the order of `keys`
    /// (the first occurrence of each).
    static func tomlAll(_ text: String, keys: [[String]]) -> [Found] {
        var found: [[String]: Found] = [:]
        var table: [String] = []
        var multiline: String?
        var arrayDepth = 0
        for line in lines(text) {
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
            found[path] = Self.found(body[..<close], in: text)
        }
        return keys.compactMap { found[$0] }
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
        for line in lines(text) {
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
            var value = rest[rest.index(after: separator)...].drop(while: isBlank).droppingTrailingBlanks()
            if value.hasPrefix("attr:") || value.hasPrefix("file:") { return nil }
            if let q = value.first, q == "\"" || q == "'", value.count >= 2, value.last == q {
                value = value.dropFirst().dropLast()
            }
            return found(value, in: text)
        }
        return nil
    }

    // MARK: YAML

    /// A top-level (unindented) `key: value`, quotes and a trailing comment removed.
    static func yamlTopLevel(_ text: String, key: String) -> Found? {
        for line in lines(text) {
            guard line.hasPrefix(key) else { continue }
            var rest = line.dropFirst(key.count)
            if rest.first == "\"" || rest.first == "'" { continue }
            rest = rest.drop(while: isBlank)
            guard rest.first == ":" else { continue }
            rest = rest.dropFirst().drop(while: isBlank)
            var value: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: quote) else { return nil }
                value = body[..<close]
            } else {
                value = rest
                if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
                value = value.droppingTrailingBlanks()
            }
            return found(value, in: text)
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
                return Found(text: value, range: start..<stop)
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
    func components(separatedBy separator: String) -> Int {
        var count = 1
        var rest = self[...]
        while let range = rest.range(of: separator) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    /// The first range of a string (stdlib only).
    func range(of needle: String) -> Range<Index>? {
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
