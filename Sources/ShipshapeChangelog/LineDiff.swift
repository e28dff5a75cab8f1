/// A unified diff (`diff -u` style, three lines of context) between two versions of a text
/// file, for `changelog-sync --dry-run`.
///
/// Lines are compared without their terminators; a line whose only change is its terminator
/// (CRLF, missing final newline) shows as changed. Large middles (more than four million
/// line pairs) are shown as one replaced block rather than minimised.
///
/// - Parameters:
///   - old: the current bytes (empty for a missing file).
///   - new: the new bytes.
///   - path: the file's name for the `---`/`+++` header.
/// - Returns: the diff text, empty when equal.
package func unifiedDiff(old: [UInt8], new: [UInt8], path: String) -> String {
    if old == new { return "" }
    let a = diffLines(old), b = diffLines(new)
    var prefix = 0
    while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
    let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
    // Operations: (kind, line in a, line in b); kind " ", "-", "+".
    var ops: [(Character, Int, Int)] = []
    for i in 0..<prefix { ops.append((" ", i, i)) }
    if midA.count * midB.count <= 4_000_000 && !midA.isEmpty && !midB.isEmpty {
        let n = midA.count, m = midB.count
        var table = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = midA[i] == midB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && midA[i] == midB[j] {
                ops.append((" ", prefix + i, prefix + j)); i += 1; j += 1
            } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
                // Removed lines before added ones, as `diff -u` shows a replaced line.
                ops.append(("-", prefix + i, prefix + j)); i += 1
            } else {
                ops.append(("+", prefix + i, prefix + j)); j += 1
            }
        }
    } else {
        for i in 0..<midA.count { ops.append(("-", prefix + i, prefix + midB.count)) }
        for j in 0..<midB.count { ops.append(("+", prefix + midA.count, prefix + j)) }
    }
    for k in 0..<suffix { ops.append((" ", a.count - suffix + k, b.count - suffix + k)) }

    var out = "--- a/\(path)\n+++ b/\(path)\n"
    var index = 0
    while index < ops.count {
        guard let firstChange = ops[index...].firstIndex(where: { $0.0 != " " }) else { break }
        let start = max(index, firstChange - 3)
        var end = firstChange
        var lastChange = firstChange
        while end < ops.count {
            if ops[end].0 != " " { lastChange = end }
            if end - lastChange > 6 { break }
            end += 1
        }
        end = min(ops.count, lastChange + 4)
        let hunk = ops[start..<end]
        let oldCount = hunk.filter { $0.0 != "+" }.count, newCount = hunk.filter { $0.0 != "-" }.count
        let oldStart = hunk.first.map { $0.1 + (oldCount == 0 ? 0 : 1) } ?? 0
        let newStart = hunk.first.map { $0.2 + (newCount == 0 ? 0 : 1) } ?? 0
        out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
        for (kind, i, j) in hunk {
            out.append(kind)
            out += kind == "+" ? b[j] : a[i]
            out += "\n"
        }
        index = end
    }
    return out
}

private func diffLines(_ bytes: [UInt8]) -> [String] {
    guard !bytes.isEmpty else { return [] }
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    if lines.last == "" { lines.removeLast() } else { lines[lines.count - 1] += "\n\\ No newline at end of file" }
    return lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
}
