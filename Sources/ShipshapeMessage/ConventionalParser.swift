package import ShipshapeDiagnostics

/// Parses a Conventional Commits header the way commitlint's parser preset does.
///
/// The grammar is the `conventional-changelog-conventionalcommits` preset's: first the breaking
/// pattern `^(\w*)(?:\((.*)\))?!: (.*)$`, then `^(\w*)(?:\((.*)\))?!?: (.*)$`, where `\w` is
/// ASCII `[A-Za-z0-9_]` and `.*` is greedy and stops at line terminators. So the type is the run
/// of ASCII word characters at the start, the scope extends to the last `)` that is followed by
/// `: ` (or `!: `), and empty captures count as absent. The header is scanned by hand (no regex
/// engine).
///
/// - Parameters:
///   - header: the header line (no line terminator).
///   - line: the header's 1-based line number, for the spans.
/// - Returns: the fields, or nil when the header does not follow the grammar.
package func parseConventionalHeader(_ header: String, line: Int = 1) -> HeaderFields? {
    let b = Array(header.utf8)
    let n = b.count
    // `.` does not match line terminators: CR, U+2028, U+2029 (LF cannot occur in a line).
    var k = 0
    while k < n {
        if b[k] == 0x0D { return nil }
        if b[k] == 0xE2 && k + 2 < n && b[k + 1] == 0x80 && (b[k + 2] == 0xA8 || b[k + 2] == 0xA9) { return nil }
        k += 1
    }
    var t = 0
    while t < n && isWordByte(b[t]) { t += 1 }

    func has(_ text: [UInt8], at i: Int) -> Bool {
        i + text.count <= n && b[i..<(i + text.count)].elementsEqual(text)
    }
    let bangColon: [UInt8] = [0x21, 0x3A, 0x20]  // "!: "
    let colon: [UInt8] = [0x3A, 0x20]  // ": "

    /// A header split: the scope's bytes (if parenthesised), where the subject starts, and `!`.
    typealias Split = (scope: Range<Int>?, subjectStart: Int, bang: Bool)

    // The last ')' followed by the wanted separator (`!: `, or also `: ` when `allowPlain`).
    func scoped(allowPlain: Bool) -> Split? {
        guard t < n && b[t] == 0x28 else { return nil }
        var q = n - 1
        while q > t {
            if b[q] == 0x29 {
                if has(bangColon, at: q + 1) { return ((t + 1)..<q, q + 4, true) }
                if allowPlain && has(colon, at: q + 1) { return ((t + 1)..<q, q + 3, false) }
            }
            q -= 1
        }
        return nil
    }

    // The breaking grammar before the plain one, each with a scope before without.
    let split: Split
    if let scopedBang = scoped(allowPlain: false) {
        split = scopedBang
    } else if has(bangColon, at: t) {
        split = (nil, t + 3, true)
    } else if let scopedAny = scoped(allowPlain: true) {
        split = scopedAny
    } else if has(colon, at: t) {
        split = (nil, t + 2, false)
    } else {
        return nil
    }
    let (scopeRange, subjectStart, bang) = split

    var fields = HeaderFields(hasExclamationMark: bang)
    if t > 0 { (fields.type, fields.typeSpan) = extract(header, 0..<t, line: line) }
    if let scopeRange, !scopeRange.isEmpty { (fields.scope, fields.scopeSpan) = extract(header, scopeRange, line: line) }
    if subjectStart < n { (fields.subject, fields.subjectSpan) = extract(header, subjectStart..<n, line: line) }
    return fields
}

/// The text of a UTF-8 byte range of a line and its span in `Character`s.
package func extract(_ text: String, _ bytes: Range<Int>, line: Int) -> (String, SourceSpan) {
    let utf8 = text.utf8
    let lo = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
    let hi = utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)
    let piece = text[lo..<hi]
    let column = text[text.startIndex..<lo].count + 1
    return (String(piece), SourceSpan(line: line, column: column, length: piece.count))
}

/// Splits a message into lines: `\n` ends a line, a `\r` before it is dropped, and a final
/// line end does not start another line.
package func messageLines(_ message: String) -> [String] {
    // Split on bytes: "\r\n" is one `Character`, so a `Character` split would miss it.
    var pieces = message.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
    // Only the empty piece after a final line end is not a line: a last line of just "\r" is one.
    if pieces.last?.isEmpty == true { pieces.removeLast() }
    return pieces.map { piece in String(decoding: piece.last == 0x0D ? piece.dropLast() : piece, as: UTF8.self) }
}

/// Parses a cleaned commit message into header, body and footer the way commitlint does.
///
/// See `ParsedMessage` for how the footer is found. The header is parsed with
/// `parseConventionalHeader(_:line:)`; a configured header pattern can replace its fields
/// afterwards (`ParsedMessage.fields`).
///
/// - Parameter message: the message after git's cleanup.
/// - Returns: the parsed message (`isEmpty` when there is no non-empty line).
package func parseCommitMessage(_ message: String) -> ParsedMessage {
    let lines = messageLines(message)
    guard let headerIndex = lines.firstIndex(where: { !$0.isEmpty }) else {
        return ParsedMessage(
            lines: lines, headerLine: nil, header: nil, fields: HeaderFields(), body: nil, bodyLines: nil,
            footer: nil, footerLines: nil, footers: [], references: [], hasBreakingChangeNote: false)
    }
    let header = lines[headerIndex]
    let headerLine = headerIndex + 1
    let fields = parseConventionalHeader(header, line: headerLine) ?? HeaderFields()
    var references = issueReferences(in: header, line: headerLine)

    // The footer begins at the first line that commitlint's parser starts it at (a note, or a
    // line naming an issue by its rules: running text such as "after #1941 switched" with a
    // closing word earlier in the line is body), or at an earlier Conventional Commits footer
    // in the `Token: value` form (a git trailer), as the Conventional Commits specification
    // defines it and the conformance cases expect (`Reviewed-by:` before `Refs: #311` is
    // footer). The `Token #value` form starts it only where the parser's reference rule does, so
    // running text such as "After #1941 switched ..." stays body.
    let laterLines = (headerIndex + 1)..<lines.count
    let noteOrReference = laterLines.first { breakingNoteMatch(lines[$0]) || !issueReferences(in: lines[$0], line: 0).isEmpty }
        ?? lines.count
    let trailerStart = laterLines.first { $0 < noteOrReference && trailerMatch(lines[$0])?.separator.hasPrefix(":") == true }
        ?? noteOrReference
    let footerStart = trailerStart

    func trimmed(_ range: Range<Int>) -> ClosedRange<Int>? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && lines[lo].isEmpty { lo += 1 }
        while hi > lo && lines[hi - 1].isEmpty { hi -= 1 }
        return lo < hi ? (lo + 1)...hi : nil
    }
    let bodyLines = trimmed((headerIndex + 1)..<footerStart)
    let footerLines = trimmed(footerStart..<lines.count)
    let body = bodyLines.map { lines[($0.lowerBound - 1)..<$0.upperBound].joined(separator: "\n") }
    let footer = footerLines.map { lines[($0.lowerBound - 1)..<$0.upperBound].joined(separator: "\n") }

    var hasNote = false
    for number in footerLines.map(Array.init) ?? [] {
        let line = lines[number - 1]
        // A note line's own references are not collected, as in the parser.
        if breakingNoteMatch(line) { hasNote = true } else { references += issueReferences(in: line, line: number) }
    }
    let footers = trimmed(trailerStart..<lines.count).map { trailers(lines, $0) } ?? []
    return ParsedMessage(
        lines: lines, headerLine: headerLine, header: header, fields: fields, body: body, bodyLines: bodyLines,
        footer: footer, footerLines: footerLines, footers: footers, references: references,
        hasBreakingChangeNote: hasNote)
}

/// JavaScript's `\s`.
package func isJSWhitespace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
    default: return false
    }
}

/// Whether a line is a commitlint note: `^[\s|*]*(BREAKING CHANGE|BREAKING-CHANGE)[:\s]+`, case-insensitive.
package func breakingNoteMatch(_ line: String) -> Bool {
    let scalars = Array(line.unicodeScalars)
    var i = 0
    while i < scalars.count && (isJSWhitespace(scalars[i]) || scalars[i] == "|" || scalars[i] == "*") { i += 1 }
    let keyword = Array("BREAKING CHANGE".unicodeScalars)
    guard i + keyword.count < scalars.count else { return false }
    for (offset, expected) in keyword.enumerated() {
        let actual = scalars[i + offset]
        if offset == 8 {
            guard actual == " " || actual == "-" else { return false }
        } else {
            let upper = actual.value >= 0x61 && actual.value <= 0x7A ? actual.value - 0x20 : actual.value
            guard upper == expected.value else { return false }
        }
    }
    let next = scalars[i + keyword.count]
    return next == ":" || isJSWhitespace(next)
}

/// Where a Conventional Commits trailer line splits: token end, separator and value start.
package struct TrailerMatch: Sendable, Hashable {
    /// UTF-8 offset where the token ends.
    package var tokenEnd: Int
    /// `": "` or `" #"`.
    package var separator: String
    /// UTF-8 offset where the value starts.
    package var valueStart: Int
}

/// Matches `^([A-Za-z0-9_-]+|BREAKING CHANGE)(: | #)` at the start of a line.
package func trailerMatch(_ line: String) -> TrailerMatch? {
    let b = Array(line.utf8)
    var end = 0
    if b.starts(with: Array("BREAKING CHANGE".utf8)) {
        end = 15
    } else {
        while end < b.count && (isWordByte(b[end]) || b[end] == 0x2D) { end += 1 }
        guard end > 0 else { return nil }
    }
    guard end + 1 < b.count else { return nil }
    if b[end] == 0x3A && b[end + 1] == 0x20 { return TrailerMatch(tokenEnd: end, separator: ": ", valueStart: end + 2) }
    if b[end] == 0x20 && b[end + 1] == 0x23 { return TrailerMatch(tokenEnd: end, separator: " #", valueStart: end + 2) }
    return nil
}

/// The Conventional Commits footers (git trailers) in a range of lines: a `Token: value` or
/// `Token #value` line starts one, other lines continue the previous one.
private func trailers(_ lines: [String], _ range: ClosedRange<Int>) -> [Footer] {
    var footers: [Footer] = []
    for number in range {
        let line = lines[number - 1]
        if let match = trailerMatch(line) {
            let token = String(decoding: Array(line.utf8)[0..<match.tokenEnd], as: UTF8.self)
            let (value, _) = extract(line, match.valueStart..<line.utf8.count, line: number)
            footers.append(
                Footer(
                    token: token, separator: match.separator, value: value,
                    span: SourceSpan(line: number, column: 1, length: token.count), lines: number...number))
        } else if var last = footers.popLast() {
            last.value += "\n" + line
            last.lines = last.lines.lowerBound...number
            footers.append(last)
        }
    }
    // Blank lines at the end of a value belong to nobody.
    for i in footers.indices {
        while footers[i].value.hasSuffix("\n") {
            footers[i].value.removeLast()
            footers[i].lines = footers[i].lines.lowerBound...(footers[i].lines.upperBound - 1)
        }
    }
    return footers
}
