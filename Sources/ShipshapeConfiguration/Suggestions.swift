/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
/// (at most a third of the word's length, and at least 2, edits), or else the one candidate the
/// word abbreviates (`warn` → `warning`).
func suggestion(for word: String, among candidates: [String]) -> String? {
    let limit = max(2, word.count / 3)
    if word.count >= 3 {
        let abbreviated = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) && $0.count > word.count }
        if abbreviated.count == 1, editDistance(word, abbreviated[0]) > limit { return abbreviated[0] }
    }
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(word.lowercased(), candidate.lowercased())
        if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
}

/// Levenshtein distance over characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
