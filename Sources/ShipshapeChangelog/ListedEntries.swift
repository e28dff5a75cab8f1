/// Phase one of a sync: what the file already lists, indexed for the commits at hand.
///
/// Every entry of every section is indexed by the commit id it names, so a commit listed
/// anywhere (under a release heading a person inserted, or under a release the merge brought
/// in) is never added again. Entries are also indexed by wording (scope and description), but
/// only in the Unreleased section: a line written there by hand for a change stands for it.
///
/// Only entries that share an id prefix or a key with the commits at hand are indexed, so a file
/// of thousands of entries costs one byte scan per entry, not a key per entry.
struct ListedEntries {
    /// An existing list item.
    struct Entry {
        /// Its lines.
        var range: Range<Int>
        /// Whether it is in the Unreleased section (the only one a sync edits).
        var isUnreleased: Bool
        /// Whether a commit at hand has claimed it.
        var matched = false
    }

    /// The document indexed.
    let document: ChangelogDocument
    /// The entries, top to bottom.
    private(set) var entries: [Entry] = []
    private var byPrefix: [UInt64: [Int]] = [:]
    private var byKey: [String: [Int]] = [:]

    /// Indexes a document.
    ///
    /// - Parameters:
    ///   - document: the changelog.
    ///   - wantedPrefixes: the packed first seven digits of the commit ids that may be listed.
    ///   - wantedKeys: the entry keys of the commits at hand.
    init(document: ChangelogDocument, wantedPrefixes: Set<UInt64>, wantedKeys: Set<String>) {
        self.document = document
        let wantedKeyHashes = Set(wantedKeys.map(entryKeyHash))
        var scratch = EntryKeyScratch()
        for section in document.sections {
            for subsection in section.subsections {
                for range in subsection.entries {
                    index(range, isUnreleased: section.isUnreleased, wantedPrefixes, wantedKeys, wantedKeyHashes, &scratch)
                }
            }
        }
    }

    private mutating func index(
        _ range: Range<Int>, isUnreleased: Bool, _ wantedPrefixes: Set<UInt64>, _ wantedKeys: Set<String>,
        _ wantedKeyHashes: Set<Int>, _ scratch: inout EntryKeyScratch
    ) {
        let i = entries.count
        entries.append(Entry(range: range, isUnreleased: isUnreleased))
        withUTF8Bytes(document.lines[range.lowerBound].text) { bytes in
            let position = commitTokenPosition(in: bytes)
            if let position, let prefix = packedPrefix(bytes, position.digits), wantedPrefixes.contains(prefix) {
                byPrefix[prefix, default: []].append(i)
            }
            guard isUnreleased, !wantedKeys.isEmpty else { return }
            if scratch.write(line: bytes, token: position) {
                if wantedKeyHashes.contains(scratch.hashValue) {
                    let key = String(decoding: scratch.bytes, as: UTF8.self)
                    if wantedKeys.contains(key) { byKey[key, default: []].append(i) }
                }
            } else {
                // Not ASCII: Unicode case mapping.
                let key = entryKey(ofLine: String(decoding: bytes, as: UTF8.self))
                if wantedKeys.contains(key) { byKey[key, default: []].append(i) }
            }
        }
    }

    /// The commit id an entry names (computed when needed).
    func token(_ index: Int) -> String? { commitToken(in: document.lines[entries[index].range.lowerBound].text) }

    /// The first line of an entry.
    func text(_ index: Int) -> String { document.lines[entries[index].range.lowerBound].text }

    /// The entry naming a commit (by full id or a prefix of it), anywhere in the file.
    ///
    /// A token shorter than the commit's unique abbreviation may name another commit that shares
    /// its first digits (two unreleased commits share seven digits about once in a hundred at
    /// 2,000 entries): it counts only when the entry's wording is the commit's too.
    ///
    /// - Parameters:
    ///   - id: the full commit id.
    ///   - abbreviation: the commit's unique abbreviation length in the repository.
    ///   - key: the commit's entry key, to confirm an ambiguous token; nil accepts none.
    ///   - unreleasedOnly: only entries of the Unreleased section.
    func index(forCommit id: String, abbreviation: Int = 7, key: String? = nil, unreleasedOnly: Bool = false) -> Int? {
        guard let prefix = packedPrefix(id) else { return nil }
        return byPrefix[prefix]?.first { index in
            if unreleasedOnly && !entries[index].isUnreleased { return false }
            let token = token(index) ?? ""
            guard id.hasPrefix(token) || token.hasPrefix(id) else { return false }
            if token.count >= abbreviation { return true }
            return key.map { entryKey(ofLine: text(index)) == $0 } ?? false
        }
    }

    /// Unreleased entries with this wording that name no commit (written by hand).
    func handWritten(key: String) -> [Int] {
        (byKey[key] ?? []).filter { token($0) == nil }
    }

    /// Marks an entry as claimed.
    mutating func claim(_ index: Int) { entries[index].matched = true }
}

/// What the last sync covered, for a history that was rewritten since (rebase, amend): by short
/// id, the key of the entry each commit got, and by key the commits that got it.
struct PreviousSync {
    /// The key of each previously synced commit's entry, by its first seven digits.
    var keyByShortID: [Substring: String] = [:]
    /// The previously synced commits by the key of their entry.
    var idsByKey: [String: [String]] = [:]

    /// Reads the previously synced commits.
    init(_ commits: [ChangelogCommit], formatter: EntryFormatter) {
        for commit in commits {
            let key: String
            switch formatter.contribution(of: commit) {
            case let .entry(entry): key = entry.key
            case let .revert(_, _, otherwise?): key = otherwise.key
            default: continue
            }
            keyByShortID[commit.id.prefix(7)] = key
            idsByKey[key, default: []].append(commit.id)
        }
    }
}
