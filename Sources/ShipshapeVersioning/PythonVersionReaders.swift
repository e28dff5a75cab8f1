/// The Python readers: `setup.py`'s `version=` keyword and a module's `__version__`, with the
/// module-level names they may go through.
extension VersionReaders {
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
}
