/// A three-way merge of lines (what `git merge-file` does): changes made on one side only are
/// taken, the same change on both sides is taken once, and different changes to the same base
/// lines are a conflict, written between git's conflict markers.
///
/// The alignment is a longest common subsequence of the base with each side, computed on what
/// remains once the common beginning and end are set aside, so a large file with small changes
/// costs little. A middle too large to align (over four million line pairs) is one change.
///
/// - Parameters:
///   - base: the common ancestor's lines.
///   - ours: our side's lines.
///   - theirs: their side's lines.
///   - labels: the names written after the conflict markers (ours, theirs).
/// - Returns: the merged lines, and whether a conflict was written.
package func threeWayMerge(
    base: [String], ours: [String], theirs: [String], labels: (String, String) = ("ours", "theirs")
) -> (lines: [String], conflicted: Bool) {
    let toOurs = alignment(base, ours), toTheirs = alignment(base, theirs)
    var result: [String] = []
    var conflicted = false
    var b = 0, o = 0, t = 0
    // Stable points: base lines kept by both sides.
    var stable: [(base: Int, ours: Int, theirs: Int)] = []
    for i in base.indices { if let oi = toOurs[i], let ti = toTheirs[i] { stable.append((i, oi, ti)) } }
    stable.append((base.count, ours.count, theirs.count))
    for point in stable {
        let baseChunk = Array(base[b..<point.base]), ourChunk = Array(ours[o..<point.ours])
        let theirChunk = Array(theirs[t..<point.theirs])
        if ourChunk == baseChunk {
            result += theirChunk
        } else if theirChunk == baseChunk || ourChunk == theirChunk {
            result += ourChunk
        } else {
            conflicted = true
            result.append("<<<<<<< \(labels.0)")
            result += ourChunk
            result.append("=======")
            result += theirChunk
            result.append(">>>>>>> \(labels.1)")
        }
        if point.base < base.count { result.append(base[point.base]) }
        (b, o, t) = (point.base + 1, point.ours + 1, point.theirs + 1)
    }
    return (result, conflicted)
}

/// For each line of `a`, the line of `b` it is matched with by a longest common subsequence.
private func alignment(_ a: [String], _ b: [String]) -> [Int?] {
    var matched = [Int?](repeating: nil, count: a.count)
    var prefix = 0
    while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] {
        matched[prefix] = prefix
        prefix += 1
    }
    var suffix = 0
    while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
        matched[a.count - 1 - suffix] = b.count - 1 - suffix
        suffix += 1
    }
    let n = a.count - prefix - suffix, m = b.count - prefix - suffix
    guard n > 0, m > 0, n * m <= 4_000_000 else { return matched }
    var table = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
            table[i][j] = a[prefix + i] == b[prefix + j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
    }
    var i = 0, j = 0
    while i < n && j < m {
        if a[prefix + i] == b[prefix + j] {
            matched[prefix + i] = prefix + j
            i += 1
            j += 1
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1
        } else {
            j += 1
        }
    }
    return matched
}
