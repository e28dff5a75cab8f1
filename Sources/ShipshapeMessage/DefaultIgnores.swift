/// commitlint's default ignores (`@commitlint/is-ignored` 20.4.4 and later): messages that are
/// skipped unlinted.
///
/// Which lines an ignore looks at follows commitlint's patterns: the merge patterns
/// (`Merge pull request`, `Merge ... into ...`, `Merge branch ...`, `Merge tag ...`) carry the
/// multi-line flag, so any line of the message that is such a line makes the whole message
/// ignored; every other ignore looks only at the start of the message (its first line). All
/// comparisons are case-sensitive, as in commitlint, except the CI-skip marker of a release
/// commit (see `trailingCISkipMarker(in:)`).
package enum DefaultIgnore: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A line starting with `Merge pull request`.
    case mergePullRequest = "merge-pull-request"
    /// A line `Merge <x> into <y>`.
    case mergeInto = "merge-into"
    /// A line starting with `Merge branch `.
    case mergeBranch = "merge-branch"
    /// A line starting with `Merge tag `.
    case mergeTag = "merge-tag"
    /// A message starting with `Revert ` or `revert ` (git's revert; `revert: ` is linted).
    case revert = "revert"
    /// A message starting with `Reapply ` or `reapply ` (git's revert of a revert).
    case reapply = "reapply"
    /// A message starting with `fixup!`, `squash!` or `amend!`.
    case autosquash = "autosquash"
    /// A first line that is only a version (after an optional `chore(...):`), possibly followed by
    /// a CI-skip marker, e.g. `v2.0.0-rc.1` or `chore(release): 2.3.3-beta.1 [skip ci]`.
    case version = "version"
    /// `Merged <x> in <y>` / `Merged <x> into <y>` / `Merged PR <n>: <title>` (Azure DevOps, Bitbucket).
    case merged = "merged"
    /// A message starting with `Merge remote-tracking branch`.
    case mergeRemoteTrackingBranch = "merge-remote-tracking-branch"
    /// A message starting with `Automatic merge`.
    case automaticMerge = "automatic-merge"
    /// `Auto-merged <x> into <y>`.
    case autoMerged = "auto-merged"

    /// What the ignore recognised, for `--verbose` output.
    package var description: String {
        switch self {
        case .mergePullRequest: return "a pull-request merge (\"Merge pull request ...\")"
        case .mergeInto: return "a merge commit (\"Merge ... into ...\")"
        case .mergeBranch: return "a merge commit (\"Merge branch ...\")"
        case .mergeTag: return "a tag merge (\"Merge tag ...\")"
        case .revert: return "a git revert (\"Revert ...\")"
        case .reapply: return "a git revert of a revert (\"Reapply ...\")"
        case .autosquash: return "an autosquash commit (fixup!/squash!/amend!)"
        case .version: return "a release commit (a version alone, optionally with [skip ci])"
        case .merged: return "a merge by a hosting service (\"Merged ...\")"
        case .mergeRemoteTrackingBranch: return "a merge of a remote-tracking branch"
        case .automaticMerge: return "an automatic merge"
        case .autoMerged: return "an automatic merge (\"Auto-merged ... into ...\")"
        }
    }
}

/// The first of commitlint's default ignores that matches a message, if any.
///
/// - Parameter message: the message to check (after cleanup).
/// - Returns: the matching ignore in commitlint's order, or nil.
package func matchDefaultIgnore(_ message: String) -> DefaultIgnore? {
    mayMatchDefaultIgnore(message) ? matchDefaultIgnoreByLines(message) : nil
}

/// The full check of `matchDefaultIgnore`, without the byte pre-check.
func matchDefaultIgnoreByLines(_ message: String) -> DefaultIgnore? {
    // JavaScript line terminators end lines for `^`/`$` (multi-line) and stop `.`.
    let jsLines = message.split(omittingEmptySubsequences: false) {
        $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{2028}" || $0 == "\u{2029}"
    }
    for line in jsLines {
        if line.hasPrefix("Merge pull request") { return .mergePullRequest }
        if line.hasPrefix("Merge "), line.dropFirst(6).contains(" into ") { return .mergeInto }
        if line.hasPrefix("Merge branch ") { return .mergeBranch }
    }
    for line in jsLines where line.hasPrefix("Merge tag ") { return .mergeTag }
    if message.hasPrefix("Revert ") || message.hasPrefix("revert ") { return .revert }
    if message.hasPrefix("Reapply ") || message.hasPrefix("reapply ") { return .reapply }
    if message.hasPrefix("fixup!") || message.hasPrefix("squash!") || message.hasPrefix("amend!") { return .autosquash }
    if isVersionOnly(message) { return .version }
    let first = jsLines.first ?? ""
    if first.hasPrefix("Merged ") {
        let rest = first.dropFirst(7)
        if rest.contains("in ") || rest.contains("into ") { return .merged }
        if first.hasPrefix("Merged PR "), first.dropFirst(10).contains(": ") { return .merged }
    }
    if message.hasPrefix("Merge remote-tracking branch") { return .mergeRemoteTrackingBranch }
    if message.hasPrefix("Automatic merge") { return .automaticMerge }
    if first.hasPrefix("Auto-merged "), first.dropFirst(12).contains(" into ") { return .autoMerged }
    return nil
}

/// commitlint's semver ignore: the first line, without a leading `chore:` / `chore(<scope>):`,
/// without CI-skip markers and surrounding whitespace, is a version as npm's `semver.valid`
/// accepts it (one optional `v`).
private func isVersionOnly(_ message: String) -> Bool {
    let firstBytes = message.utf8.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).first
    var first = Substring(firstBytes.map { String(decoding: $0, as: UTF8.self) } ?? "")
    if first.hasPrefix("chore") {
        var rest = first.dropFirst(5)
        if rest.first == "(", let close = rest.firstIndex(of: ")"), close > rest.index(after: rest.startIndex) {
            rest = rest[rest.index(after: close)...]
        }
        if rest.first == ":" { first = rest.dropFirst() }
    }
    var text = trimJSWhitespace(first)
    // Release tools end the line with one or more CI-skip markers: `1.2.0 [skip ci]`.
    while let marker = trailingCISkipMarker(in: text) {
        text = trimJSWhitespace(text.dropLast(marker))
    }
    if text.hasPrefix("v") { text = text.dropFirst() }
    return text.utf8.count <= 256 && isValidSemVer(text)
}

/// The text without JavaScript white space (`\s`) at either end.
private func trimJSWhitespace(_ text: Substring) -> Substring {
    var text = text.drop { $0.unicodeScalars.allSatisfy(isJSWhitespace) }
    while let last = text.last, last.unicodeScalars.allSatisfy(isJSWhitespace) { text = text.dropLast() }
    return text
}

/// The CI-skip markers release tools append to a release commit's first line.
///
/// `[skip ci]`, `[ci skip]`, `[skip-ci]`, `[ci-skip]` and the same four in parentheses; letters
/// compared without case (CI services accept `[SKIP CI]` too).
private let ciSkipMarkers: [String] = ["skip ci", "ci skip", "skip-ci", "ci-skip"].flatMap { ["[\($0)]", "(\($0))"] }

/// The length in `Character`s of the CI-skip marker that ends `text`, preceded by white space
/// (or being the whole text after the version), or nil when the text does not end with one.
private func trailingCISkipMarker(in text: Substring) -> Int? {
    for marker in ciSkipMarkers where text.count > marker.count {
        let tail = text.suffix(marker.count)
        guard tail.lowercased() == marker else { continue }
        let before = text.dropLast(marker.count)
        if let last = before.last, last.unicodeScalars.allSatisfy(isJSWhitespace) { return marker.count }
    }
    return nil
}

/// Whether a default ignore could match a message: false only when it certainly does not.
///
/// The full check splits the message into lines and compares graphemes (it was a third of a
/// range lint); most messages are settled here from their bytes. Every default ignore
/// needs one of: a line starting with `Merge` (merge lines, `Merged ...`, `Merge
/// remote-tracking branch`), so the bytes contain `Merge`; the message starting with
/// `Revert `, `revert `, `Reapply `, `reapply `, `fixup!`, `squash!`, `amend!` or `Auto`
/// (`Automatic merge`, `Auto-merged `); or, for a version-only message, a start that is not an ASCII letter, or
/// is `v` or `chore` (a version must start with a digit after an optional `chore(...):`,
/// white space and `v`). None of these ASCII characters has a canonical equivalent, so a grapheme
/// prefix match implies the byte match.
func mayMatchDefaultIgnore(_ message: String) -> Bool {
    var message = message
    return message.withUTF8 { bytes -> Bool in
        guard let first = bytes.first else { return true }
        let isLetter = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)
        func starts(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            for k in 0..<count where bytes[k] != prefix.utf8Start[k] { return false }
            return true
        }
        if !isLetter || first == 0x76 || starts("chore") { return true }  // v, chore
        if starts("Revert ") || starts("revert ") || starts("Reapply ") || starts("reapply ") || starts("fixup!") || starts("squash!") || starts("amend!") || starts("Auto") {
            return true
        }
        // "Merge" anywhere
        var i = 0
        let end = bytes.count - 5
        while i <= end {
            if bytes[i] == 0x4D && bytes[i + 1] == 0x65 && bytes[i + 2] == 0x72 && bytes[i + 3] == 0x67 && bytes[i + 4] == 0x65 { return true }
            i += 1
        }
        return false
    }
}
