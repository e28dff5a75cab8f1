import ShipshapeMessage

// commitlint's `@commitlint/ensure` case checks, including their quirks: quoted parts
// (`...`, "...", '...') are removed before checking; a text that becomes empty, or whose
// transformation starts with an ASCII digit, passes every case; the compound cases use
// lodash's word splitting (Latin-1 letters are upper or lower, other letters are "misc",
// digits are words of their own) after deburring Latin letters and dropping apostrophes.

/// Whether `raw` is in the named case, as commitlint's `ensure.case` decides.
///
/// - Parameters:
///   - raw: the text (type, scope segment or subject).
///   - caseName: `lower-case`, `upper-case`, `camel-case`, `kebab-case`, `pascal-case`,
///     `sentence-case`, `snake-case` or `start-case` (unknown names never match).
/// - Returns: true when the text is in that case.
func ensureCase(_ raw: String, _ caseName: String) -> Bool {
    let input = trimJS(removeQuoted(raw))
    guard let transformed = toCase(input, caseName) else { return false }
    if transformed.isEmpty { return true }
    if let first = transformed.utf8.first, first >= 0x30 && first <= 0x39 { return true }
    return transformed.unicodeScalars.elementsEqual(input.unicodeScalars)
}

/// Transforms a text to the named case (commitlint's `to-case`), nil for an unknown name.
func toCase(_ input: String, _ caseName: String) -> String? {
    switch caseName {
    case "camel-case": return camelCase(input)
    case "kebab-case": return compoundWords(input).map { $0.lowercased() }.joined(separator: "-")
    case "snake-case": return compoundWords(input).map { $0.lowercased() }.joined(separator: "_")
    case "pascal-case": return upperFirst(camelCase(input))
    case "start-case": return compoundWords(input).map(upperFirst).joined(separator: " ")
    case "upper-case", "uppercase": return input.uppercased()
    case "sentence-case", "sentencecase": return upperFirst(input)
    case "lower-case", "lowercase", "lowerCase": return input.lowercased()
    default: return nil
    }
}

/// Removes `` `...` ``, `"..."` and `'...'` spans (non-greedy, within a line), as ensure-case does.
func removeQuoted(_ text: String) -> String {
    let chars = Array(text)
    var out = ""
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if c == "`" || c == "\"" || c == "'" {
            var j = i + 1
            while j < chars.count && chars[j] != c && !chars[j].isNewline { j += 1 }
            if j < chars.count && chars[j] == c {
                i = j + 1
                continue
            }
        }
        out.append(c)
        i += 1
    }
    return out
}

/// JavaScript's `String.prototype.trim`.
func trimJS(_ text: String) -> String {
    var s = Substring(text)
    while let f = s.first, f.unicodeScalars.allSatisfy(isJSWhitespace) { s = s.dropFirst() }
    while let l = s.last, l.unicodeScalars.allSatisfy(isJSWhitespace) { s = s.dropLast() }
    return String(s)
}

/// lodash's `upperFirst`: the first character upper-cased.
func upperFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return String(first).uppercased() + text.dropFirst()
}

/// lodash's `camelCase`.
func camelCase(_ text: String) -> String {
    var out = ""
    for (index, word) in compoundWords(text).enumerated() {
        out += index == 0 ? word.lowercased() : upperFirst(word.lowercased())
    }
    return out
}

/// lodash's compounder input: deburred, apostrophes removed, split into words.
func compoundWords(_ text: String) -> [String] {
    var cleaned = ""
    for scalar in text.unicodeScalars {
        if scalar == "'" || scalar == "\u{2019}" { continue }
        if (0x300...0x36F).contains(scalar.value) || (0xFE20...0xFE2F).contains(scalar.value)
            || (0x20D0...0x20FF).contains(scalar.value)
        {
            continue
        }
        if let plain = deburrTable[scalar] { cleaned += plain } else { cleaned.unicodeScalars.append(scalar) }
    }
    return lodashWords(cleaned)
}

private enum WordClass { case breaker, digit, upper, lower, misc, emoji }

private func wordClass(_ c: Character) -> WordClass {
    guard let s = c.unicodeScalars.first else { return .breaker }
    let v = s.value
    switch v {
    case 0x30...0x39: return .digit
    case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return .upper
    case 0x61...0x7A, 0xDF...0xF6, 0xF8...0xFF: return .lower
    case 0x00...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0xBF, 0xD7, 0xF7, 0x2000...0x206F: return .breaker
    case 0x1680, 0x3000, 0xFEFF: return .breaker
    case 0x2700...0x27BF, 0x10000...: return .emoji
    default: return .misc
    }
}

/// lodash's `words` for Unicode text (its `reUnicodeWord` alternatives, without ordinals).
func lodashWords(_ text: String) -> [String] {
    let chars = Array(text)
    let cls = chars.map(wordClass)
    let n = chars.count
    func isUpper(_ p: Int) -> Bool { p < n && cls[p] == .upper }
    func isLower(_ p: Int) -> Bool { p < n && cls[p] == .lower }
    func isMisc(_ p: Int) -> Bool { p < n && cls[p] == .misc }
    func isBreakOrEnd(_ p: Int) -> Bool { p >= n || cls[p] == .breaker }
    func run(from p: Int, _ accept: (Int) -> Bool) -> Int {
        var e = p
        while e < n && accept(e) { e += 1 }
        return e - p
    }
    func alternative(at i: Int) -> Int? {
        // Upper? Lower+ (?= break | upper | end)
        for u in (isUpper(i) ? [1, 0] : [0]) {
            let p = i + u
            let m = run(from: p, isLower)
            var len = m
            while len >= 1 {
                let e = p + len
                if isBreakOrEnd(e) || isUpper(e) { return e }
                len -= 1
            }
        }
        // (Upper|Misc)+ (?= break | Upper (Lower|Misc) | end)
        let r = run(from: i) { isUpper($0) || isMisc($0) }
        var len = r
        while len >= 1 {
            let e = i + len
            if isBreakOrEnd(e) || (isUpper(e) && (isLower(e + 1) || isMisc(e + 1))) { return e }
            len -= 1
        }
        // Upper? (Lower|Misc)+
        for u in (isUpper(i) ? [1, 0] : [0]) {
            let m = run(from: i + u) { isLower($0) || isMisc($0) }
            if m >= 1 { return i + u + m }
        }
        // Upper+
        let ups = run(from: i, isUpper)
        return ups >= 1 ? i + ups : nil
    }
    var words: [String] = []
    var i = 0
    while i < n {
        switch cls[i] {
        case .breaker:
            i += 1
        case .digit:
            let e = i + run(from: i) { cls[$0] == .digit }
            words.append(String(chars[i..<e]))
            i = e
        case .emoji:
            words.append(String(chars[i]))
            i += 1
        case .upper, .lower, .misc:
            if let e = alternative(at: i), e > i {
                words.append(String(chars[i..<e]))
                i = e
            } else {
                i += 1
            }
        }
    }
    return words
}

/// Latin-1 and Latin Extended-A letters replaced by basic Latin, combining marks dropped.
func deburred(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        if (0x300...0x36F).contains(scalar.value) { continue }
        if let plain = deburrTable[scalar] { out += plain } else { out.unicodeScalars.append(scalar) }
    }
    return out
}

/// lodash's `deburr` table: Latin-1 Supplement and Latin Extended-A letters to basic Latin.
private let deburrTable: [Unicode.Scalar: String] = {
    let groups: [(String, String)] = [
        ("ÀÁÂÃÄÅĀĂĄ", "A"), ("àáâãäåāăą", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ÐĎĐ", "D"), ("ðďđ", "d"),
        ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"), ("ĤĦ", "H"), ("ĥħ", "h"),
        ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"), ("Ķ", "K"), ("ķĸ", "k"),
        ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇŊ", "N"), ("ñńņňŋ", "n"), ("ÒÓÔÕÖØŌŎŐ", "O"),
        ("òóôõöøōŏő", "o"), ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠ", "S"), ("śŝşšſ", "s"), ("ŢŤŦ", "T"),
        ("ţťŧ", "t"), ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ùúûüũūŭůűų", "u"), ("Ŵ", "W"), ("ŵ", "w"), ("ÝŶŸ", "Y"),
        ("ýÿŷ", "y"), ("ŹŻŽ", "Z"), ("źżž", "z"), ("Æ", "Ae"), ("æ", "ae"), ("Þ", "Th"), ("þ", "th"),
        ("ß", "ss"), ("Ĳ", "IJ"), ("ĳ", "ij"), ("Œ", "Oe"), ("œ", "oe"), ("ŉ", "'n"),
    ]
    var table: [Unicode.Scalar: String] = [:]
    for (letters, plain) in groups {
        for scalar in letters.unicodeScalars { table[scalar] = plain }
    }
    return table
}()
