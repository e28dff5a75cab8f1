/// The Dockerfile reader: `LABEL version=…`, through `ARG` and `ENV` defaults.
extension VersionReaders {
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
}
