extension ChangelogDocument {
    /// Appends entry lines to a category of a section (at the end of its entries), creating the
    /// category where the configured order puts it.
    ///
    /// - Parameters:
    ///   - lines: the entry lines.
    ///   - title: the category's title.
    ///   - order: every category title in order.
    ///   - index: the section's index in `sections`.
    package mutating func insertEntries(_ lines: [String], under title: String, order: [String], inSection index: Int) {
        guard sections.indices.contains(index) else { return }
        let section = sections[index]
        let wanted = normalizedTitle(title)
        if let subsection = section.subsections.first(where: { normalizedTitle($0.title) == wanted }) {
            if let last = subsection.entries.last {
                replaceLines(last.upperBound..<last.upperBound, with: lines)
            } else {
                var position = subsection.headingLine + 1
                if position < subsection.lines.upperBound && isBlankLine(self.lines[position].text) { position += 1 }
                insertBlock(lines, at: position)
            }
            return
        }
        let rank = order.map(normalizedTitle)
        let myRank = rank.firstIndex(of: wanted) ?? rank.count
        let block = ["### \(title)", ""] + lines
        if let later = section.subsections.first(where: { (rank.firstIndex(of: normalizedTitle($0.title)) ?? -1) > myRank }) {
            insertBlock(block, at: later.headingLine)
            return
        }
        var end = section.lines.upperBound
        while end > section.bodyStart && isBlankLine(self.lines[end - 1].text) { end -= 1 }
        insertBlock(block, at: end)
    }

    /// Collapses runs of blank lines in the Unreleased section to one (after entries and their
    /// emptied categories were removed, the blank lines around them are left).
    package mutating func removeDoubleBlankLines(inUnreleased: Bool) {
        guard inUnreleased, let section = unreleased else { return }
        var ranges: [Range<Int>] = []
        var line = section.bodyStart
        while line < section.lines.upperBound {
            guard isBlankLine(lines[line].text) else { line += 1; continue }
            var end = line + 1
            while end < section.lines.upperBound && isBlankLine(lines[end].text) { end += 1 }
            if end - line > 1 { ranges.append((line + 1)..<end) }
            line = end
        }
        if !ranges.isEmpty { removeLines(ranges) }
    }
}
