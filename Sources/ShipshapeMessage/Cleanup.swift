/// How git cleans a commit message before it records it (`commit.cleanup`, `git commit --cleanup`).
///
/// `default` depends on whether an editor was used: with an editor it behaves like `strip`,
/// without one like `whitespace`. `scissors` likewise only cuts unconditionally when an editor
/// was used. In every mode the message is also cut where `git commit -v` put its scissors line
/// (see `cleanMessage`).
package enum CleanupMode: String, Sendable, Hashable, CaseIterable {
    /// Drop comment lines, then clean whitespace; also cut at the scissors line.
    case strip
    /// Strip trailing whitespace, collapse blank lines, drop leading and trailing blank lines.
    case whitespace
    /// Leave the message exactly as written.
    case verbatim
    /// Like `whitespace`, but cut everything from the scissors line on (when an editor was used).
    case scissors
    /// `strip` when an editor was used, `whitespace` otherwise.
    case `default`

    /// Parses git's `commit.cleanup` value.
    ///
    /// Git compares the value case-sensitively and rejects anything else.
    ///
    /// - Parameter gitValue: `strip`, `whitespace`, `verbatim`, `scissors` or `default`.
    /// - Returns: The mode, or nil for a value git would reject.
    package init?(gitValue: String) {
        self.init(rawValue: gitValue)
    }
}

/// The text after the comment character and a space on git's scissors line.
package let scissorsMarker = "------------------------ >8 ------------------------"

/// Cleans a commit message the way `git commit` does before recording it.
///
/// Lines end at `\n`; a `\r` before it is trailing whitespace and goes with it (so CRLF input
/// yields LF output, as with git). The whitespace cleanup is git's `strbuf_stripspace`:
/// trailing whitespace (space, tab, CR) is removed from every line, leading and trailing blank
/// lines are dropped, runs of blank lines become one, every kept line ends with `\n`, and the
/// leading whitespace of lines (the first one included) is kept. Comment lines are those
/// starting with the comment character in column 1.
///
/// The scissors line is `<comment char> ------------------------ >8 ------------------------`
/// exactly, followed by a line end; the message is cut there (the line and everything after
/// it dropped) in `strip` mode, in `default` mode with an editor and in `scissors` mode with an
/// editor. git also cuts there in every other mode (`whitespace`, `verbatim`, the rest of
/// `default` and `scissors`) when `git commit -v` was used, which the hook cannot know; so in
/// those modes the message is cut at a scissors line whose next line also starts with the
/// comment character, as git's own explanation lines below it always do (in any locale). A
/// scissors line the user wrote, followed by ordinary text, is kept there. In `verbatim` mode
/// the text before the cut is returned unchanged.
///
/// - Parameters:
///   - raw: the message as written (e.g. the contents of `COMMIT_EDITMSG`).
///   - mode: git's cleanup mode.
///   - commentChar: `core.commentChar`.
///   - editorUsed: whether git opened an editor (decides `default` and `scissors`).
/// - Returns: the cleaned message: empty, or lines each ending with `\n` (unless `verbatim`).
package func cleanMessage(_ raw: String, mode: CleanupMode, commentChar: CommentChar, editorUsed: Bool) -> String {
    cleanMessageMapped(raw, mode: mode, commentChar: commentChar, editorUsed: editorUsed).text
}

/// A cleaned commit message with, for each of its lines, the line of the raw message it came from.
///
/// Cleanup drops comment lines, leading blank lines and all but one blank line of each run,
/// so a line number in the cleaned text is not the line in the file the user edits (e.g.
/// `.git/COMMIT_EDITMSG`); `rawLine(forCleanedLine:)` translates it. Columns need no
/// translation: cleanup keeps each line's leading whitespace and only strips trailing
/// whitespace.
package struct CleanedMessage: Sendable, Hashable {
    /// The cleaned message, exactly as `cleanMessage` returns it.
    package let text: String
    /// `rawLines[i]` is the 1-based raw line of cleaned line `i + 1`.
    package let rawLines: [Int]

    /// Creates a cleaned message from its text and line map.
    ///
    /// - Parameters:
    ///   - text: the cleaned text.
    ///   - rawLines: for each cleaned line in order, its 1-based raw line.
    package init(text: String, rawLines: [Int]) {
        self.text = text
        self.rawLines = rawLines
    }

    /// The number of lines of the cleaned text.
    package var lineCount: Int { rawLines.count }

    /// The raw line a cleaned line came from.
    ///
    /// A kept line maps to itself in the raw text; a blank line that stands for a collapsed run
    /// maps to the first blank line of the run. Lines past the end of the cleaned text (a span
    /// just after it) continue from the last mapped line, and lines below 1 are returned as is.
    ///
    /// - Parameter line: a 1-based line of `text` (e.g. `Finding.span.line`).
    /// - Returns: the 1-based line of the raw message.
    package func rawLine(forCleanedLine line: Int) -> Int {
        guard line >= 1 else { return line }
        if line <= rawLines.count { return rawLines[line - 1] }
        return (rawLines.last ?? 0) + (line - rawLines.count)
    }
}

/// Cleans a commit message the way `git commit` does and maps each cleaned line to its raw line.
///
/// The cleanup is `cleanMessage`'s; see there for the rules.
///
/// Lines end at `\n`; a `\r` before it is trailing whitespace and goes with it (so CRLF input
/// yields LF output, as with git). The whitespace cleanup is git's `strbuf_stripspace`:
/// trailing whitespace (space, tab, CR) is removed from every line, leading and trailing blank
/// lines are dropped, runs of blank lines become one, every kept line ends with `\n`, and the
/// leading whitespace of lines (the first one included) is kept. Comment lines are those
/// starting with the comment character in column 1.
///
/// The scissors line is `<comment char> ------------------------ >8 ------------------------`
/// exactly, followed by a line end; the message is cut there (the line and everything after
/// it dropped) in `strip` mode, in `default` mode with an editor and in `scissors` mode with an
/// editor. git also cuts there in every other mode (`whitespace`, `verbatim`, the rest of
/// `default` and `scissors`) when `git commit -v` was used, which the hook cannot know; so in
/// those modes the message is cut at a scissors line whose next line also starts with the
/// comment character, as git's own explanation lines below it always do (in any locale). A
/// scissors line the user wrote, followed by ordinary text, is kept there. In `verbatim` mode
/// the text before the cut is returned unchanged.
///
/// - Parameters:
///   - raw: the message as written (e.g. the contents of `COMMIT_EDITMSG`).
///   - mode: git's cleanup mode.
///   - commentChar: `core.commentChar`.
///   - editorUsed: whether git opened an editor (decides `default` and `scissors`).
/// - Returns: the cleaned message and, for each of its lines, the raw line it came from.
package func cleanMessageMapped(
    _ raw: String, mode: CleanupMode, commentChar: CommentChar, editorUsed: Bool
) -> CleanedMessage {
    let stripComments: Bool
    let cutAtScissors: Bool
    switch mode {
    case .verbatim, .whitespace: (stripComments, cutAtScissors) = (false, false)
    case .strip: (stripComments, cutAtScissors) = (true, true)
    case .scissors: (stripComments, cutAtScissors) = (false, editorUsed)
    case .default: (stripComments, cutAtScissors) = (editorUsed, editorUsed)
    }
    let verbatim = mode == .verbatim
    let comment = Array(String(commentChar.resolved(for: raw)).utf8)
    let scissors = comment + Array((" " + scissorsMarker).utf8)
    let bytes = Array(raw.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(verbatim ? 0 : bytes.count)
    var rawLines: [Int] = []
    /// The raw line of the first blank line since the last kept line, if any.
    var pendingBlank: Int? = nil
    var start = 0
    var lineNumber = 0
    while start < bytes.count {
        lineNumber += 1
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        let terminated = end < bytes.count
        var contentEnd = end
        if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        let line = bytes[start..<contentEnd]
        if terminated && line.elementsEqual(scissors) && (cutAtScissors || bytes[(end + 1)...].starts(with: comment)) {
            if verbatim { return CleanedMessage(text: String(decoding: bytes[..<start], as: UTF8.self), rawLines: rawLines) }
            break
        }
        if verbatim {
            rawLines.append(lineNumber)
            start = end + 1
            continue
        }
        let isComment = stripComments && !comment.isEmpty && line.starts(with: comment)
        if !isComment {
            var trimmedEnd = contentEnd
            while trimmedEnd > start && isGitSpace(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
            if trimmedEnd > start {
                if let blank = pendingBlank, !output.isEmpty {
                    output.append(0x0A)
                    rawLines.append(blank)
                }
                pendingBlank = nil
                output.append(contentsOf: bytes[start..<trimmedEnd])
                output.append(0x0A)
                rawLines.append(lineNumber)
            } else if pendingBlank == nil {
                pendingBlank = lineNumber
            }
        }
        start = end + 1
    }
    if verbatim { return CleanedMessage(text: raw, rawLines: rawLines) }
    return CleanedMessage(text: String(decoding: output, as: UTF8.self), rawLines: rawLines)
}

/// Git's `isspace`: space, tab, line feed and carriage return (not vertical tab or form feed).
@inline(__always)
private func isGitSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}
