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

    // MARK: Python

    /// A module-level assignment: its targets (`__version__ = version = "1.0"` has two) and the
    /// value text after the last `=`.
    struct PythonAssignment {
        var targets: [String]
        var value: Substring
    }

    /// The module-level assignments and imported names of a Python file, outside docstrings.
    static func pythonModule(_ text: String) -> (assignments: [PythonAssignment], imported: Set<String>) {
        var assignments: [PythonAssignment] = []
        var imported: Set<String> = []
        var inTriple: String?
        for line in lines(text) {
            if let delimiter = inTriple {
                if line.contains(delimiter) { inTriple = nil }
                continue
            }
            if let first = line.first, first.isLetter || first == "_" {
                if line.hasPrefix("from ") || line.hasPrefix("import ") {
                    imported.formUnion(importedNames(line))
                } else if let assignment = pythonAssignmentLine(line) {
                    assignments.append(assignment)
                }
            }
            for delimiter in ["\"\"\"", "'''"] where line.components(separatedBy: delimiter) % 2 == 0 {
                inTriple = delimiter
                break
            }
        }
        return (assignments, imported)
    }

    /// `a = b = value`, `a: str = value`; nil for anything else (`a == b`, `a.b = c`, `f(x)`).
    private static func pythonAssignmentLine(_ line: Substring) -> PythonAssignment? {
        var targets: [String] = []
        var rest = line[...]
        while true {
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !name.isEmpty else { break }
            var after = rest.dropFirst(name.count).drop(while: isBlank)
            if after.first == ":" && targets.isEmpty { after = after.dropFirst().drop { $0 != "=" } }
            guard after.first == "=", after.dropFirst().first != "=" else { break }
            targets.append(String(name))
            rest = after.dropFirst().drop(while: isBlank)
        }
        return targets.isEmpty ? nil : PythonAssignment(targets: targets, value: rest)
    }

    /// The names an import line binds (`from x import a, b as c` binds `a` and `c`).
    private static func importedNames(_ line: Substring) -> [String] {
        var names = line
        if line.hasPrefix("from "), let range = line.range(of: " import ") { names = line[range.upperBound...] }
        else { names = line.dropFirst("import ".count) }
        return names.split(separator: ",").compactMap { part in
            let words = part.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == ")" })
            guard let last = words.last else { return nil }
            return String(last.split(separator: ".").first ?? last)
        }
    }

    /// The version a module-level name holds: a string literal, through chained assignments and
    /// names assigned elsewhere in the file (`VERSION = "1.0"`, then `__version__ = VERSION`).
    ///
    /// - Returns: the literal, nothing for a value computed at run time (a call such as
    ///   `version("demo")`) or a name imported from another module, and `unreadable` for a name
    ///   the file neither assigns a literal nor imports.
    static func pythonValue(
        of name: String, in module: (assignments: [PythonAssignment], imported: Set<String>), text: String, depth: Int = 0
    ) -> Scan {
        guard depth < 8, let assignment = module.assignments.first(where: { $0.targets.contains(name) }) else {
            return Scan()
        }
        return pythonValue(assignment.value, in: module, text: text, depth: depth)
    }

    /// The version a value expression holds (see `pythonValue(of:in:text:depth:)`).
    static func pythonValue(
        _ value: Substring, in module: (assignments: [PythonAssignment], imported: Set<String>), text: String, depth: Int = 0
    ) -> Scan {
        if let literal = stringLiteral(value) { return Scan(found(literal, in: text)) }
        let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        let after = value.dropFirst(name.count).drop(while: isBlank)
        guard let first = name.first, !first.isNumber, after.isEmpty || after.first == "#" || after.first == "," || after.first == ")" else {
            return Scan()  // computed at run time: not a literal version
        }
        if module.imported.contains(String(name)) { return Scan() }
        if module.assignments.contains(where: { $0.targets.contains(String(name)) }) {
            return pythonValue(of: String(name), in: module, text: text, depth: depth + 1)
        }
        return Scan(unreadable: [Unreadable(
            offset: offset(name.startIndex, in: text), form: String(name),
            reason: "the name \(name) is neither assigned a version string in this file nor imported")])
    }

    /// A module-level `name = "..."` (optionally annotated, or chained as setuptools-scm writes
    /// `__version__ = version = "1.2.0"`), outside docstrings; a name assigned a literal elsewhere
    /// in the file is followed.
    static func pythonAssignment(_ text: String, name: String) -> Scan {
        pythonValue(of: name, in: pythonModule(text), text: text)
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

    /// A keyword argument `name=<string literal>` (setup.py), outside comments and strings; a
    /// bare name (`version=VERSION`) is followed to its module-level literal.
    static func pythonKeyword(_ text: String, name: String) -> Scan {
        let bytes = Array(text.utf8)
        guard let valueStart = keywordValueOffset(bytes, name: name) else { return Scan() }
        let value = Substring(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: valueStart)...])
        if let literal = stringLiteral(value), !literal.contains("\n") { return Scan(found(literal, in: text)) }
        var scan = pythonValue(value, in: pythonModule(text), text: text)
        scan.unreadable = scan.unreadable.map { Unreadable(offset: $0.offset, form: "\(name)=\($0.form)", reason: $0.reason) }
        return scan
    }

    /// The byte offset of the value of the first `name=` keyword argument, outside comments and
    /// strings.
    private static func keywordValueOffset(_ bytes: [UInt8], name: String) -> Int? {
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
                i = endOfStringLiteral(bytes, from: i)
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
                        // A module-level `version = ...` is an assignment, not a keyword argument.
                        let lineStart = bytes[..<start].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                        if lineStart != start { return j }
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

    /// The offset just past the string literal that starts at `start` (triple quotes too).
    private static func endOfStringLiteral(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        let triple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var i = start + (triple ? 3 : 1)
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if bytes[i] == quote && (!triple || (i + 2 < bytes.count && bytes[i + 1] == quote && bytes[i + 2] == quote)) {
                return i + (triple ? 3 : 1)
            }
            if !triple && bytes[i] == 0x0A { return i }
            i += 1
        }
        return i
    }

    // MARK: Dockerfile

    /// A Dockerfile word with the byte range of its text (quotes excluded).
    struct DockerWord {
        var text: String
        var range: Range<Int>
        var quoted: Bool
    }

    /// The logical lines of a Dockerfile (continuation lines joined), each character with its
    /// UTF-8 offset in the file.
    private static func dockerLines(_ text: String) -> [[(Character, Int)]] {
        var logical: [[(Character, Int)]] = []
        var current: [(Character, Int)] = []
        for line in lines(text) {
            var characters: [(Character, Int)] = []
            var index = line.startIndex
            while index < line.endIndex {
                characters.append((line[index], offset(index, in: text)))
                index = line.index(after: index)
            }
            let trimmedEnd = characters.lastIndex { !isBlank($0.0) }
            let continues = trimmedEnd.map { characters[$0].0 == "\\" } ?? false
            if continues, let end = trimmedEnd {
                current += characters[..<end]
                current.append((" ", characters[end].1))
            } else {
                current += characters
                logical.append(current)
                current = []
            }
        }
        if !current.isEmpty { logical.append(current) }
        return logical
    }

    /// The `key=value` pairs of an instruction's arguments (also `ENV key value`, one pair).
    private static func dockerPairs(_ characters: [(Character, Int)], from start: Int) -> [(key: String, value: DockerWord?)] {
        var pairs: [(key: String, value: DockerWord?)] = []
        var i = start
        while i < characters.count {
            while i < characters.count && isBlank(characters[i].0) { i += 1 }
            guard i < characters.count else { break }
            let key = dockerWord(characters, from: i, stopAtEquals: true)
            i = key.end
            guard i < characters.count, characters[i].0 == "=" else {
                pairs.append((key.word.text, nil))
                continue
            }
            let value = dockerWord(characters, from: i + 1, stopAtEquals: false)
            i = value.end
            pairs.append((key.word.text, value.word))
        }
        return pairs
    }

    /// The versions of a Dockerfile's `LABEL`s, one per key of `keys` present (they must agree).
    ///
    /// A value that is a build argument or environment variable (`version="${VERSION}"`,
    /// `$VERSION`, `${VERSION:-1.0.0}`) is read through the latest `ARG VERSION=…` or
    /// `ENV VERSION=…` before the label: the version, and its byte range, are the default's. One
    /// that cannot be resolved (no default, or text around the variable) is `unreadable`.
    static func dockerLabel(_ text: String, keys: [String]) -> Scan {
        var found: [String: Found] = [:]
        var unreadable: [String: Unreadable] = [:]
        var variables: [String: DockerWord?] = [:]
        for characters in dockerLines(text) {
            var i = 0
            while i < characters.count && isBlank(characters[i].0) { i += 1 }
            let instructionStart = i
            while i < characters.count && !isBlank(characters[i].0) { i += 1 }
            let instruction = String(characters[instructionStart..<i].map(\.0)).uppercased()
            switch instruction {
            case "ARG":
                for pair in dockerPairs(characters, from: i) { variables[pair.key] = pair.value }
            case "ENV":
                let pairs = dockerPairs(characters, from: i)
                if pairs.count >= 2, pairs[0].value == nil, pairs.dropFirst().allSatisfy({ $0.value == nil }) {
                    // `ENV NAME value`: the rest of the line is the value.
                    let rest = dockerWord(characters, from: dockerWord(characters, from: i + 1, stopAtEquals: true).end + 1, stopAtEquals: false)
                    variables[pairs[0].key] = rest.word
                } else {
                    for pair in pairs where pair.value != nil { variables[pair.key] = pair.value }
                }
            case "LABEL":
                for pair in dockerPairs(characters, from: i) {
                    guard let value = pair.value, keys.contains(pair.key), found[pair.key] == nil, unreadable[pair.key] == nil else { continue }
                    switch dockerResolve(value, variables: variables, label: pair.key) {
                    case let .found(version): found[pair.key] = version
                    case let .unreadable(problem): unreadable[pair.key] = problem
                    case .none: break
                    }
                }
            default: break
            }
        }
        return Scan(found: keys.compactMap { found[$0] }, unreadable: keys.compactMap { unreadable[$0] })
    }

    private enum DockerValue {
        case found(Found)
        case unreadable(Unreadable)
        case none
    }

    /// A label value, through a variable when it is one.
    private static func dockerResolve(_ value: DockerWord, variables: [String: DockerWord?], label: String) -> DockerValue {
        guard value.text.contains("$") else {
            return value.text.isEmpty ? .none : .found(Found(text: value.text, range: value.range))
        }
        let form = "LABEL \(label)=\(value.text)"
        var body = Substring(value.text)
        var inlineDefault: Substring?
        if body.hasPrefix("${") && body.hasSuffix("}") {
            body = body.dropFirst(2).dropLast()
            if let separator = body.range(of: ":-") {
                inlineDefault = body[separator.upperBound...]
                body = body[..<separator.lowerBound]
            }
        } else if body.hasPrefix("$") {
            body = body.dropFirst()
        }
        let name = String(body)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), inlineDefault?.contains("$") != true else {
            return .unreadable(Unreadable(offset: value.range.lowerBound, form: form,
                                          reason: "only a whole variable (${NAME} or ${NAME:-default}) is read, not text around one"))
        }
        if let defined = variables[name], let word = defined, !word.text.isEmpty, !word.text.contains("$") {
            return .found(Found(text: word.text, range: word.range))
        }
        if let inlineDefault, !inlineDefault.isEmpty {
            // The default's bytes inside the label's value: after `${NAME:-`.
            let start = value.range.lowerBound + 2 + name.utf8.count + 2
            return .found(Found(text: String(inlineDefault), range: start..<(start + inlineDefault.utf8.count)))
        }
        let declared = variables[name] != nil
        return .unreadable(Unreadable(
            offset: value.range.lowerBound, form: form,
            reason: declared
                ? "ARG \(name) has no default here, so the version is whatever --build-arg gives; write ARG \(name)=<version>"
                : "\(name) is not declared by an ARG or ENV before the label; declare ARG \(name)=<version> above it"))
    }

    /// A word of a Dockerfile instruction: quoted (quotes removed) or up to a blank, with the
    /// byte range of its text and the index after it.
    private static func dockerWord(_ characters: [(Character, Int)], from start: Int, stopAtEquals: Bool) -> (word: DockerWord, end: Int) {
        var i = start
        var word = ""
        var first: Int?
        var last = start < characters.count ? characters[start].1 : (characters.last.map { $0.1 + $0.0.utf8.count } ?? 0)
        var quoted = false
        while i < characters.count {
            let c = characters[i].0
            if c == "\"" || c == "'" {
                quoted = true
                i += 1
                if first == nil {
                    first = i < characters.count ? characters[i].1 : last
                    last = first ?? last
                }
                while i < characters.count && characters[i].0 != c {
                    if characters[i].0 == "\\" && i + 1 < characters.count { i += 1 }
                    word.append(characters[i].0)
                    last = characters[i].1 + characters[i].0.utf8.count
                    i += 1
                }
                i += 1
                continue
            }
            if isBlank(c) || (stopAtEquals && c == "=") { break }
            if first == nil { first = characters[i].1 }
            word.append(c)
            last = characters[i].1 + c.utf8.count
            i += 1
        }
        let lower = first ?? last
        return (DockerWord(text: word, range: lower..<max(lower, last), quoted: quoted), i)
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
