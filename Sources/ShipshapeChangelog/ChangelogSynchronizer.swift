/// What the synchroniser is given: the commits to consider and what the marker says.
package struct SyncRequest: Sendable, Hashable {
    /// The unreleased commits not yet synced, oldest first (parents before children): reachable
    /// from HEAD, from no release tag and (incrementally) from none of the marker's commits.
    package var commits: [ChangelogCommit]
    /// HEAD's commit: the marker's new value when entries change. Nil without commits.
    package var head: String?
    /// After history was rewritten: the unreleased commits the old marker covered. Their
    /// changes were synced once; one that is no longer listed was deleted by hand and is not
    /// added again (except with `full`). An entry still naming one of them is moved to the
    /// walked commit with the same message, keeping its wording.
    package var previouslySynced: [ChangelogCommit]
    /// Rebuild: `commits` is every unreleased commit; missing entries are added again, and an
    /// entry is removed only when it names one of `previouslySynced` that left the history and
    /// still has its generated scope and description (reworded entries, lines without a commit
    /// id and entries naming unknown commits stay).
    package var full: Bool
    /// The unique abbreviation length of each reverted commit (full id) that is longer than 7:
    /// an Unreleased entry naming such a commit by fewer digits is removed only when its wording
    /// is the reverted change's.
    package var revertedAbbreviations: [String: Int]
    /// For a revert of a revert (git's `Reapply`), by the id the message names: the commit the
    /// first revert undid, whose change comes back.
    package var reapplied: [String: ChangelogCommit]

    /// Creates a request.
    package init(
        commits: [ChangelogCommit], head: String?, previouslySynced: [ChangelogCommit] = [], full: Bool = false,
        revertedAbbreviations: [String: Int] = [:], reapplied: [String: ChangelogCommit] = [:]
    ) {
        self.commits = commits
        self.head = head
        self.previouslySynced = previouslySynced
        self.full = full
        self.revertedAbbreviations = revertedAbbreviations
        self.reapplied = reapplied
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
/// A sync runs in three phases, each its own type: `ListedEntries` indexes what the file lists
/// (every section), `SyncDecision` decides what changes, and `apply` edits the document.
///
/// The contract with people editing the file:
/// - only these lines are ever written: new entries (appended at the end of their category),
///   new `### ` category headings (placed in the configured order), the `## [Unreleased]` heading
///   when missing, and the marker line; entries of reverted commits are removed;
/// - a commit listed anywhere in the file (any section) is never added again; an Unreleased
///   entry is also recognised by its scope and description (case and spacing ignored), so a
///   reworded or reordered entry stays as it is;
/// - commits in the marker's history are never listed again, so a deleted entry stays deleted;
/// - the marker changes only when entries do, so a sync never leaves a bookkeeping-only change;
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
        let isNew = original == nil || original!.isBlank
        if document.isBlank, let original { document = ChangelogDocument.standard(path: original.path) }
        document.insertUnreleasedSection()
        let contributions = request.commits.map { formatter.contribution(of: $0) }
        let previous = PreviousSync(request.previouslySynced, formatter: formatter)
        let (prefixes, keys) = wanted(contributions, previous: request.previouslySynced)
        var decision = SyncDecision(
            listed: ListedEntries(document: document, wantedPrefixes: prefixes, wantedKeys: keys), previous: previous,
            request: request, formatter: formatter)
        for contribution in contributions { decision.take(contribution) }
        if request.full { decision.removeObsolete() }
        apply(decision, to: &document)
        if let head = request.head, decision.changesEntries || (isNew && document.markerLine == nil) {
            document.setSyncedCommit(head)
        }
        let changed = original.map { $0.lines != document.lines } ?? true
        return SyncResult(
            document: document, changed: changed, added: decision.pending, removed: decision.removedCommits,
            refreshed: decision.tokenUpdates.count, dismissed: decision.dismissed, skipped: decision.skipped,
            considered: request.commits.count)
    }

    /// What the commits can match: their ids' first seven digits and their entries' keys.
    private func wanted(_ contributions: [Contribution], previous: [ChangelogCommit]) -> (prefixes: Set<UInt64>, keys: Set<String>) {
        var prefixes = Set<UInt64>()
        var keys = Set<String>()
        func want(_ id: String) { if let prefix = packedPrefix(id) { prefixes.insert(prefix) } }
        for contribution in contributions {
            switch contribution {
            case let .entry(entry):
                want(entry.commit)
                keys.insert(entry.key)
            case let .revert(reverted, _, otherwise):
                want(reverted)
                if let otherwise {
                    want(otherwise.commit)
                    keys.insert(otherwise.key)
                }
            case .skipped:
                break
            }
        }
        for commit in previous { want(commit.id) }
        return (prefixes, keys)
    }

    /// Phase three: id refreshes (same line count), removals bottom-up, then additions.
    private func apply(_ decision: SyncDecision, to document: inout ChangelogDocument) {
        let listed = decision.listed
        var updates: [(Int, String)] = []
        for (index, commit) in decision.tokenUpdates {
            let line = listed.entries[index].range.lowerBound
            guard let token = listed.token(index) else { continue }
            let replacement = String(commit.prefix(max(7, token.count)))
            var text = replacingLongIDs(in: document.lines[line].text, old: token, new: commit)
            text = replacingFirst(token, with: replacement, in: text)
            updates.append((line, text))
        }
        if !updates.isEmpty { document.replaceTexts(updates) }
        if !decision.removals.isEmpty {
            let emptied = document.unreleased?.subsections.filter { subsection in
                !subsection.entries.isEmpty && subsection.entries.allSatisfy { range in
                    decision.removals.contains { listed.entries[$0].range == range }
                } && !subsection.lines.dropFirst().contains { line in
                    !isBlankLine(document.lines[line].text) && !subsection.entries.contains { $0.contains(line) }
                }
            } ?? []
            // A category whose every entry goes (and nothing written by hand) goes with them.
            document.removeLines(decision.removals.map { listed.entries[$0].range } + emptied.map { ($0.headingLine)..<($0.headingLine + 1) })
            document.removeDoubleBlankLines(inUnreleased: true)
        }
        let titles = settings.orderedTitles
        for title in titles {
            let entries = decision.pending.filter { $0.category == title }
            if entries.isEmpty { continue }
            if let section = document.unreleasedIndex {
                document.insertEntries(entries.flatMap(\.lines), under: title, order: titles, inSection: section)
            }
        }
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
