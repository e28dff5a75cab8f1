/// Why a changelog could not be read or updated. The file is never changed when one is thrown.
package enum ChangelogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is not valid UTF-8 text (1-based line of the first bad byte).
    case invalidUTF8(path: String, line: Int)
    /// Two `## [Unreleased]` sections.
    case duplicateUnreleased(path: String, first: Int, second: Int)
    /// The Unreleased section comes after a released version, so new entries have no place.
    case unreleasedBelowRelease(path: String, unreleased: Int, release: Int)
    /// Two synced-commit markers in the Unreleased section.
    case duplicateMarker(path: String, first: Int, second: Int)
    /// A synced-commit marker whose commit id is not 40 hexadecimal digits.
    case invalidMarker(path: String, line: Int, text: String)
    /// An HTML comment or fenced code block that is never closed and hides the place where new
    /// entries go (`closing` is what closes it: `-->`, three backticks or tildes).
    case unclosedBlock(path: String, line: Int, closing: String)

    package var description: String {
        switch self {
        case let .invalidUTF8(path, line):
            return "\(path):\(line): error: the changelog is not valid UTF-8; re-save it as UTF-8 and sync again"
        case let .duplicateUnreleased(path, first, second):
            return "\(path):\(second): error: a second \"## [Unreleased]\" section (the first is on line \(first)); merge the two into one and sync again"
        case let .unreleasedBelowRelease(path, unreleased, release):
            return "\(path):\(unreleased): error: \"## [Unreleased]\" comes after the release section on line \(release); move it above the newest release and sync again"
        case let .duplicateMarker(path, first, second):
            return "\(path):\(second): error: a second synced-commit marker (the first is on line \(first)); delete one of the two \"<!-- \(ChangelogMarker.keyword) ... -->\" lines and sync again"
        case let .invalidMarker(path, line, text):
            return "\(path):\(line): error: the synced-commit marker \"\(text)\" does not hold a full commit id; delete the line (the next sync rebuilds it from the release tag) or restore it"
        case let .unclosedBlock(path, line, closing):
            let what = closing == "-->" ? "HTML comment" : "code block"
            return "\(path):\(line): error: the \(what) opened here is never closed, so it hides the rest of the file, where new entries would go; close it with \"\(closing)\" and sync again"
        }
    }
}
