import ShipshapeMessage

/// A git trailer found by `git interpret-trailers --parse` rules (simplified).
struct GitTrailer {
    /// 1-based line of the trailer.
    let line: Int
    /// `Token: value`, as git normalises it.
    let normalized: String
}

/// The trailers of the message's last paragraph, as git finds them.
///
/// The last paragraph (after the header's paragraph) is a trailer block when every line is a
/// `Token: value` trailer or an indented continuation, or when at least a quarter of its lines
/// are trailers and one of them is git-generated (`Signed-off-by: `, `(cherry picked from commit `).
/// - Returns: the trailers with their lines, plus the lines of continuation (for exemptions).
func gitTrailers(_ parsed: ParsedMessage) -> (trailers: [GitTrailer], lines: Set<Int>) {
    guard let headerLine = parsed.headerLine else { return ([], []) }
    let lines = parsed.lines
    var end = lines.count
    while end > headerLine && lines[end - 1].isEmpty { end -= 1 }
    var start = end
    while start > headerLine && !lines[start - 1].isEmpty { start -= 1 }
    // The paragraph must not be the header's own paragraph.
    guard start > headerLine, start < end else { return ([], []) }
    var trailers: [GitTrailer] = []
    var covered: Set<Int> = []
    var nonTrailers = 0
    var generated = false
    var previousWasTrailer = false
    for index in start..<end {
        let text = lines[index]
        if let first = text.first, first == " " || first == "\t", previousWasTrailer {
            covered.insert(index + 1)
            continue
        }
        if text.hasPrefix("(cherry picked from commit ") {
            generated = true
            trailers.append(GitTrailer(line: index + 1, normalized: text))
            covered.insert(index + 1)
            previousWasTrailer = true
            continue
        }
        let tokenEnd = text.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) }
        if let tokenEnd, tokenEnd > text.startIndex {
            var rest = text[tokenEnd...]
            while rest.first == " " || rest.first == "\t" { rest = rest.dropFirst() }
            if rest.first == ":" {
                let token = String(text[..<tokenEnd])
                let value = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
                if token.lowercased() == "signed-off-by" { generated = true }
                trailers.append(GitTrailer(line: index + 1, normalized: token + ": " + value))
                covered.insert(index + 1)
                previousWasTrailer = true
                continue
            }
        }
        nonTrailers += 1
        previousWasTrailer = false
    }
    let total = trailers.count + nonTrailers
    let isBlock = !trailers.isEmpty && (nonTrailers == 0 || (generated && trailers.count * 4 >= total))
    return isBlock ? (trailers, covered) : ([], [])
}
