/// Edit distance between two strings by `Character` (optimal string alignment: insertions,
/// deletions, substitutions and transpositions of neighbours each cost 1).
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    for i in 1...x.count {
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[x.count][y.count]
}

/// Common synonyms of the Conventional Commits types.
private let typeSynonyms: [String: String] = [
    "feature": "feat", "features": "feat", "add": "feat", "new": "feat",
    "bugfix": "fix", "bug": "fix", "hotfix": "fix", "fixes": "fix", "fixed": "fix", "security": "fix",
    "doc": "docs", "documentation": "docs", "readme": "docs",
    "tests": "test", "testing": "test", "spec": "test",
    "refactoring": "refactor", "cleanup": "refactor", "performance": "perf", "optimize": "perf",
    "release": "chore", "bump": "chore", "deps": "build", "dependencies": "build", "format": "style",
    "lint": "style", "reverts": "revert", "chores": "chore", "builds": "build",
]

/// The closest allowed value to an unknown one: a synonym, a prefix or suffix, or a near spelling.
///
/// - Parameters:
///   - input: the unknown value.
///   - candidates: the allowed values.
/// - Returns: the suggestion, or nil when nothing is close.
func suggestion(for input: String, among candidates: [String]) -> String? {
    let lower = input.lowercased()
    if let exact = candidates.first(where: { $0.lowercased() == lower }) { return exact }
    if let synonym = typeSynonyms[lower], candidates.contains(synonym) { return synonym }
    let affix = candidates.filter { c in
        let lc = c.lowercased()
        return lc.count >= 2 && (lower.hasPrefix(lc) || lc.hasPrefix(lower) || lower.hasSuffix(lc))
    }
    if let best = affix.max(by: { $0.count < $1.count }), lower.count >= 2 { return best }
    let scored = candidates.map { ($0, editDistance(lower, $0.lowercased())) }
    if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(2, lower.count / 3)) { return best.0 }
    return nil
}

/// A `did you mean` help for an unknown value, or the list of allowed values.
func didYouMean(_ input: String, among candidates: [String], noun: String) -> String {
    if let s = suggestion(for: input, among: candidates) {
        return "did you mean \(quoted(s))? allowed \(noun): \(candidates.joined(separator: ", "))"
    }
    return "use one of the allowed \(noun): \(candidates.joined(separator: ", "))"
}
