import ShipshapeMessage

/// A commit as the changelog needs it: id, raw message and number of parents.
package struct ChangelogCommit: Sendable, Hashable {
    /// The full 40-digit lower-case commit id.
    package var id: String
    /// The message as stored in the commit.
    package var message: String
    /// The number of parents (more than one for a merge).
    package var parentCount: Int
    /// How many digits of the id its entry shows: the shortest abbreviation no other object in
    /// the repository shares (at least 7), so that an entry names one commit.
    package var abbreviation: Int

    /// Creates a commit value.
    ///
    /// - Parameters:
    ///   - id: the full commit id.
    ///   - message: the stored message.
    ///   - parentCount: the number of parents.
    ///   - abbreviation: the number of digits the entry shows.
    package init(id: String, message: String, parentCount: Int = 1, abbreviation: Int = 7) {
        self.id = id
        self.message = message
        self.parentCount = parentCount
        self.abbreviation = max(7, abbreviation)
    }
}

/// One generated changelog entry: the category it goes under and its lines.
package struct ChangelogEntry: Sendable, Hashable {
    /// The `### ` title of its category.
    package var category: String
    /// The entry's lines: `- **scope:** description (abc1234)`, then for a breaking change the
    /// footer's text indented by two spaces.
    package var lines: [String]
    /// The full id of the commit it lists.
    package var commit: String
    /// The normalized scope and description, to recognise the same change after a rebase.
    package var key: String
}

/// Why a commit got no entry.
package enum SkipReason: Sendable, Hashable {
    /// A merge commit (the commits it brings in are listed instead).
    case merge
    /// A message commitlint ignores by default (fixup!, version bumps, merges by hosts).
    case ignored
    /// Not a Conventional Commit, or a type no category lists, with no bucket configured.
    case nonConventional
    /// A scope listed in `ignoredScopes`.
    case ignoredScope
    /// The release process's own bump commit (`chore: bump version to 1.2.0`,
    /// `chore(release): 1.2.0`), not listed unless `[changelog] bump-commits = true`.
    case bump
}

/// What one commit contributes to the Unreleased section.
package enum Contribution: Sendable, Hashable {
    /// A new entry.
    case entry(ChangelogEntry)
    /// A revert of another commit: its entry is removed; when the reverted commit is not listed
    /// (it was released), `otherwise` is listed instead.
    case revert(of: String, originalKey: String?, otherwise: ChangelogEntry?)
    /// Nothing.
    case skipped(SkipReason)
}

/// Turns commits into entries.
package struct EntryFormatter: Sendable {
    /// The settings (categories, scopes, bucket).
    package var settings: ChangelogSettings
    /// The repository's web address for commit links, or nil for plain short ids.
    package var repositoryURL: String?

    /// Creates a formatter.
    ///
    /// - Parameters:
    ///   - settings: changelog settings.
    ///   - repositoryURL: the web address (`https://github.com/o/r`), or nil.
    package init(settings: ChangelogSettings, repositoryURL: String?) {
        self.settings = settings
        var url = repositoryURL
        while url?.hasSuffix("/") == true { url?.removeLast() }
        self.repositoryURL = settings.linkCommits ? url : nil
    }

    /// What a commit contributes.
    ///
    /// - Parameter commit: the commit.
    /// - Returns: an entry, a revert, or the reason it is skipped.
    package func contribution(of commit: ChangelogCommit) -> Contribution {
        if commit.parentCount > 1 { return .skipped(.merge) }
        let cleaned = cleanMessage(commit.message, mode: .whitespace, commentChar: .character("#"), editorUsed: false)
        let parsed = parseCommitMessage(cleaned)
        let header = parsed.header ?? ""
        if header.hasPrefix("Revert \"") || header.hasPrefix("revert \"") || parsed.type?.lowercased() == "revert" {
            if let reverted = revertedCommit(in: cleaned) {
                let title = settings.title(forType: "revert")
                let description = parsed.type?.lowercased() == "revert" ? (parsed.subject ?? header) : header
                let fallback = title.map { makeEntry(category: $0, scope: parsed.scope, description: description, breaking: nil, parsed: parsed, commit: commit) }
                return .revert(of: reverted, originalKey: revertedKey(header: header), otherwise: fallback)
            }
        }
        if matchDefaultIgnore(cleaned) != nil { return .skipped(.ignored) }
        guard let type = parsed.type, let subject = parsed.subject else { return bucket(parsed, header, commit) }
        if let scope = parsed.scope, settings.ignoredScopes.contains(where: { $0.lowercased() == scope.lowercased() }) {
            return .skipped(.ignoredScope)
        }
        if !settings.listsBumpCommits && isBumpCommit(type: type, scope: parsed.scope, subject: subject) { return .skipped(.bump) }
        if parsed.isBreaking, let breakingTitle = settings.breakingTitle {
            let notes = parsed.footers.filter(\.isBreakingChange).map(\.value)
            return .entry(makeEntry(category: breakingTitle, scope: parsed.scope, description: subject, breaking: notes, parsed: parsed, commit: commit))
        }
        guard let title = settings.title(forType: type) else { return bucket(parsed, header, commit) }
        return .entry(makeEntry(category: title, scope: parsed.scope, description: subject, breaking: nil, parsed: parsed, commit: commit))
    }

    private func bucket(_ parsed: ParsedMessage, _ header: String, _ commit: ChangelogCommit) -> Contribution {
        guard case let .category(title) = settings.nonConventional, !header.isEmpty else { return .skipped(.nonConventional) }
        return .entry(makeEntry(category: title, scope: nil, description: header, breaking: nil, parsed: parsed, commit: commit))
    }

    private func makeEntry(
        category: String, scope: String?, description: String, breaking: [String]?, parsed: ParsedMessage, commit: ChangelogCommit
    ) -> ChangelogEntry {
        let short = String(commit.id.prefix(commit.abbreviation))
        var line = "- "
        if let scope, !scope.isEmpty { line += "**\(scope):** " }
        line += description
        if let repositoryURL {
            line += " ([\(short)](\(repositoryURL)/commit/\(commit.id)))"
        } else {
            line += " (\(short))"
        }
        var references: [String] = []
        for footer in parsed.footers where !footer.isBreakingChange {
            if footer.separator == " #" {
                references.append("\(footer.token.lowercased()) #\(footer.value)")
            } else {
                let found = issueReferences(in: footer.value, line: 1)
                if !found.isEmpty {
                    references.append(footer.token.lowercased() + " " + found.map { ($0.repository ?? "") + $0.prefix + $0.issue }.joined(separator: ", "))
                }
            }
        }
        if !references.isEmpty { line += ", " + references.joined(separator: ", ") }
        var lines = [line]
        for note in breaking ?? [] {
            for noteLine in note.split(separator: "\n", omittingEmptySubsequences: true) where !isBlankLine(String(noteLine)) {
                lines.append("  " + trimmed(String(noteLine)))
            }
        }
        return ChangelogEntry(category: category, lines: lines, commit: commit.id, key: entryKey(scope: scope, description: description))
    }
}

/// Whether a commit is the release process's own version bump: `chore` with the scope
/// `release`, or a `chore` whose description starts with "bump version" (what `shipshape release`
/// writes).
func isBumpCommit(type: String, scope: String?, subject: String) -> Bool {
    guard type.lowercased() == "chore" else { return false }
    if scope?.lowercased() == "release" { return true }
    return subject.lowercased().hasPrefix("bump version")
}

/// The entry key of the change a revert undoes, from git's `Revert "<original header>"`.
func revertedKey(header: String) -> String? {
    guard header.hasPrefix("Revert \"") || header.hasPrefix("revert \""), header.hasSuffix("\"") else { return nil }
    let original = parseCommitMessage(String(header.dropFirst(8).dropLast()))
    guard let subject = original.subject else { return nil }
    return entryKey(scope: original.scope, description: subject)
}

/// The commit a revert message undoes (what `revertedCommit(in:)` reads, for callers outside
/// the changelog that need the id, e.g. to find its unique abbreviation).
package func revertedCommitID(in message: String) -> String? { revertedCommit(in: message) }

/// The commit a revert undoes: the id after `This reverts commit ` (git's revert message) or in
/// a `Refs:`/`Reverts:` footer.
func revertedCommit(in message: String) -> String? {
    let marker = "This reverts commit "
    var rest = Substring(message)
    while let range = rest.firstRange(of: marker) {
        let hex = rest[range.upperBound...].prefix { $0.isHexDigit }
        if hex.count >= 7 { return hex.lowercased() }
        rest = rest[range.upperBound...]
    }
    for line in message.split(separator: "\n") {
        let lower = line.lowercased()
        for token in ["refs: ", "reverts: ", "revert: "] where lower.hasPrefix(token) {
            let hex = line.dropFirst(token.count).prefix { $0.isHexDigit }
            if hex.count >= 7 && hex.count <= 40 { return hex.lowercased() }
        }
    }
    return nil
}

/// The normalized form of a scope and description: lower case, single spaces, no final period.
func entryKey(scope: String?, description: String) -> String {
    func normalize(_ s: String) -> String {
        var words = s.lowercased().split { $0 == " " || $0 == "\t" }.joined(separator: " ")
        while words.hasSuffix(".") { words.removeLast() }
        return words
    }
    return normalize(scope ?? "") + "|" + normalize(description)
}

/// The commit id an entry line names: the first 7-40 hexadecimal digits enclosed in `(...)` or
/// `[...]`, e.g. `(abc1234)` or `([abc1234](https://...))`.
func commitToken(in line: String) -> String? {
    withUTF8Bytes(line) { bytes in
        commitTokenPosition(in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.digits]), as: UTF8.self).lowercased() }
    }
}

/// The first seven hexadecimal digits of a commit id, lower-cased and packed into an integer
/// (a cheap hash key); nil when the id is shorter or not hexadecimal.
func packedPrefix(_ id: String) -> UInt64? {
    withUTF8Bytes(id) { packedPrefix($0, 0..<$0.count) }
}

/// The first seven digits of `bytes[digits]`, packed as `packedPrefix(_:)` does.
func packedPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ digits: Range<Int>) -> UInt64? {
    guard digits.count >= 7 else { return nil }
    var packed: UInt64 = 0
    for k in digits.lowerBound..<(digits.lowerBound + 7) {
        let b = bytes[k]
        guard isHexDigit(b) else { return nil }
        packed = packed << 8 | UInt64(b >= 0x41 && b <= 0x46 ? b + 0x20 : b)
    }
    return packed
}

/// Where the commit id of an entry line is: the digits and the index of the bracket before them.
func commitTokenPosition(in bytes: UnsafeBufferPointer<UInt8>) -> (digits: Range<Int>, opener: Int)? {
    var i = 0
    while i < bytes.count {
        if bytes[i] == 0x28 || bytes[i] == 0x5B {  // ( [
            var j = i + 1
            while j < bytes.count && isHexDigit(bytes[j]) { j += 1 }
            let length = j - i - 1
            if length >= 7 && length <= 40 && j < bytes.count && (bytes[j] == 0x29 || bytes[j] == 0x5D) {
                return ((i + 1)..<j, i)
            }
            i = j
        } else {
            i += 1
        }
    }
    return nil
}

/// The key (scope and description) of an existing entry line, as `entryKey` makes it: the text
/// after the bullet and the bold `**scope:**`, up to the commit id's parentheses.
func entryKey(ofLine line: String) -> String {
    withUTF8Bytes(line) { entryKey(ofLineBytes: $0) }
}

/// Where an entry line's scope and description are: `(scope, description)` byte ranges.
private func entryKeyParts(
    _ bytes: UnsafeBufferPointer<UInt8>, token: (digits: Range<Int>, opener: Int)?
) -> (scope: Range<Int>?, description: Range<Int>) {
    var start = min(2, bytes.count)
    var scope: Range<Int>?
    if bytes.count >= start + 2 && bytes[start] == 0x2A && bytes[start + 1] == 0x2A {
        var k = start + 2
        while k + 2 < bytes.count && !(bytes[k] == 0x3A && bytes[k + 1] == 0x2A && bytes[k + 2] == 0x2A) { k += 1 }
        if k + 2 < bytes.count {
            scope = (start + 2)..<k
            start = k + 3
            while start < bytes.count && bytes[start] == 0x20 { start += 1 }
        }
    }
    var end = bytes.count
    if let position = token, position.opener >= start {
        end = position.opener
        if end > start && bytes[end - 1] == 0x28 && bytes[position.opener] == 0x5B { end -= 1 }  // "([abc](url))"
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
    }
    return (scope, start..<max(start, end))
}

/// A reusable buffer for the keys of ASCII entry lines, so indexing thousands of entries
/// allocates nothing per entry.
struct EntryKeyScratch: ~Copyable {
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    /// The length of the last key written.
    private(set) var count = 0

    init() { buffer = .allocate(capacity: 256) }
    deinit { buffer.deallocate() }

    /// The last key's bytes, valid until the next `write`.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[0..<count]) }

    /// The last key's hash.
    var hashValue: Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }

    /// Writes the key of an ASCII entry line, as `entryKey(ofLine:)` makes it.
    ///
    /// - Parameters:
    ///   - line: the line's bytes.
    ///   - token: where its commit id is (`commitTokenPosition(in:)`).
    /// - Returns: false when the line is not ASCII: its key needs Unicode case mapping, so use
    ///   `entryKey(ofLine:)`.
    mutating func write(line: UnsafeBufferPointer<UInt8>, token: (digits: Range<Int>, opener: Int)?) -> Bool {
        if buffer.count < line.count + 1 {
            buffer.deallocate()
            buffer = .allocate(capacity: line.count * 2 + 1)
        }
        let parts = entryKeyParts(line, token: token)
        let out = buffer
        var length = 0
        func normalize(_ range: Range<Int>) -> Bool {
            let start = length
            var pendingSpace = false
            for k in range {
                let b = line[k]
                if b >= 0x80 { return false }
                if b == 0x20 || b == 0x09 {
                    pendingSpace = length > start
                    continue
                }
                if pendingSpace {
                    out[length] = 0x20
                    length += 1
                    pendingSpace = false
                }
                out[length] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                length += 1
            }
            while length > start && out[length - 1] == 0x2E { length -= 1 }
            return true
        }
        if let scope = parts.scope, !normalize(scope) { return false }
        out[length] = 0x7C  // |
        length += 1
        guard normalize(parts.description) else { return false }
        count = length
        return true
    }
}

/// The hash `EntryKeyScratch.hashValue` gives for a key.
func entryKeyHash(_ key: String) -> Int {
    var hasher = Hasher()
    withUTF8Bytes(key) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    return hasher.finalize()
}

private func entryKey(ofLineBytes bytes: UnsafeBufferPointer<UInt8>) -> String {
    let parts = entryKeyParts(bytes, token: commitTokenPosition(in: bytes))
    func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
    return entryKey(scope: parts.scope.map(text), description: text(parts.description))
}
