/// Issue references in one line, found the way conventional-commits-parser finds them.
///
/// commitlint's parser (conventional-commits-parser with its default options, which
/// `@commitlint/config-conventional` keeps) looks for references in two steps:
///
/// 1. **Sentences.** When the line contains a closing keyword (`close`, `closes`, `closed`, `fix`,
///    `fixes`, `fixed`, `resolve`, `resolves`, `resolved`; any case, anywhere, even inside a word
///    such as `prefix`) followed by white space, each such keyword starts a sentence that runs to
///    the next keyword (here without the white space) or the end of the line, and only those
///    sentences are searched; text before the first keyword is not. A line without such a
///    keyword is one sentence, without an action.
/// 2. **References.** In a sentence, each `#` followed by `[\w-]*` that ends in a digit is a
///    reference (`#12`, `#JIRA-12`, `#12abc` is `12`), with the run of `[\w./-]` just before the
///    `#` as its repository (`owner/repo#12`), never reaching back into the previous reference.
///
/// So `After #1941 switched git to fix the hook` has no reference (the `#1941` comes before
/// the keyword), while `(e.g. #4786, the hook)` has one.
///
/// - Parameters:
///   - line: one line of the message (no line terminator).
///   - number: its 1-based line number, for the spans.
/// - Returns: the references in order, each with the keyword of its sentence as `action`.
package func issueReferences(in line: String, line number: Int) -> [IssueReference] {
    let bytes = Array(line.utf8)
    guard bytes.contains(0x23) else { return [] }
    var result: [IssueReference] = []
    for sentence in referenceSentences(bytes) {
        for found in references(in: bytes, sentence.range) {
            let repository = found.repository.isEmpty ? nil : String(decoding: bytes[found.repository], as: UTF8.self)
            let (issue, _) = extract(line, found.issue, line: number)
            let (_, span) = extract(line, (found.issue.lowerBound - 1)..<found.issue.upperBound, line: number)
            result.append(IssueReference(action: sentence.action, repository: repository, prefix: "#", issue: issue, span: span))
        }
    }
    return result
}

/// The closing keywords, in the order the parser's alternation tries them.
private let closingKeywords: [[UInt8]] = ["close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved"]
    .map { Array($0.utf8) }

/// A part of a line searched for references, with the keyword that introduced it.
private struct ReferenceSentence {
    var action: String?
    var range: Range<Int>
}

/// The sentences of step 1 (see `issueReferences(in:line:)`).
private func referenceSentences(_ b: [UInt8]) -> [ReferenceSentence] {
    var sentences: [ReferenceSentence] = []
    var position = 0
    search: while position < b.count {
        var p = position
        while p < b.count {
            if let keyword = keywordFollowedBySpace(b, at: p) {
                var start = p + keyword
                while let width = jsWhitespaceWidth(b, at: start) { start += width }
                // `.` does not cross a line terminator: then the sentence cannot end here.
                var end = start
                var blocked = false
                while end < b.count && keywordLength(b, at: end) == nil {
                    if isJSLineTerminator(b, at: end) { blocked = true; break }
                    end += 1
                }
                if !blocked {
                    sentences.append(ReferenceSentence(action: String(decoding: b[p..<(p + keyword)], as: UTF8.self), range: start..<end))
                    position = end
                    continue search
                }
            }
            p += 1
        }
        break
    }
    if !sentences.isEmpty { return sentences }
    // No keyword: the whole line, split at line terminators (`(.+)` with the global flag).
    var runs: [ReferenceSentence] = []
    var start = 0
    var i = 0
    while i <= b.count {
        if i == b.count || isJSLineTerminator(b, at: i) {
            if i > start { runs.append(ReferenceSentence(action: nil, range: start..<i)) }
            i += i == b.count ? 1 : (b[i] == 0x0D ? 1 : 3)
            start = i
        } else {
            i += 1
        }
    }
    return runs
}

/// The length of the first closing keyword (in the parser's order) at `i` that is followed by
/// at least one white-space character, or nil.
private func keywordFollowedBySpace(_ b: [UInt8], at i: Int) -> Int? {
    for keyword in closingKeywords where matchesIgnoringCase(b, at: i, keyword) {
        if jsWhitespaceWidth(b, at: i + keyword.count) != nil { return keyword.count }
    }
    return nil
}

/// The length of a closing keyword at `i` (no white space needed), or nil.
private func keywordLength(_ b: [UInt8], at i: Int) -> Int? {
    closingKeywords.first { matchesIgnoringCase(b, at: i, $0) }?.count
}

/// Whether the bytes at `i` spell `word` (lower-case ASCII) in any case.
private func matchesIgnoringCase(_ b: [UInt8], at i: Int, _ word: [UInt8]) -> Bool {
    guard i + word.count <= b.count else { return false }
    for k in 0..<word.count {
        let c = b[i + k]
        if c != word[k] && c != word[k] - 0x20 { return false }
    }
    return true
}

/// One reference of step 2: the repository bytes before the `#` and the issue bytes after it.
private struct FoundReference {
    var repository: Range<Int>
    var issue: Range<Int>
}

/// The references of step 2 in one sentence.
private func references(in b: [UInt8], _ sentence: Range<Int>) -> [FoundReference] {
    var found: [FoundReference] = []
    var from = sentence.lowerBound
    var j = from
    while j < sentence.upperBound {
        guard b[j] == 0x23 else { j += 1; continue }
        var k = j + 1
        var lastDigit = -1
        while k < sentence.upperBound && (isWordByte(b[k]) || b[k] == 0x2D) {
            if isDigit(b[k]) { lastDigit = k }
            k += 1
        }
        guard lastDigit > j else { j += 1; continue }
        var r = j
        while r > from && (isWordByte(b[r - 1]) || b[r - 1] == 0x2D || b[r - 1] == 0x2E || b[r - 1] == 0x2F) { r -= 1 }
        found.append(FoundReference(repository: r..<j, issue: (j + 1)..<(lastDigit + 1)))
        from = lastDigit + 1
        j = from
    }
    return found
}

/// The UTF-8 length of the JavaScript white-space character (`\s`) at `i`, or nil.
func jsWhitespaceWidth(_ b: [UInt8], at i: Int) -> Int? {
    guard i < b.count else { return nil }
    let lead = b[i]
    if lead < 0x80 { return (lead >= 0x09 && lead <= 0x0D) || lead == 0x20 ? 1 : nil }
    let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard i + width <= b.count, width > 1 else { return nil }
    var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
    for k in 1..<width { value = value << 6 | UInt32(b[i + k] & 0x3F) }
    guard let scalar = Unicode.Scalar(value) else { return nil }
    return isJSWhitespace(scalar) ? width : nil
}

/// Whether a JavaScript line terminator other than LF (CR, U+2028, U+2029) starts at `i`.
private func isJSLineTerminator(_ b: [UInt8], at i: Int) -> Bool {
    if b[i] == 0x0D { return true }
    return b[i] == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9)
}
