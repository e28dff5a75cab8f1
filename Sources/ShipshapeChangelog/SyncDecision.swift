/// Phase two of a sync: what changes, decided from the commits at hand and what the file lists.
///
/// Only the Unreleased section is ever edited: an entry is added when its commit is listed
/// nowhere in the file, an Unreleased entry is removed when its commit is reverted (or, in a
/// full rebuild, when it is provably generated and obsolete), and an Unreleased entry naming a
/// rewritten commit gets the new id.
struct SyncDecision {
    /// The entries to add, in the order decided.
    var pending: [ChangelogEntry] = []
    /// The entries (indexes into `listed.entries`) to remove.
    var removals: [Int] = []
    /// The commits whose entries go.
    var removedCommits: [String] = []
    /// Entries to re-point at a rewritten commit.
    var tokenUpdates: [(entry: Int, commit: String)] = []
    /// Commits left out because their entry was deleted by hand.
    var dismissed = 0
    /// Commits skipped, by reason.
    var skipped: [SkipReason: Int] = [:]
    /// What the file lists.
    var listed: ListedEntries

    private let previous: PreviousSync
    /// The short ids of the commits at hand (only needed after a rewrite or for a rebuild).
    private let walked: Set<Substring>
    /// Entry keys of previously synced commits still owed a dismissal (a deleted entry stays deleted).
    private var deletedKeys: [String: Int] = [:]
    /// The unique abbreviation length of each commit at hand and of each reverted commit.
    private let abbreviations: [String: Int]
    /// Reverts of reverts: the commit whose change comes back, by the id the message names.
    private let reapplied: [String: ChangelogCommit]
    private let formatter: EntryFormatter

    /// Starts a decision.
    init(listed: ListedEntries, previous: PreviousSync, request: SyncRequest, formatter: EntryFormatter) {
        self.listed = listed
        self.previous = previous
        var walked = Set<Substring>()
        if request.full || !request.previouslySynced.isEmpty {
            for commit in request.commits { walked.insert(commit.id.prefix(7)) }
        }
        self.walked = walked
        var abbreviations = request.revertedAbbreviations
        for commit in request.commits where commit.abbreviation > 7 { abbreviations[commit.id] = commit.abbreviation }
        self.abbreviations = abbreviations
        self.reapplied = request.reapplied
        self.formatter = formatter
        // A deleted entry stays deleted, except in a full rebuild, which brings it back.
        for commit in request.previouslySynced where !request.full {
            if case let .entry(entry) = formatter.contribution(of: commit) { deletedKeys[entry.key, default: 0] += 1 }
        }
    }

    /// Whether anything in the file changes.
    var changesEntries: Bool { !pending.isEmpty || !removals.isEmpty || !tokenUpdates.isEmpty }

    /// Takes one commit's contribution into account.
    mutating func take(_ contribution: Contribution) {
        switch contribution {
        case let .entry(entry):
            consider(entry)
        case let .revert(reverted, originalKey, otherwise):
            revert(reverted, originalKey: originalKey, otherwise: otherwise)
        case let .skipped(reason):
            skipped[reason, default: 0] += 1
        }
    }

    private mutating func revert(_ reverted: String, originalKey: String?, otherwise: ChangelogEntry?) {
        // A revert of a revert: the pair lists nothing. When the first revert has an entry of its
        // own (it undid a released change), that entry goes; else the change it undid comes back.
        if let original = reapplied[reverted] {
            if !removeEntry(of: reverted, key: nil), case let .entry(entry) = formatter.contribution(of: original) { consider(entry) }
            return
        }
        if removeEntry(of: reverted, key: originalKey) { return }
        if let otherwise {
            // The reverted commit is released (or was never listed): the revert is a change of its own.
            consider(otherwise)
        } else {
            skipped[.nonConventional, default: 0] += 1
        }
    }

    /// Takes out the entry of a commit: one about to be added, else one in the Unreleased section
    /// (its short id confirmed by `key` when ambiguous).
    ///
    /// - Returns: whether an entry went.
    private mutating func removeEntry(of commit: String, key: String?) -> Bool {
        if let index = pending.lastIndex(where: { $0.commit.hasPrefix(commit) }) {
            removedCommits.append(pending[index].commit)
            pending.remove(at: index)
            return true
        }
        guard let index = listed.index(forCommit: commit, abbreviation: abbreviations[commit] ?? 7, key: key, unreleasedOnly: true),
            !removals.contains(index)
        else { return false }
        removals.append(index)
        removedCommits.append(commit)
        return true
    }

    private mutating func consider(_ entry: ChangelogEntry) {
        if let index = listed.index(forCommit: entry.commit, abbreviation: abbreviations[entry.commit] ?? 7, key: entry.key) {
            listed.claim(index)
            return
        }
        // An entry with the same wording and no commit id was written by hand for this change.
        // One that names another commit is that commit's entry: two commits with the same
        // message get two entries, whether they are synced together or one run apart.
        if let index = listed.handWritten(key: entry.key).first(where: { !listed.entries[$0].matched && !removals.contains($0) }) {
            listed.claim(index)
            return
        }
        if repointRewritten(entry) { return }
        if let count = deletedKeys[entry.key], count > 0 {
            deletedKeys[entry.key] = count - 1
            dismissed += 1
            return
        }
        pending.append(entry)
    }

    /// The commit was rewritten (rebase, amend) from one the last sync listed, and that entry is
    /// still there under the old id, maybe reworded: keep the wording, take the new id.
    private mutating func repointRewritten(_ entry: ChangelogEntry) -> Bool {
        for old in previous.idsByKey[entry.key] ?? [] where !walked.contains(old.prefix(7)) {
            guard let index = listed.index(forCommit: old, unreleasedOnly: true), !listed.entries[index].matched,
                !removals.contains(index)
            else { continue }
            listed.claim(index)
            tokenUpdates.append((index, entry.commit))
            if let count = deletedKeys[entry.key], count > 0 { deletedKeys[entry.key] = count - 1 }
            return true
        }
        return false
    }

    /// A full rebuild's removals: only an Unreleased entry that is provably generated and
    /// obsolete goes: it names a commit the last sync covered, that commit left the history
    /// (nothing at hand claimed it), and it still has the generated scope and description. A
    /// reworded entry, a line without a commit id, or one naming a commit not known here stays.
    mutating func removeObsolete() {
        for (index, entry) in listed.entries.enumerated() where entry.isUnreleased && !entry.matched && !removals.contains(index) {
            guard let token = listed.token(index), !walked.contains(token.prefix(7)),
                let generatedKey = previous.keyByShortID[token.prefix(7)],
                entryKey(ofLine: listed.text(index)) == generatedKey
            else { continue }
            removals.append(index)
            removedCommits.append(token)
        }
    }
}
