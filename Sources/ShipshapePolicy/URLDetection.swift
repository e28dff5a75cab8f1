import ShipshapeMessage

/// Whether a line contains a URL in commitlint's sense: a match of `\bhttps?://\S+`.
///
/// This is commitlint's deliberately lenient test (conventional-changelog/commitlint#4486):
/// `http://` or `https://` (lower case) not preceded by an ASCII word character, followed by at
/// least one non-whitespace character; other text may surround it.
func containsURL(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    let scheme: [Unicode.Scalar] = ["h", "t", "t", "p"]
    var i = 0
    while i + 8 <= scalars.count {
        defer { i += 1 }
        guard scalars[i] == "h", i == 0 || !isASCIIWordScalar(scalars[i - 1]) else { continue }
        var k = i
        guard k + 4 <= scalars.count, Array(scalars[k..<(k + 4)]) == scheme else { continue }
        k += 4
        if k < scalars.count && scalars[k] == "s" { k += 1 }
        guard k + 3 < scalars.count, scalars[k] == ":", scalars[k + 1] == "/", scalars[k + 2] == "/" else { continue }
        if !isJSWhitespace(scalars[k + 3]) { return true }
    }
    return false
}

/// JavaScript's `\w` for one scalar: ASCII letters, digits and `_`.
private func isASCIIWordScalar(_ s: Unicode.Scalar) -> Bool {
    s.isASCII && isASCIIWord(UInt8(s.value))
}
