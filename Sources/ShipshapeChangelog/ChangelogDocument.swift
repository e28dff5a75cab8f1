import ShipshapeMessage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a line ends.
package enum LineTerminator: String, Sendable, Hashable {
    /// `\n`.
    case lf = "\n"
    /// `\r\n`.
    case crlf = "\r\n"
    /// Nothing: the last line of a file without a trailing newline.
    case none = ""
}

/// One line of a changelog: its text and how it ends, so rendering gives back the exact bytes.
package struct DocumentLine: Sendable, Hashable {
    /// The text without the terminator.
    package var text: String
    /// The line's own terminator.
    package var terminator: LineTerminator

    /// Creates a line.
    package init(text: String, terminator: LineTerminator) {
        self.text = text
        self.terminator = terminator
    }
}

/// What a level-two (`## `) heading names.
package enum SectionKind: Sendable, Hashable {
    /// `## [Unreleased]` (also `## Unreleased`, any case).
    case unreleased
    /// `## [1.2.0] - 2024-03-15`, `## [v1.2.0]`, `## 1.2.0`: the version as written (a `v`
    /// prefix kept) and the text after it (the date), if any.
    case release(version: String, date: String?)
    /// Any other level-two heading, kept as it is.
    case other(title: String)
}

/// A `### Category` inside a section.
package struct Subsection: Sendable, Hashable {
    /// The heading's text after `### `, trimmed.
    package var title: String
    /// 0-based index of the heading line.
    package var headingLine: Int
    /// The lines from the heading up to the next heading.
    package var lines: Range<Int>
    /// The list items in it: each from its bullet line through its indented continuation lines.
    package var entries: [Range<Int>]
}

/// A level-two section: its heading and everything up to the next one.
package struct Section: Sendable, Hashable {
    /// What the heading names.
    package var kind: SectionKind
    /// 0-based index of the heading line.
    package var headingLine: Int
    /// The lines from the heading up to the next level-two heading (or the link references at the
    /// bottom of the file).
    package var lines: Range<Int>
    /// The `### ` subsections.
    package var subsections: [Subsection]
    /// The first line after the heading: `headingLine + 1`, or `+ 2` below a setext heading
    /// (`Unreleased` underlined with `---`).
    package var bodyStart: Int

    /// Whether this is the Unreleased section.
    package var isUnreleased: Bool { if case .unreleased = kind { return true } else { return false } }
    /// Whether this is a released version's section.
    package var isRelease: Bool { if case .release = kind { return true } else { return false } }
}

/// The hidden comment recording the commits the last sync covered.
///
/// Written as `<!-- shipshape-changelog synced=<40-hex commit id> -->` on its own line, right
/// below `## [Unreleased]` when first added; found anywhere in the file afterwards (a release
/// heading inserted above it moves it into that section, which changes nothing). After a merge
/// of two synced files it holds both sides' commits, separated by spaces. Commits in the
/// history of these commits are never listed again.
package enum ChangelogMarker {
    /// The word that identifies the marker comment.
    package static let keyword = "shipshape-changelog"

    /// The marker line's text for commits.
    ///
    /// - Parameter commits: full commit ids (one, or both sides of a merge).
    /// - Returns: the line, without terminator.
    package static func line(for commits: [String]) -> String { "<!-- \(keyword) synced=\(commits.joined(separator: " ")) -->" }

    /// The marker line's text for one commit.
    package static func line(for commit: String) -> String { line(for: [commit]) }

    /// The commit ids in a marker line (at least one), or nil when malformed.
    static func commits(in text: String) -> [String]? {
        let t = trimmed(text)
        let prefix = "<!-- \(keyword) synced="
        guard t.hasPrefix(prefix), t.hasSuffix("-->") else { return nil }
        let ids = t.dropFirst(prefix.count).dropLast(3).split { $0 == " " || $0 == "," }
        guard !ids.isEmpty, ids.allSatisfy({ $0.utf8.count == 40 && $0.utf8.allSatisfy(isHexDigit) }) else { return nil }
        return ids.map { $0.lowercased() }
    }
}

/// A Keep-a-Changelog file, parsed losslessly: rendering an unedited document gives back its
/// exact bytes.
///
/// The document is its lines (each with its own terminator) plus an index of the structure found
/// in them: the preamble (title and prose), level-two sections (`## [Unreleased]`, releases, any
/// other heading), their `### ` subsections and list items, and the block of link reference
/// definitions at the bottom. Headings inside fenced code blocks and HTML comments are not
/// structure. Edits replace or insert whole lines and re-index; bytes outside the edited lines
/// never change. Inserted lines use the file's own line ending (that of its first line).
package struct ChangelogDocument: Sendable, Hashable {
    /// The lines; concatenated with their terminators they are the file.
    package private(set) var lines: [DocumentLine]
    /// What the indexer needs to know about each line, kept in step with `lines` by `store(_:in:)`:
    /// edits re-classify only the lines they touch, so re-indexing never re-reads the text.
    private var shapes: [LineShape] = []
    /// The lines before the first level-two heading (title, prose).
    package private(set) var preamble: Range<Int> = 0..<0
    /// The level-two sections, top to bottom.
    package private(set) var sections: [Section] = []
    /// The trailing block of link reference definitions (`[1.0.0]: https://...`), possibly empty.
    package private(set) var linkReferences: Range<Int> = 0..<0
    /// The terminator used for inserted lines.
    package let newline: LineTerminator
    /// The name used in error messages.
    package let path: String

    /// Parses a changelog.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: the file's name, for error messages.
    /// - Throws: `ChangelogError` for text that is not UTF-8, two Unreleased sections, an
    ///   Unreleased section below a release, or a duplicated or malformed marker.
    package init(parsing bytes: [UInt8], path: String = "CHANGELOG.md") throws(ChangelogError) {
        var lines: [DocumentLine] = []
        var shapes: [LineShape] = []
        var failedLine: Int?
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            lines.reserveCapacity(count / 40 + 1)
            shapes.reserveCapacity(count / 40 + 1)
            var start = 0
            while start < count {
                let end = memchr(base + start, 0x0A, count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
                let hasNewline = end < count
                var textEnd = end
                var terminator: LineTerminator = hasNewline ? .lf : .none
                if hasNewline && textEnd > start && base[textEnd - 1] == 0x0D {
                    textEnd -= 1
                    terminator = .crlf
                }
                guard let text = String(validating: UnsafeBufferPointer(rebasing: buffer[start..<textEnd]), as: UTF8.self) else {
                    failedLine = lines.count + 1
                    return
                }
                lines.append(DocumentLine(text: text, terminator: terminator))
                shapes.append(LineShape(UnsafeBufferPointer(rebasing: buffer[start..<textEnd])))
                start = end + 1
            }
        }
        if let failedLine { throw .invalidUTF8(path: path, line: failedLine) }
        self.lines = lines
        self.shapes = shapes
        self.newline = lines.first.map { $0.terminator == .crlf ? .crlf : .lf } ?? .lf
        self.path = path
        if let problem = reindex() { throw problem }
    }

    /// A new changelog with the usual Keep-a-Changelog header and an empty Unreleased section.
    ///
    /// - Parameter path: the file's name, for error messages.
    /// - Returns: the document.
    package static func standard(path: String = "CHANGELOG.md") -> ChangelogDocument {
        let text = """
            # Changelog

            All notable changes to this project will be documented in this file.

            The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
            and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

            ## [Unreleased]

            """
        // The template is well formed: parsing cannot fail.
        return (try? ChangelogDocument(parsing: Array(text.utf8), path: path)) ?? ChangelogDocument(empty: path)
    }

    private init(empty path: String) {
        lines = []
        newline = .lf
        self.path = path
    }

    /// The file's bytes.
    package func rendered() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 2 })
        for line in lines {
            out.append(contentsOf: line.text.utf8)
            out.append(contentsOf: line.terminator.rawValue.utf8)
        }
        return out
    }

    /// The file as text.
    package var text: String { String(decoding: rendered(), as: UTF8.self) }

    /// Whether the file has no text at all (empty or blank lines only).
    package var isBlank: Bool { lines.allSatisfy { isBlankLine($0.text) } }

    /// The index of the Unreleased section in `sections`.
    package var unreleasedIndex: Int? { sections.firstIndex { $0.isUnreleased } }

    /// The Unreleased section.
    package var unreleased: Section? { unreleasedIndex.map { sections[$0] } }

    /// 0-based index of the synced-commit marker line, wherever it is in the file.
    package private(set) var markerLine: Int?

    /// The commits recorded by the marker (one, or two after a merge), empty without one.
    package var syncedCommits: [String] {
        guard let line = markerLine else { return [] }
        return ChangelogMarker.commits(in: lines[line].text) ?? []
    }

    /// The first commit recorded by the marker.
    package var syncedCommit: String? { syncedCommits.first }

    // MARK: - Editing

    /// Replaces a range of lines with new lines (in the file's line ending) and re-indexes.
    ///
    /// Replacing lines at the end of a file without a trailing newline keeps it without one.
    ///
    /// - Parameters:
    ///   - range: the 0-based lines to replace (empty to insert).
    ///   - texts: the new lines' texts, without terminators.
    package mutating func replaceLines(_ range: Range<Int>, with texts: [String]) {
        var newLines = texts.map { DocumentLine(text: $0, terminator: newline) }
        if range.upperBound == lines.count {
            // The replaced lines end the file: the file's final terminator moves to the new last line.
            let finalTerminator = lines.last?.terminator ?? newline
            if range.isEmpty {
                if !newLines.isEmpty, let lastIndex = lines.indices.last, lines[lastIndex].terminator == .none {
                    lines[lastIndex].terminator = newline
                    newLines[newLines.count - 1].terminator = .none
                }
            } else if !newLines.isEmpty {
                newLines[newLines.count - 1].terminator = finalTerminator
            } else if range.lowerBound > 0, finalTerminator == .none {
                lines[range.lowerBound - 1].terminator = .none
            }
        }
        store(newLines, in: range)
        _ = reindex()
    }

    /// Replaces the text of single lines (keeping their terminators) and re-indexes once.
    ///
    /// - Parameter updates: 0-based line indices and their new texts.
    package mutating func replaceTexts(_ updates: [(Int, String)]) {
        for (index, text) in updates where lines.indices.contains(index) {
            store([DocumentLine(text: text, terminator: lines[index].terminator)], in: index..<(index + 1))
        }
        _ = reindex()
    }

    /// Removes ranges of lines (which must not overlap) and re-indexes once.
    ///
    /// Removing the last lines of a file without a trailing newline keeps it without one.
    ///
    /// - Parameter ranges: 0-based line ranges.
    package mutating func removeLines(_ ranges: [Range<Int>]) {
        let finalTerminator = lines.last?.terminator ?? newline
        for range in ranges.sorted(by: { $0.lowerBound > $1.lowerBound }) where range.upperBound <= lines.count {
            store([], in: range)
        }
        if finalTerminator == .none, let last = lines.indices.last { lines[last].terminator = .none }
        _ = reindex()
    }

    /// Replaces a range of lines and their shapes together: after parsing, the only place that
    /// changes a line's text, so `shapes` stays in step with `lines`. (Terminators are changed
    /// directly elsewhere; a line's shape does not depend on them.)
    private mutating func store(_ newLines: [DocumentLine], in range: Range<Int>) {
        lines.replaceSubrange(range, with: newLines)
        shapes.replaceSubrange(range, with: newLines.map { LineShape($0.text) })
    }

    /// Inserts lines at an index, adding a blank line before or after them where the neighbour is
    /// not blank, so a block stays separated from its surroundings.
    ///
    /// - Parameters:
    ///   - texts: the lines to insert.
    ///   - index: the 0-based index the first line gets.
    package mutating func insertBlock(_ texts: [String], at index: Int) {
        var block = texts
        if index > 0 && !isBlankLine(lines[index - 1].text) && !(block.first.map(isBlankLine) ?? true) { block.insert("", at: 0) }
        if index < lines.count && !isBlankLine(lines[index].text) && !(block.last.map(isBlankLine) ?? true) { block.append("") }
        replaceLines(index..<index, with: block)
    }

    /// Sets the marker to commits: in place wherever it is, else right below the Unreleased
    /// heading.
    ///
    /// - Parameter commits: full commit ids.
    package mutating func setSyncedCommits(_ commits: [String]) {
        let text = ChangelogMarker.line(for: commits)
        if let line = markerLine {
            if lines[line].text != text { replaceLines(line..<(line + 1), with: [text]) }
        } else if let section = unreleased {
            replaceLines(section.bodyStart..<section.bodyStart, with: [text])
        }
    }

    /// Sets the marker to one commit (see `setSyncedCommits(_:)`).
    package mutating func setSyncedCommit(_ commit: String) { setSyncedCommits([commit]) }

    /// Adds an empty `## [Unreleased]` section above the newest release (or after everything but
    /// the link references when there is no release yet).
    package mutating func insertUnreleasedSection() {
        guard unreleased == nil else { return }
        if let release = sections.first(where: { $0.isRelease }) {
            insertBlock(["## [Unreleased]", ""], at: release.headingLine)
        } else {
            var end = linkReferences.isEmpty ? lines.count : linkReferences.lowerBound
            while end > 0 && isBlankLine(lines[end - 1].text) { end -= 1 }
            insertBlock(["## [Unreleased]"], at: end)
        }
    }

    // MARK: - Indexing

    /// Rebuilds the structure index from the lines; returns the first problem found.
    @discardableResult
    private mutating func reindex() -> ChangelogError? {
        var problem: ChangelogError?
        func report(_ error: ChangelogError) { if problem == nil { problem = error } }

        // Link references: the trailing run of definitions and blank lines.
        var linkStart = lines.count
        var scan = lines.count
        while scan > 0 {
            let text = lines[scan - 1].text
            if shapes[scan - 1].contains(.blank) {
                // part of the trailing block either way
            } else if isLinkReferenceDefinition(text) {
                linkStart = scan - 1
            } else {
                break
            }
            scan -= 1
        }
        let bodyEnd = linkStart
        linkReferences = linkStart..<lines.count

        var headings: [(index: Int, level: Int, text: String)] = []
        var setext: Set<Int> = []  // heading lines underlined on the next line
        var markers: [Int] = []
        var fence: LineShape?  // the kind of fence while inside a fenced code block
        var inComment = false
        var openedAt = 0  // where the current code block or comment started
        for index in 0..<bodyEnd {
            let shape = shapes[index]
            if let open = fence {
                if shape.contains(open) { fence = nil }
                continue
            }
            if inComment {
                if shape.contains(.closesComment) { inComment = false }
                continue
            }
            if shape.contains(.backtickFence) {
                (fence, openedAt) = (.backtickFence, index)
                continue
            }
            if shape.contains(.tildeFence) {
                (fence, openedAt) = (.tildeFence, index)
                continue
            }
            if shape.contains(.opensComment) {
                if shape.contains(.marker) { markers.append(index) }
                if !shape.contains(.closesOwnComment) { (inComment, openedAt) = (true, index) }
                continue
            }
            if shape.contains(.heading2) {
                headings.append((index, 2, String(lines[index].text.utf8.dropFirst(2))!))
            } else if isSetextUnderline(index) {
                headings.append((index - 1, 2, lines[index - 1].text))
                setext.insert(index - 1)
            } else if shape.contains(.heading3) {
                headings.append((index, 3, String(lines[index].text.utf8.dropFirst(3))!))
            }
        }

        var sections: [Section] = []
        let level2 = headings.filter { $0.level == 2 }
        let headingPosition = headings.indices.filter { headings[$0].level == 2 }
        for (position, heading) in level2.enumerated() {
            let end = position + 1 < level2.count ? level2[position + 1].index : bodyEnd
            let range = heading.index..<end
            let subHeadings = headings[headingPosition[position]...].dropFirst().prefix { $0.level == 3 }
            var subsections: [Subsection] = []
            let subHeadingList = Array(subHeadings)
            for (k, sub) in subHeadingList.enumerated() {
                let subEnd = k + 1 < subHeadingList.count ? subHeadingList[k + 1].index : end
                subsections.append(Subsection(
                    title: trimmed(sub.text), headingLine: sub.index, lines: sub.index..<subEnd,
                    entries: listItems(in: (sub.index + 1)..<subEnd)))
            }
            let kind = classifyHeading(trimmed(heading.text))
            let bodyStart = heading.index + (setext.contains(heading.index) ? 2 : 1)
            sections.append(Section(kind: kind, headingLine: heading.index, lines: range, subsections: subsections, bodyStart: bodyStart))
        }
        preamble = 0..<(level2.first?.index ?? bodyEnd)
        markerLine = markers.first
        if let first = markers.first {
            if markers.count > 1 { report(.duplicateMarker(path: path, first: first + 1, second: markers[1] + 1)) }
            if ChangelogMarker.commits(in: lines[first].text) == nil {
                report(.invalidMarker(path: path, line: first + 1, text: trimmed(lines[first].text)))
            }
        }
        var unreleasedLine: Int?
        var firstRelease: Int?
        for section in sections {
            if section.isUnreleased {
                if let first = unreleasedLine {
                    report(.duplicateUnreleased(path: path, first: first + 1, second: section.headingLine + 1))
                } else {
                    unreleasedLine = section.headingLine
                    if let firstRelease {
                        report(.unreleasedBelowRelease(path: path, unreleased: section.headingLine + 1, release: firstRelease + 1))
                    }
                }
            } else if section.isRelease, firstRelease == nil {
                firstRelease = section.headingLine
            }
        }
        // A comment or code block left open hides everything below it; when that includes the
        // place new entries go, they would be written where no reader sees them.
        if fence != nil || inComment {
            let unreleased = sections.first { $0.isUnreleased }
            if unreleased.map({ $0.lines.upperBound > openedAt }) ?? !sections.contains(where: \.isRelease) {
                let closing = fence == .backtickFence ? "```" : fence == .tildeFence ? "~~~" : "-->"
                report(.unclosedBlock(path: path, line: openedAt + 1, closing: closing))
            }
        }
        self.sections = sections
        return problem
    }

    /// Whether a line underlines the line above as a setext level-two heading: three or more `-`
    /// (trailing spaces allowed) below a line of text that is no list item, heading or
    /// continuation, with a blank line (or the start of the file) above that.
    private func isSetextUnderline(_ index: Int) -> Bool {
        guard index >= 1 else { return false }
        let text = lines[index].text
        var dashes = 0
        for character in text.utf8 {
            if character == 0x2D { dashes += 1 } else if character != 0x20 { return false }
        }
        guard dashes >= 3, text.utf8.first == 0x2D else { return false }
        let above = shapes[index - 1]
        if !above.isDisjoint(with: [.blank, .bullet, .continuation, .heading2, .heading3, .opensComment, .backtickFence, .tildeFence]) { return false }
        return index == 1 || shapes[index - 2].contains(.blank)
    }

    /// The list items in a range: a line starting with `- `, `* ` or `+ ` and the indented,
    /// non-blank lines after it.
    private func listItems(in range: Range<Int>) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if shapes[index].contains(.bullet) {
                var end = index + 1
                while end < range.upperBound, shapes[end].contains(.continuation) { end += 1 }
                items.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return items
    }
}

/// Reads a level-two heading's text (after `## `).
func classifyHeading(_ title: String) -> SectionKind {
    var label = Substring(title)
    var rest = Substring("")
    if label.hasPrefix("["), let close = label.firstIndex(of: "]") {
        rest = label[label.index(after: close)...]
        label = label[label.index(after: label.startIndex)..<close]
    } else if let space = label.firstIndex(of: " ") {
        rest = label[space...]
        label = label[..<space]
    }
    if label.lowercased() == "unreleased" { return .unreleased }
    let version = label.hasPrefix("v") || label.hasPrefix("V") ? label.dropFirst() : label
    if isValidSemVer(version) {
        var date = rest.drop { $0 == " " || $0 == "-" || $0 == "–" || $0 == "—" || $0 == "(" }
        while date.last == " " || date.last == ")" { date = date.dropLast() }
        return .release(version: String(label), date: date.isEmpty ? nil : String(date))
    }
    return .other(title: title)
}

/// `[label]: destination` (up to three leading spaces).
func isLinkReferenceDefinition(_ text: String) -> Bool {
    let t = text.drop { $0 == " " }
    guard text.count - t.count <= 3, t.hasPrefix("["), let close = t.firstIndex(of: "]") else { return false }
    let after = t[t.index(after: close)...]
    guard after.hasPrefix(":") else { return false }
    return close > t.index(after: t.startIndex) && !after.dropFirst().allSatisfy { $0 == " " || $0 == "\t" }
}

/// What the indexer needs to know about one line, read from its bytes once.
struct LineShape: OptionSet, Hashable, Sendable {
    let rawValue: UInt16
    /// Spaces and tabs only.
    static let blank = LineShape(rawValue: 1 << 0)
    /// `- `, `* `, `+ ` (or the bullet and a tab), `-` or `*`: a list item starts.
    static let bullet = LineShape(rawValue: 1 << 1)
    /// Indented and not blank: a list item goes on.
    static let continuation = LineShape(rawValue: 1 << 2)
    /// Starts (after blanks) with three backticks.
    static let backtickFence = LineShape(rawValue: 1 << 3)
    /// Starts (after blanks) with three tildes.
    static let tildeFence = LineShape(rawValue: 1 << 4)
    /// Starts (after blanks) with `<!--`.
    static let opensComment = LineShape(rawValue: 1 << 5)
    /// Has `-->` after the `<!--` it starts with.
    static let closesOwnComment = LineShape(rawValue: 1 << 6)
    /// Has `-->` anywhere.
    static let closesComment = LineShape(rawValue: 1 << 7)
    /// Starts (after blanks) with `<!-- shipshape-changelog`.
    static let marker = LineShape(rawValue: 1 << 8)
    /// `## ` or `##`.
    static let heading2 = LineShape(rawValue: 1 << 9)
    /// `### ` or `###`.
    static let heading3 = LineShape(rawValue: 1 << 10)

    init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Classifies a line's text.
    init(_ text: String) { self = withUTF8Bytes(text) { LineShape($0) } }

    /// Classifies a line's bytes (without terminator).
    init(_ b: UnsafeBufferPointer<UInt8>) {
        var shape: LineShape = []
        var lead = 0
        while lead < b.count && (b[lead] == 0x20 || b[lead] == 0x09) { lead += 1 }
        if lead == b.count { shape.insert(.blank) }
        if lead > 0 && lead < b.count { shape.insert(.continuation) }
        if let first = b.first, first == 0x2D || first == 0x2A || first == 0x2B,  // - * +
            b.count == 1 ? first != 0x2B : b[1] == 0x20 || b[1] == 0x09  // a space or a tab after it
        {
            shape.insert(.bullet)
        }
        if b.count - lead >= 3, b[lead] == 0x60 || b[lead] == 0x7E, b[lead + 1] == b[lead], b[lead + 2] == b[lead] {
            shape.insert(b[lead] == 0x60 ? .backtickFence : .tildeFence)
        }
        if hasPrefix(Bytes.commentOpen, b, at: lead) {
            shape.insert(.opensComment)
            if hasPrefix(Bytes.marker, b, at: lead) { shape.insert(.marker) }
            if find(Bytes.commentClose, in: b, from: lead + 4) { shape.insert([.closesOwnComment, .closesComment]) }
        }
        if !shape.contains(.closesComment) && find(Bytes.commentClose, in: b, from: 0) { shape.insert(.closesComment) }
        if b.count >= 2, b[0] == 0x23, b[1] == 0x23 {  // ##
            if b.count == 2 || b[2] == 0x20 {
                shape.insert(.heading2)
            } else if b[2] == 0x23 && (b.count == 3 || b[3] == 0x20) {
                shape.insert(.heading3)
            }
        }
        self = shape
    }
}

/// Runs `body` on a string's UTF-8 bytes, without copying them when the string is stored
/// contiguously (native Swift strings are).
@inline(__always)
func withUTF8Bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
}

/// Byte strings the indexer looks for.
enum Bytes {
    static let commentOpen = Array("<!--".utf8)
    static let commentClose = Array("-->".utf8)
    static let marker = Array("<!-- \(ChangelogMarker.keyword)".utf8)
}

/// Whether `bytes` has `prefix` at `offset`.
@inline(__always)
func hasPrefix(_ prefix: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    guard bytes.count - offset >= prefix.count else { return false }
    for k in 0..<prefix.count where bytes[offset + k] != prefix[k] { return false }
    return true
}

/// Whether `needle` occurs in `bytes` at or after `offset`.
func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Bool {
    guard !needle.isEmpty else { return true }
    var i = max(0, offset)
    while i + needle.count <= bytes.count {
        if bytes[i] == needle[0] && hasPrefix(needle, bytes, at: i) { return true }
        i += 1
    }
    return false
}

func isBlankLine(_ text: String) -> Bool { text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

func trimmed(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last else { return text }
    if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return text }
    var start = utf8.startIndex, end = utf8.endIndex
    while start < end && (utf8[start] == 0x20 || utf8[start] == 0x09) { start = utf8.index(after: start) }
    while end > start {
        let before = utf8.index(before: end)
        guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
        end = before
    }
    return String(decoding: utf8[start..<end], as: UTF8.self)
}

func isHexDigit(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46) }
