package import ShipshapePatterns

/// What is wrong with a version string, found while parsing it.
///
/// Each case names the part of the version concerned so that a message can say what to change.
package enum VersionProblem: Sendable, Hashable, CustomStringConvertible {
    /// The text is empty (or only a `v`).
    case empty
    /// A required numeric part (`major`, `minor` or `patch`) is missing.
    case missingPart(String)
    /// A numeric part or numeric pre-release identifier starts with `0` and has more digits.
    case leadingZero(String)
    /// A numeric part is too large to compare (more than 18 digits).
    case numberTooLarge(String)
    /// An identifier between dots (pre-release or build) is empty.
    case emptyIdentifier(String)
    /// A character that may not appear at this place.
    case invalidCharacter(Character, String)
    /// A PEP 440 form that has no SemVer equivalent (post-releases, epochs, local versions).
    case noSemVerEquivalent(String)

    package var description: String {
        switch self {
        case .empty: return "the version is empty"
        case let .missingPart(part): return "the \(part) is missing (a version has the form MAJOR.MINOR.PATCH)"
        case let .leadingZero(part): return "the \(part) has a leading zero (write 1, not 01)"
        case let .numberTooLarge(part): return "the \(part) is too large"
        case let .emptyIdentifier(part): return "an identifier of the \(part) is empty (two dots in a row, or a dot at an end)"
        case let .invalidCharacter(character, part):
            return "\"\(character)\" may not appear in the \(part) (only 0-9, A-Z, a-z and - are allowed)"
        case let .noSemVerEquivalent(form): return "the PEP 440 \(form) has no SemVer 2.0.0 equivalent"
        }
    }
}

/// Why versioning could not read a version: an unparsable version string, or a configured version
/// source that is missing, does not match, or matches more than once.
///
/// Each description says what went wrong, where (file, line, column) and how to fix it.
package enum VersioningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A version string is not SemVer 2.0.0 (nor a PEP 440 version with a SemVer spelling).
    ///
    /// `column` is 1-based in `text`.
    case invalidVersion(text: String, column: Int, problem: VersionProblem)
    /// A configured version file does not exist at the commit.
    case sourceMissing(path: String)
    /// A configured version file's pattern does not match its contents.
    case noMatch(path: String, pattern: String)
    /// A configured version file's pattern matches at several places.
    case severalMatches(path: String, pattern: String, lines: [Int])
    /// A configured pattern lacks the named group `version`.
    case missingVersionGroup(path: String, pattern: String)
    /// A configured pattern failed while matching (too much backtracking).
    case pattern(path: String, PatternError)
    /// A known version file declares its version in a form that cannot be read (a name defined
    /// elsewhere, a build argument without a default); `form` is the declaration as written.
    case unreadableVersion(path: String, line: Int, column: Int, form: String, reason: String)

    package var description: String {
        switch self {
        case let .invalidVersion(text, column, problem):
            return "\"\(text)\" is not a valid version at column \(column): \(problem); use MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], e.g. 1.2.0 or 1.2.0-rc.1"
        case let .sourceMissing(path):
            return "\(path): the configured version file does not exist; add it, or remove it from [versions] sources in .shipshape.toml"
        case let .noMatch(path, pattern):
            return "\(path): the configured pattern \"\(pattern)\" does not match; write the version the way the pattern expects, or fix the pattern in .shipshape.toml"
        case let .severalMatches(path, pattern, lines):
            let where_ = lines.map(String.init).joined(separator: ", ")
            return "\(path): the configured pattern \"\(pattern)\" matches \(lines.count) times (lines \(where_)); make the pattern specific enough to match once, or allow several matches for this source"
        case let .missingVersionGroup(path, pattern):
            return "\(path): the configured pattern \"\(pattern)\" has no named group \"version\"; put (?<version>...) around the version"
        case let .pattern(path, error):
            return "\(path): \(error)"
        case let .unreadableVersion(path, line, column, form, reason):
            return "\(path):\(line):\(column): the version \(form) cannot be read: \(reason); or name the file that holds the version under [[versions.sources]] in .shipshape.toml (and set [versions] auto-detect = false)"
        }
    }
}
