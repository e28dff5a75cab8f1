import ShipshapeChangelog

/// The plan a dry run shows: each file's diff, then each git step in order.
enum ReleasePlanText {
    static func render(changes: [FileChange], steps: [[String]]) -> [String] {
        var lines: [String] = []
        for change in changes {
            let diff = unifiedDiff(old: change.old, new: change.new, path: change.path)
            lines.append(diff.hasSuffix("\n") ? String(diff.dropLast()) : diff)
        }
        for step in steps { lines.append("would run: git " + step.map(shellQuoted).joined(separator: " ")) }
        return lines
    }

    static func shellQuoted(_ word: String) -> String {
        if !word.isEmpty && word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:@".contains($0) }) { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
