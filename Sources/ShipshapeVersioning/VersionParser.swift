extension SemanticVersion {
    /// Parses a SemVer 2.0.0 version exactly as the specification writes it (no `v`, no PEP 440).
    ///
    /// - Parameter text: the version, e.g. `1.2.0-rc.1+build.5`.
    /// - Returns: the version.
    /// - Throws: `VersioningError.invalidVersion` with the 1-based column of the first offending
    ///   character and what is wrong there (leading zero, empty identifier, invalid character,
    ///   missing part).
    package static func parse(_ text: String) throws(VersioningError) -> SemanticVersion {
        var parser = StrictParser(bytes: Array(text.utf8))
        do {
            return try parser.parse()
        } catch {
            throw .invalidVersion(text: text, column: column(of: error.offset, in: text), problem: error.problem)
        }
    }

    /// Parses a version as it appears in a project file or tag: a leading `v` (or `V`) is
    /// ignored, and a PEP 440 version with a SemVer meaning (`1.2.0rc1`, `1.2.0.dev3`,
    /// `1.2.0a1`, `1.2.0b1`) is converted to its SemVer spelling
    /// (`1.2.0-rc.1`, `1.2.0-dev.3`, `1.2.0-alpha.1`, `1.2.0-beta.1`).
    ///
    /// - Parameter text: the version as written.
    /// - Returns: the version and how it was spelled.
    /// - Throws: `VersioningError.invalidVersion` from the SemVer reading (the more precise one)
    ///   when neither reading works, with the column in `text` (a leading `v` counted).
    package static func parseLenient(_ text: String) throws(VersioningError) -> (version: SemanticVersion, spelling: VersionSpelling) {
        var body = Substring(text)
        var offset = 0
        if let first = body.first, first == "v" || first == "V" {
            body = body.dropFirst()
            offset = 1
        }
        let bytes = Array(body.utf8)
        var strict = StrictParser(bytes: bytes)
        let failure: ParseFailure
        do {
            return (try strict.parse(), .semVer)
        } catch {
            failure = error
        }
        if let converted = parsePEP440(bytes) { return (converted, .pep440) }
        if let bang = bytes.firstIndex(of: UInt8(ascii: "!")), bang > 0, bytes[..<bang].allSatisfy(isDigitByte) {
            throw .invalidVersion(text: text, column: offset + 1, problem: .noSemVerEquivalent("epoch \(String(decoding: bytes[...bang], as: UTF8.self))"))
        }
        let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
        if let post = lowered.firstRange(of: "post"), lowered[post.upperBound...].firstRange(of: "dev") != nil {
            throw .invalidVersion(text: text, column: offset + 1, problem: .noSemVerEquivalent("development release of a post-release"))
        }
        throw .invalidVersion(
            text: text, column: offset + column(of: failure.offset, in: String(body)), problem: failure.problem)
    }

    /// Parses leniently and returns nil instead of throwing.
    ///
    /// - Parameter text: the version as written.
    /// - Returns: the version, or nil when it is not a version.
    package static func lenient(_ text: String) -> SemanticVersion? {
        try? parseLenient(text).version
    }

    /// The 1-based column (in characters) of a byte offset.
    private static func column(of offset: Int, in text: String) -> Int {
        let utf8 = Array(text.utf8)
        let prefix = utf8[..<min(offset, utf8.count)]
        return String(decoding: prefix, as: UTF8.self).count + 1
    }
}

/// A parse failure: byte offset and problem.
struct ParseFailure: Error {
    var offset: Int
    var problem: VersionProblem
}

/// The SemVer 2.0.0 grammar over UTF-8 bytes.
struct StrictParser {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parse() throws(ParseFailure) -> SemanticVersion {
        guard !bytes.isEmpty else { throw ParseFailure(offset: 0, problem: .empty) }
        let major = try number("major version")
        try dot(before: "minor version")
        let minor = try number("minor version")
        try dot(before: "patch version")
        let patch = try number("patch version")
        var preRelease: [PreReleaseIdentifier] = []
        var build: [String] = []
        if index < bytes.count && bytes[index] == UInt8(ascii: "-") {
            index += 1
            for (text, start) in try identifiers("pre-release") {
                if text.utf8.allSatisfy(isDigitByte) {
                    if text.utf8.count > 1 && text.utf8.first == UInt8(ascii: "0") {
                        throw ParseFailure(offset: start, problem: .leadingZero("numeric pre-release identifier \"\(text)\""))
                    }
                    guard text.utf8.count <= 18, let value = UInt64(text) else {
                        throw ParseFailure(offset: start, problem: .numberTooLarge("pre-release identifier \"\(text)\""))
                    }
                    preRelease.append(.numeric(value))
                } else {
                    preRelease.append(.alphanumeric(text))
                }
            }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: "+") {
            index += 1
            build = try identifiers("build metadata").map(\.0)
        }
        if index < bytes.count {
            throw ParseFailure(offset: index, problem: .invalidCharacter(character(at: index), "version (after \(partName()))"))
        }
        return SemanticVersion(major: major, minor: minor, patch: patch, preRelease: preRelease, build: build)
    }

    private func partName() -> String {
        bytes.contains(UInt8(ascii: "+")) ? "the build metadata" : bytes.contains(UInt8(ascii: "-")) ? "the pre-release" : "the patch version"
    }

    private func character(at offset: Int) -> Character {
        var end = offset + 1
        while end < bytes.count && (bytes[end] & 0xC0) == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self).first ?? "?"
    }

    private mutating func number(_ part: String) throws(ParseFailure) -> UInt64 {
        let start = index
        while index < bytes.count && isDigitByte(bytes[index]) { index += 1 }
        if index == start {
            if index >= bytes.count { throw ParseFailure(offset: index, problem: .missingPart(part)) }
            throw ParseFailure(offset: index, problem: .invalidCharacter(character(at: index), part))
        }
        if index - start > 1 && bytes[start] == UInt8(ascii: "0") {
            throw ParseFailure(offset: start, problem: .leadingZero(part))
        }
        guard index - start <= 18, let value = UInt64(String(decoding: bytes[start..<index], as: UTF8.self)) else {
            throw ParseFailure(offset: start, problem: .numberTooLarge(part))
        }
        return value
    }

    private mutating func dot(before part: String) throws(ParseFailure) {
        guard index < bytes.count else { throw ParseFailure(offset: index, problem: .missingPart(part)) }
        guard bytes[index] == UInt8(ascii: ".") else {
            throw ParseFailure(offset: index, problem: .invalidCharacter(character(at: index), "version number (expected \".\" before the \(part))"))
        }
        index += 1
    }

    /// Dot-separated identifiers of `[0-9A-Za-z-]`, with their start offsets; stops at `+` or the end.
    private mutating func identifiers(_ part: String) throws(ParseFailure) -> [(String, Int)] {
        var result: [(String, Int)] = []
        while true {
            let start = index
            while index < bytes.count && (isAlnumByte(bytes[index]) || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            if index == start {
                if index < bytes.count && bytes[index] != UInt8(ascii: ".") && bytes[index] != UInt8(ascii: "+") {
                    throw ParseFailure(offset: index, problem: .invalidCharacter(character(at: index), part))
                }
                throw ParseFailure(offset: index, problem: .emptyIdentifier(part))
            }
            result.append((String(decoding: bytes[start..<index], as: UTF8.self), start))
            guard index < bytes.count else { return result }
            if bytes[index] == UInt8(ascii: ".") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "+") && part != "build metadata" { return result }
            throw ParseFailure(offset: index, problem: .invalidCharacter(character(at: index), part))
        }
    }
}

@inline(__always) func isDigitByte(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
@inline(__always) func isAlnumByte(_ b: UInt8) -> Bool {
    isDigitByte(b) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
}

/// Converts a PEP 440 version with exactly three release numbers and at least one of a
/// pre-release (`a`, `b`, `rc` and their long forms), a post-release, `.devN` or a local part
/// to SemVer.
///
/// The meaning decided for the forms SemVer lacks: a development release `1.3.0.dev2` is the
/// pre-release `1.3.0-dev.2`; a post-release `1.3.0.post1` is `1.3.0+post.1`, build metadata:
/// the same precedence as `1.3.0` (it republishes that release), identical only to a version
/// spelled the same way; a local part `+ubuntu.1` is build metadata too. Epochs (`1!2.0.0`) and
/// a development release of a post-release give nil, as do leading zeros.
func parsePEP440(_ bytes: [UInt8]) -> SemanticVersion? {
    let lower = bytes.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 32 : $0 }
    var i = 0
    func number() -> UInt64? {
        let start = i
        while i < lower.count && isDigitByte(lower[i]) { i += 1 }
        guard i > start, i - start <= 18, !(i - start > 1 && lower[start] == 0x30) else { return nil }
        return UInt64(String(decoding: lower[start..<i], as: UTF8.self))
    }
    func optionalNumber() -> UInt64? {
        if i < lower.count && isSeparator(lower[i]) && i + 1 < lower.count && isDigitByte(lower[i + 1]) { i += 1 }
        if i < lower.count && isDigitByte(lower[i]) { return number() }
        return 0
    }
    func isSeparator(_ b: UInt8) -> Bool { b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") }
    func word(_ w: String) -> Bool {
        let chars = Array(w.utf8)
        guard i + chars.count <= lower.count, Array(lower[i..<(i + chars.count)]) == chars else { return false }
        i += chars.count
        return true
    }
    guard let major = number(), i < lower.count, lower[i] == UInt8(ascii: ".") else { return nil }
    i += 1
    guard let minor = number(), i < lower.count, lower[i] == UInt8(ascii: ".") else { return nil }
    i += 1
    guard let patch = number() else { return nil }
    var preRelease: [PreReleaseIdentifier] = []
    var build: [String] = []
    var converted = false
    // Pre-release: [sep](alpha|a|beta|b|preview|pre|rc|c)[sep]N
    let save = i
    if i < lower.count && isSeparator(lower[i]) { i += 1 }
    let labels: [(String, String)] = [("alpha", "alpha"), ("a", "alpha"), ("beta", "beta"), ("b", "beta"), ("preview", "rc"), ("pre", "rc"), ("rc", "rc"), ("c", "rc")]
    var matchedLabel: String?
    for (spelling, label) in labels where word(spelling) {
        matchedLabel = label
        break
    }
    if let label = matchedLabel {
        guard let n = optionalNumber() else { return nil }
        preRelease += [.alphanumeric(label), .numeric(n)]
        converted = true
    } else {
        i = save
    }
    // Post-release: [sep](post|rev|r)[sep]N, as build metadata `post.N` (SemVer has nothing
    // between a release and the next one; a post-release republishes the same code).
    let beforePost = i
    if i < lower.count && isSeparator(lower[i]) { i += 1 }
    var isPostRelease = false
    if word("post") || word("rev") || word("r") {
        guard let n = optionalNumber() else { return nil }
        build += ["post", String(n)]
        converted = true
        isPostRelease = true
    } else {
        i = beforePost
    }
    // Development release: [sep]devN
    let beforeDev = i
    if i < lower.count && isSeparator(lower[i]) { i += 1 }
    if word("dev") {
        // A development release of a post-release has no SemVer order at all.
        if isPostRelease { return nil }
        guard let n = optionalNumber() else { return nil }
        preRelease += [.alphanumeric("dev"), .numeric(n)]
        converted = true
    } else {
        i = beforeDev
    }
    // Local version: +label(.label)*
    if i < lower.count && lower[i] == UInt8(ascii: "+") {
        i += 1
        var part: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if isSeparator(b) {
                guard !part.isEmpty else { return nil }
                build.append(String(decoding: part, as: UTF8.self))
                part = []
            } else if isAlnumByte(b) {
                part.append(b)
            } else {
                return nil
            }
            i += 1
        }
        guard !part.isEmpty else { return nil }
        build.append(String(decoding: part, as: UTF8.self))
        converted = true
    }
    guard i == lower.count, converted else { return nil }
    return SemanticVersion(major: major, minor: minor, patch: patch, preRelease: preRelease, build: build)
}
