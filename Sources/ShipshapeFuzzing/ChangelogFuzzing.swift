import ShipshapeChangelog

/// The changelog document and a sync on top of it.
///
/// The input is a `CHANGELOG.md`. Parsing then rendering gives back the same bytes; a sync of
/// four fixed commits gives a file that parses again; syncing again, incrementally or with a
/// full rebuild, changes nothing; and every hand-written line survives, in its order.
enum ChangelogFuzzing {
    static let commits = [
        ChangelogCommit(id: String(repeating: "a1", count: 20), message: "feat(api): add the export endpoint\n"),
        ChangelogCommit(id: String(repeating: "b2", count: 20), message: "fix!: reject empty names\n\nBREAKING CHANGE: names are required\n"),
        ChangelogCommit(id: String(repeating: "c3", count: 20), message: "perf(core): cache the index\n\nCloses #12\n"),
        ChangelogCommit(id: String(repeating: "d4", count: 20), message: "Update the readme\n"),
    ]

    static func run(_ input: [UInt8]) throws(FuzzFailure) {
        let document: ChangelogDocument
        do {
            document = try ChangelogDocument(parsing: input)
        } catch {
            try require(error.description.hasPrefix("CHANGELOG.md:"), "a parse error names the file and line", error.description)
            return
        }
        try require(document.rendered() == input, "render(parse(x)) == x", excerpt(document.text))

        let synchronizer = ChangelogSynchronizer(settings: ChangelogSettings(), repositoryURL: nil)
        let head = commits[commits.count - 1].id
        let synced = synchronizer.sync(document, SyncRequest(commits: commits, head: head)).document.rendered()
        let reparsed: ChangelogDocument
        do {
            reparsed = try ChangelogDocument(parsing: synced)
        } catch {
            throw FuzzFailure(invariant: "a synced changelog parses again", detail: "\(error)")
        }
        try require(reparsed.syncedCommit == head, "the marker records HEAD", excerpt(reparsed.syncedCommit))

        let again = synchronizer.sync(reparsed, SyncRequest(commits: [], head: head))
        try require(
            !again.changed && again.document.rendered() == synced, "syncing twice equals syncing once",
            excerpt(again.document.text))
        let rebuilt = synchronizer.sync(reparsed, SyncRequest(commits: commits, head: head, full: true))
        try require(
            rebuilt.document.rendered() == synced, "a full rebuild of a synced file changes nothing",
            excerpt(rebuilt.document.text))

        // Lines a sync may rewrite: blank lines, the marker, entries naming the synced commits.
        // A carriage return that ends a line's text becomes part of its terminator when a line
        // end is added after it (a last line of "x\r" followed by new lines reads back as "x").
        let shortIDs = commits.map { String($0.id.prefix(7)) }
        func text(_ line: DocumentLine) -> String {
            var bytes = Array(line.text.utf8)
            while bytes.last == 0x0D { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        let handWritten = document.lines.map(text).filter { line in
            !line.allSatisfy { $0 == " " || $0 == "\t" } && !line.contains(ChangelogMarker.keyword)
                && !shortIDs.contains { line.contains($0) }
        }
        var remaining = handWritten[...]
        for line in reparsed.lines where text(line) == remaining.first { remaining.removeFirst() }
        try require(remaining.isEmpty, "every hand-written line is kept, in order", excerpt(remaining.first ?? ""))
    }
}
