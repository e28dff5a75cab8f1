/// Merges two synced versions of a changelog the way its structure asks for, so that two people
/// who each sync and commit never conflict in it: git's merge driver for the changelog path
/// (`changelog-sync --merge`, registered by `shipshape install`).
///
/// - The marker line is set aside on every side; the result records both sides' commits.
/// - Everything outside the Unreleased section (the title, the release sections, the link
///   references) is merged line by line like `git merge-file`; a conflict there stays a conflict.
/// - The Unreleased section is merged by entry: ours as it is, less the entries their side took
///   out of it (a release roll moves them under a release heading; a person deleted one), plus
///   the entries their side added, each under its category; an entry whose commit is listed in
///   a release section of the result is not kept under Unreleased.
package struct ChangelogMerge: Sendable {
    /// Settings (category order, for entries added under a missing category).
    package var settings: ChangelogSettings

    /// Creates a merge.
    package init(settings: ChangelogSettings) { self.settings = settings }

    /// The outcome: the merged file, and whether it holds conflict markers.
    package struct Outcome: Sendable, Hashable {
        /// The merged bytes.
        package var bytes: [UInt8]
        /// Whether a conflict remains (outside the Unreleased section).
        package var conflicted: Bool
    }

    /// Merges.
    ///
    /// - Parameters:
    ///   - base: the common ancestor's file.
    ///   - ours: our side's file (git's `%A`).
    ///   - theirs: their side's file.
    /// - Returns: the merged file.
    /// - Throws: `ChangelogError` when a side is no readable changelog.
    package func merge(base: ChangelogDocument, ours: ChangelogDocument, theirs: ChangelogDocument) throws(ChangelogError) -> Outcome {
        var markers: [String] = []
        for id in ours.syncedCommits + theirs.syncedCommits where !markers.contains(id) { markers.append(id) }
        let (baseFrame, _) = split(base), (ourFrame, ourBody) = split(ours), (theirFrame, _) = split(theirs)
        let frame = threeWayMerge(base: baseFrame, ours: ourFrame, theirs: theirFrame)
        var lines = frame.lines
        if let bodyStart = unreleasedBodyStart(in: lines) { lines.insert(contentsOf: ourBody, at: bodyStart) }
        let newline = ours.lines.first?.terminator == .crlf ? "\r\n" : "\n"
        var text = lines.joined(separator: newline)
        if ours.lines.last?.terminator != LineTerminator.none { text += newline }
        var merged = try ChangelogDocument(parsing: Array(text.utf8), path: ours.path)
        if frame.conflicted { return Outcome(bytes: merged.rendered(), conflicted: true) }
        mergeUnreleased(into: &merged, base: base, theirs: theirs)
        if !markers.isEmpty { merged.setSyncedCommits(markers) }
        return Outcome(bytes: merged.rendered(), conflicted: false)
    }

    /// A document's lines without the marker, split into the frame (the Unreleased section's
    /// body left out, its heading kept) and that body.
    private func split(_ document: ChangelogDocument) -> (frame: [String], body: [String]) {
        var texts = document.lines.map(\.text)
        var bodyRange = 0..<0
        if let section = document.unreleased { bodyRange = section.bodyStart..<section.lines.upperBound }
        if let marker = document.markerLine { texts[marker] = "\u{0}marker" }
        let body = texts[bodyRange].filter { $0 != "\u{0}marker" }
        var frame = texts
        frame.removeSubrange(bodyRange)
        frame.removeAll { $0 == "\u{0}marker" }
        return (frame, Array(body))
    }

    /// Where the Unreleased section's body goes in a merged frame: below `## [Unreleased]`, or
    /// below the underline of a setext `Unreleased`.
    private func unreleasedBodyStart(in lines: [String]) -> Int? {
        func isUnreleased(_ title: String) -> Bool {
            if case .unreleased = classifyHeading(trimmed(title)) { return true }
            return false
        }
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("## ") && isUnreleased(String(line.dropFirst(3))) { return index + 1 }
            if index + 1 < lines.count, isUnreleased(line), lines[index + 1].hasPrefix("---"),
                lines[index + 1].allSatisfy({ $0 == "-" || $0 == " " })
            {
                return index + 2
            }
        }
        return nil
    }

    /// Ours' Unreleased entries, less those their side took out, plus those it added.
    private func mergeUnreleased(into merged: inout ChangelogDocument, base: ChangelogDocument, theirs: ChangelogDocument) {
        let baseEntries = unreleasedEntries(of: base), theirEntries = unreleasedEntries(of: theirs)
        let theirTexts = Set(theirEntries.map(\.lines))
        let takenOut = Set(baseEntries.map(\.lines).filter { !theirTexts.contains($0) })
        let baseTexts = Set(baseEntries.map(\.lines))
        // Commits listed in the release sections of the result, and every line of the result.
        var released = Set<String>()
        var present = Set<[String]>()
        for section in merged.sections {
            for subsection in section.subsections {
                for range in subsection.entries {
                    let lines = merged.lines[range].map(\.text)
                    present.insert(lines)
                    if !section.isUnreleased, let token = commitToken(in: lines[0]) { released.insert(String(token.prefix(7))) }
                }
            }
        }
        var removals: [Range<Int>] = []
        for entry in unreleasedEntries(of: merged) {
            let token = commitToken(in: entry.lines[0]).map { String($0.prefix(7)) }
            if takenOut.contains(entry.lines) || token.map(released.contains) == true { removals.append(entry.range) }
        }
        if !removals.isEmpty { merged.removeLines(removals) }
        for entry in theirEntries where !baseTexts.contains(entry.lines) && !present.contains(entry.lines) {
            if let token = commitToken(in: entry.lines[0]), released.contains(String(token.prefix(7))) { continue }
            let title = settings.orderedTitles.first { normalizedTitle($0) == normalizedTitle(entry.title) } ?? entry.title
            if let section = merged.unreleasedIndex {
                merged.insertEntries(entry.lines, under: title, order: settings.orderedTitles, inSection: section)
            }
        }
    }

    /// The Unreleased section's entries: category title, lines, and where they are.
    private func unreleasedEntries(of document: ChangelogDocument) -> [(title: String, lines: [String], range: Range<Int>)] {
        guard let section = document.unreleased else { return [] }
        return section.subsections.flatMap { subsection in
            subsection.entries.map { (subsection.title, document.lines[$0].map(\.text), $0) }
        }
    }
}
