/// What the synchroniser is given: the commits to consider and what the marker says.
package struct SyncRequest: Sendable, Hashable {
    /// The commits not yet synced, oldest first (parents before children), as walked along HEAD's
    /// history from the marker (or the release tag).
    package var commits: [ChangelogCommit]
    /// HEAD's commit: the marker's new value. Nil in a repository without commits.
    package var head: String?
    /// Whether the marker must be rewritten even when no entry changes (it is missing, malformed
    /// for this history, or no longer an ancestor of HEAD).
    package var markerIsStale: Bool
    /// After history was rewritten: the commits the old marker covered (release tag to old
    /// marker). Their changes were synced once; one that is no longer listed was deleted by hand
    /// and is not added again (except with `full`). An entry still naming one of them is moved to
    /// the walked commit with the same message, keeping its wording.
    package var previouslySynced: [ChangelogCommit]
    /// Rebuild: `commits` is the whole range since the release tag; missing entries are added
    /// again, and an entry is removed only when it names one of `previouslySynced` that left the
    /// history and still has its generated scope and description (reworded entries, lines
    /// without a commit id and entries naming unknown commits stay).
    package var full: Bool

    /// Creates a request.
    package init(
        commits: [ChangelogCommit], head: String?, markerIsStale: Bool = false, previouslySynced: [ChangelogCommit] = [],
        full: Bool = false
    ) {
        self.commits = commits
        self.head = head
        self.markerIsStale = markerIsStale
        self.previouslySynced = previouslySynced
        self.full = full
    }
}

/// What a sync did.
package struct SyncResult: Sendable, Hashable {
    /// The updated document.
    package var document: ChangelogDocument
    /// Whether the document's bytes differ from the input (or the file is new).
    package var changed: Bool
    /// The entries added, in the order added.
    package var added: [ChangelogEntry]
    /// Commit ids whose entries were removed (reverted commits; with `full`, commits no longer in
    /// the history).
    package var removed: [String]
    /// How many entries got a new commit id because their commit was rewritten (rebase).
    package var refreshed: Int
    /// How many commits were left out because their entry had been deleted by hand.
    package var dismissed: Int
    /// How many commits were skipped, by reason.
    package var skipped: [SkipReason: Int]
    /// How many commits were considered.
    package var considered: Int
}

/// Brings the Unreleased section up to date with a list of commits. Pure and deterministic:
/// the same document and request always give the same bytes.
///
/// The contract with people editing the file:
/// - only these lines are ever written: new entries (appended at the end of their category),
///   new `### ` category headings (placed in the configured order), the `## [Unreleased]` heading
///   when missing, and the marker line; entries of reverted commits are removed;
/// - an entry is recognised by the commit id in parentheses, or else by its scope and
///   description (case and spacing ignored), so a reworded or reordered entry stays as it is;
/// - commits in the marker's history are never listed again, so a deleted entry stays deleted;
/// - after a rebase, an entry naming a rewritten commit gets the new commit's id and keeps its
///   wording; a full rebuild removes only an entry that is provably generated and obsolete.
package struct ChangelogSynchronizer: Sendable {
    /// Settings (categories and their order).
    package var settings: ChangelogSettings
    /// Formats entries.
    package var formatter: EntryFormatter

    /// Creates a synchroniser.
    ///
    /// - Parameters:
    ///   - settings: the changelog settings.
    ///   - repositoryURL: the web address used to link commit ids, or nil.
    package init(settings: ChangelogSettings, repositoryURL: String?) {
        self.settings = settings
        self.formatter = EntryFormatter(settings: settings, repositoryURL: repositoryURL)
    }

    /// Syncs a document.
    ///
    /// - Parameters:
    ///   - original: the parsed file, or nil when there is none (a standard one is created).
    ///   - request: the commits and marker state.
    /// - Returns: the new document and what changed.
    package func sync(_ original: ChangelogDocument?, _ request: SyncRequest) -> SyncResult {
        var document = original ?? ChangelogDocument.standard()
        if document.isBlank, let original { document = ChangelogDocument.standard(path: original.path) }
        document.insertUnreleasedSection()
        guard let section = document.unreleased else {
            return SyncResult(document: document, changed: original.map { $0.rendered() != document.rendered() } ?? true, added: [], removed: [], refreshed: 0, dismissed: 0, skipped: [:], considered: 0)
        }

        // What the commits can match: their ids' first seven digits and their entries' keys.
        // Only existing entries that share one of these are indexed, so an Unreleased section
        // of thousands of entries costs one byte scan per entry, not a key per entry.
        let contributions = request.commits.map { formatter.contribution(of: $0) }
        var wantedPrefixes = Set<UInt64>()
        var wantedKeys = Set<String>()
        for (commit, contribution) in zip(request.commits, contributions) {
            switch contribution {
            case let .entry(entry):
                if let prefix = packedPrefix(commit.id) { wantedPrefixes.insert(prefix) }
                wantedKeys.insert(entry.key)
            case let .revert(reverted, otherwise):
                if let prefix = packedPrefix(reverted) { wantedPrefixes.insert(prefix) }
                if let otherwise {
                    if let prefix = packedPrefix(otherwise.commit) { wantedPrefixes.insert(prefix) }
                    wantedKeys.insert(otherwise.key)
                }
            case .skipped:
                break
            }
        }
        // The commits the last sync covered, by short id, with the key of the entry each one
        // got: an entry naming one of them that no walked commit matches was rewritten (a
        // walked commit has the same key) or left the history.
        var previousKeys: [Substring: String] = [:]
        var previousByKey: [String: [String]] = [:]
        for commit in request.previouslySynced {
            let key: String
            switch formatter.contribution(of: commit) {
            case let .entry(entry): key = entry.key
            case let .revert(_, otherwise?): key = otherwise.key
            default: continue
            }
            previousKeys[commit.id.prefix(7)] = key
            previousByKey[key, default: []].append(commit.id)
            if let prefix = packedPrefix(commit.id) { wantedPrefixes.insert(prefix) }
        }
        let wantedKeyHashes = Set(wantedKeys.map(entryKeyHash))

        struct Existing { var range: Range<Int>; var matched = false }
        var existing: [Existing] = []
        var byPrefix: [UInt64: [Int]] = [:]
        var byKey: [String: [Int]] = [:]
        var scratch = EntryKeyScratch()
        for subsection in section.subsections {
            for range in subsection.entries {
                let i = existing.count
                existing.append(Existing(range: range))
                withUTF8Bytes(document.lines[range.lowerBound].text) { bytes in
                    let position = commitTokenPosition(in: bytes)
                    if let position, let prefix = packedPrefix(bytes, position.digits), wantedPrefixes.contains(prefix) {
                        byPrefix[prefix, default: []].append(i)
                    }
                    guard !wantedKeys.isEmpty else { return }
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
        }
        /// The commit id an existing entry names (computed when needed).
        func token(_ index: Int) -> String? { commitToken(in: document.lines[existing[index].range.lowerBound].text) }
        func existingIndex(forCommit id: String) -> Int? {
            guard let prefix = packedPrefix(id) else { return nil }
            return byPrefix[prefix]?.first { index in
                let token = token(index) ?? ""
                return id.hasPrefix(token) || token.hasPrefix(id)
            }
        }

        var walked = Set<Substring>()
        if request.full || !request.previouslySynced.isEmpty {
            for commit in request.commits { walked.insert(commit.id.prefix(7)) }
        }
        // A deleted entry stays deleted, except in a full rebuild, which brings it back.
        var oldKeys: [String: Int] = [:]
        for commit in request.previouslySynced where !request.full {
            if case let .entry(entry) = formatter.contribution(of: commit) { oldKeys[entry.key, default: 0] += 1 }
        }

        var pending: [ChangelogEntry] = []
        var removals: [Int] = []
        var removedCommits: [String] = []
        var tokenUpdates: [(Int, String)] = []
        var dismissed = 0
        var skipped: [SkipReason: Int] = [:]

        func consider(_ entry: ChangelogEntry) {
            if let index = existingIndex(forCommit: entry.commit) {
                existing[index].matched = true
                return
            }
            // An entry with the same wording and no commit id was written by hand for this change.
            // One that names another commit is that commit's entry: two commits with the same
            // message get two entries, whether they are synced together or one run apart.
            if let candidates = byKey[entry.key],
                let index = candidates.first(where: { !existing[$0].matched && !removals.contains($0) && token($0) == nil })
            {
                existing[index].matched = true
                return
            }
            // The commit was rewritten (rebase, amend) from one the last sync listed, and that
            // entry is still there under the old id, reworded: keep the wording, take the new id.
            for previous in previousByKey[entry.key] ?? [] where !walked.contains(previous.prefix(7)) {
                guard let index = existingIndex(forCommit: previous), !existing[index].matched, !removals.contains(index) else { continue }
                existing[index].matched = true
                tokenUpdates.append((index, entry.commit))
                if let count = oldKeys[entry.key], count > 0 { oldKeys[entry.key] = count - 1 }
                return
            }
            if let count = oldKeys[entry.key], count > 0 {
                oldKeys[entry.key] = count - 1
                dismissed += 1
                return
            }
            pending.append(entry)
        }

        for contribution in contributions {
            switch contribution {
            case let .entry(entry):
                consider(entry)
            case let .revert(reverted, otherwise):
                if let index = pending.lastIndex(where: { $0.commit.hasPrefix(reverted) }) {
                    removedCommits.append(pending[index].commit)
                    pending.remove(at: index)
                } else if let index = existingIndex(forCommit: reverted), !removals.contains(index) {
                    removals.append(index)
                    removedCommits.append(reverted)
                } else if let otherwise {
                    consider(otherwise)
                } else {
                    skipped[.nonConventional, default: 0] += 1
                }
            case let .skipped(reason):
                skipped[reason, default: 0] += 1
            }
        }

        if request.full {
            // Only an entry that is provably generated and obsolete goes: it names a commit the
            // last sync covered, that commit left the history (nothing walked took its entry
            // above), and the entry still has the generated scope and description. A reworded
            // entry, a line without a commit id, or one naming a commit not known here stays.
            for (index, entry) in existing.enumerated() where !entry.matched && !removals.contains(index) {
                guard let token = token(index), !walked.contains(token.prefix(7)),
                    let generatedKey = previousKeys[token.prefix(7)],
                    entryKey(ofLine: document.lines[entry.range.lowerBound].text) == generatedKey
                else { continue }
                removals.append(index)
                removedCommits.append(token)
            }
        }

        // Apply: id refreshes (same line count), removals bottom-up, then additions, then the marker.
        var updates: [(Int, String)] = []
        for (index, commit) in tokenUpdates {
            let line = existing[index].range.lowerBound
            guard let token = token(index) else { continue }
            let replacement = String(commit.prefix(max(7, token.count)))
            var text = replacingLongIDs(in: document.lines[line].text, old: token, new: commit)
            text = replacingFirst(token, with: replacement, in: text)
            updates.append((line, text))
        }
        if !updates.isEmpty { document.replaceTexts(updates) }
        if !removals.isEmpty { document.removeLines(removals.map { existing[$0].range }) }
        let titles = settings.orderedTitles
        for title in titles {
            let entries = pending.filter { $0.category == title }
            if entries.isEmpty { continue }
            insert(entries.flatMap(\.lines), under: title, order: titles, into: &document)
        }
        let changedEntries = !pending.isEmpty || !removals.isEmpty || !tokenUpdates.isEmpty
        if let head = request.head, changedEntries || request.markerIsStale || document.syncedCommit == nil {
            document.setSyncedCommit(head)
        }
        let changed = original.map { $0.lines != document.lines } ?? true
        return SyncResult(
            document: document, changed: changed, added: pending, removed: removedCommits, refreshed: tokenUpdates.count,
            dismissed: dismissed, skipped: skipped, considered: request.commits.count)
    }

    /// Appends entry lines to a category of the Unreleased section, creating the category where
    /// the configured order puts it.
    private func insert(_ lines: [String], under title: String, order: [String], into document: inout ChangelogDocument) {
        guard let section = document.unreleased else { return }
        let wanted = normalizedTitle(title)
        if let subsection = section.subsections.first(where: { normalizedTitle($0.title) == wanted }) {
            if let last = subsection.entries.last {
                document.replaceLines(last.upperBound..<last.upperBound, with: lines)
            } else {
                var position = subsection.headingLine + 1
                if position < subsection.lines.upperBound && isBlankLine(document.lines[position].text) { position += 1 }
                document.insertBlock(lines, at: position)
            }
            return
        }
        let rank = order.map(normalizedTitle)
        let myRank = rank.firstIndex(of: wanted) ?? rank.count
        let block = ["### \(title)", ""] + lines
        if let later = section.subsections.first(where: { (rank.firstIndex(of: normalizedTitle($0.title)) ?? -1) > myRank }) {
            document.insertBlock(block, at: later.headingLine)
            return
        }
        var end = section.lines.upperBound
        while end > section.headingLine + 1 && isBlankLine(document.lines[end - 1].text) { end -= 1 }
        document.insertBlock(block, at: end)
    }
}

/// A category title compared loosely: letters and digits only, lower case (`⚠ Breaking
/// Changes` matches `Breaking changes`).
func normalizedTitle(_ title: String) -> String {
    String(title.lowercased().filter { $0.isLetter || $0.isNumber })
}

private func replacingFirst(_ old: String, with new: String, in text: String) -> String {
    guard let range = text.firstRange(of: old) else { return text }
    var result = text
    result.replaceSubrange(range, with: new)
    return result
}

/// Replaces full 40-digit ids that start with `old` (in commit links) by `new`.
private func replacingLongIDs(in text: String, old: String, new: String) -> String {
    var result = text
    var searchStart = result.startIndex
    while let range = result[searchStart...].firstRange(of: "/commit/") {
        let idStart = range.upperBound
        let id = result[idStart...].prefix { $0.isHexDigit }
        if id.count == 40 && id.lowercased().hasPrefix(old.prefix(7)) {
            let idEnd = result.index(idStart, offsetBy: 40)
            result.replaceSubrange(idStart..<idEnd, with: new)
            searchStart = result.index(idStart, offsetBy: 40)
        } else {
            searchStart = idStart
        }
    }
    return result
}
