/// The release roll: the Unreleased entries become a release's section, and the links follow.
///
/// `rollUnreleased` inserts `## [X.Y.Z] - date` right below `## [Unreleased]` (and its marker),
/// so everything that was unreleased is now that release's, and an empty Unreleased section
/// stays above it — the same edit a person makes by hand, which the sync understands. When the
/// file keeps compare links (`[Unreleased]: https://host/o/r/compare/v1.1.0...HEAD`), the
/// Unreleased link moves on to the new tag and the release gets its own. `absorbUnreleased`
/// moves entries listed since into an existing release section (a release branch's fixes).
extension ChangelogDocument {
    /// Rolls the Unreleased section into a new release section.
    ///
    /// - Parameters:
    ///   - version: the version as the heading shows it (`1.2.0`).
    ///   - date: the release date (`2026-12-02`).
    ///   - tag: the new release's tag (`v1.2.0`), for the compare links.
    /// - Returns: false when the file already has a section for the version (nothing changed).
    @discardableResult
    package mutating func rollUnreleased(version: String, date: String, tag: String) -> Bool {
        if releaseSectionIndex(version) != nil { return false }
        insertUnreleasedSection()
        guard let section = unreleased else { return false }
        var position = section.bodyStart
        if markerLine == position { position += 1 }
        replaceLines(position..<position, with: ["", "## [\(version)] - \(date)"])
        rollCompareLinks(version: version, tag: tag)
        return true
    }

    /// Moves every Unreleased category that has entries into a release section, under the same
    /// category there (created in the configured order where missing), lines written by hand
    /// under it included; the moved categories leave the Unreleased section.
    ///
    /// - Parameters:
    ///   - version: the release's version as its heading shows it.
    ///   - order: every category title in order.
    /// - Returns: how many entries moved.
    @discardableResult
    package mutating func absorbUnreleased(into version: String, order: [String]) -> Int {
        guard let unreleased, releaseSectionIndex(version) != nil else { return 0 }
        // Everything under a category moves with its entries (a line written there by hand too).
        let moved = unreleased.subsections.filter { !$0.entries.isEmpty }.map { subsection in
            var body = Array(self.lines[(subsection.headingLine + 1)..<subsection.lines.upperBound].map(\.text))
            while body.first.map(isBlankLine) == true { body.removeFirst() }
            while body.last.map(isBlankLine) == true { body.removeLast() }
            return (title: subsection.title, lines: body, range: subsection.lines, entries: subsection.entries.count)
        }
        guard !moved.isEmpty else { return 0 }
        removeLines(moved.map(\.range))
        for group in moved {
            guard let target = releaseSectionIndex(version) else { break }
            let title = order.first { normalizedTitle($0) == normalizedTitle(group.title) } ?? group.title
            insertEntries(group.lines, under: title, order: order, inSection: target)
        }
        return moved.reduce(0) { $0 + $1.entries }
    }

    /// The text of a release section below its heading (what release notes show), trimmed of
    /// blank lines at both ends; nil when there is no such section.
    package func releaseNotes(for version: String) -> String? {
        guard let index = releaseSectionIndex(version) else { return nil }
        var body = Array(lines[sections[index].bodyStart..<sections[index].lines.upperBound].map(\.text))
        body.removeAll { $0.hasPrefix("<!-- \(ChangelogMarker.keyword)") }
        while body.first.map(isBlankLine) == true { body.removeFirst() }
        while body.last.map(isBlankLine) == true { body.removeLast() }
        return body.joined(separator: "\n") + "\n"
    }

    /// The versions of the release sections, top to bottom, as their headings write them.
    package var releaseVersions: [String] {
        sections.compactMap { section in
            guard case let .release(version, _) = section.kind else { return nil }
            return version
        }
    }

    /// The index of the section for a version (`1.2.0` matches `[1.2.0]` and `[v1.2.0]`).
    package func releaseSectionIndex(_ version: String) -> Int? {
        let wanted = version.hasPrefix("v") ? String(version.dropFirst()) : version
        return sections.firstIndex { section in
            guard case let .release(found, _) = section.kind else { return false }
            return (found.hasPrefix("v") || found.hasPrefix("V") ? String(found.dropFirst()) : found) == wanted
        }
    }

    /// `[Unreleased]: <base>/compare/<old>...HEAD` → `<base>/compare/<tag>...HEAD`, plus
    /// `[version]: <base>/compare/<old>...<tag>` below it. Files without such a link are left alone.
    private mutating func rollCompareLinks(version: String, tag: String) {
        for index in linkReferences where lines[index].text.lowercased().hasPrefix("[unreleased]:") {
            let text = lines[index].text
            guard let compare = text.firstRange(of: "/compare/"), text.hasSuffix("...HEAD") else { return }
            let old = text[compare.upperBound..<text.index(text.endIndex, offsetBy: -7)]
            let base = text[text.index(text.startIndex, offsetBy: "[Unreleased]:".count)..<compare.lowerBound]
                .drop { $0 == " " }
            let unreleasedLink = "[Unreleased]: \(base)/compare/\(tag)...HEAD"
            let releaseLink = "[\(version)]: \(base)/compare/\(old)...\(tag)"
            replaceLines(index..<(index + 1), with: [unreleasedLink, releaseLink])
            return
        }
    }
}
