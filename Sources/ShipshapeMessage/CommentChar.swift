/// The character that starts a comment line in a commit message (`core.commentChar`).
///
/// Git 2.39 accepts one character or `auto`.
package enum CommentChar: Sendable, Hashable {
    /// Lines starting with this character are comments.
    case character(Character)
    /// Git picked the first of `#;@!$%^&|:` that did not start a line of the initial message.
    ///
    /// For a message file that already holds git's comments, `resolved(for:)` infers the pick.
    /// git's own lines decide first: when the file holds a scissors line
    /// `X ------------------------ >8 ------------------------` (from `git commit -v`), X is the
    /// character. Otherwise the candidates that start a line of the file, taken in git's order
    /// while each one does, end with the one git chose (earlier candidates were skipped because
    /// the user's own lines start with them; git's template lines start with the chosen one).
    /// When no candidate starts a line there is nothing to strip and `#` is used.
    case auto

    /// Git's default, `#`.
    package static let hash = CommentChar.character("#")

    /// The candidates git tries, in order, for `core.commentChar=auto`.
    package static let autoCandidates: [Character] = ["#", ";", "@", "!", "$", "%", "^", "&", "|", ":"]

    /// Parses git's `core.commentChar` value.
    ///
    /// - Parameter gitValue: `auto` or exactly one character.
    /// - Returns: The setting, or nil when the value is empty or longer than one character.
    package init?(gitValue: String) {
        if gitValue == "auto" {
            self = .auto
        } else if gitValue.count == 1, let c = gitValue.first {
            self = .character(c)
        } else {
            return nil
        }
    }

    /// The concrete comment character for a message.
    ///
    /// - Parameter message: the message as git wrote it (with its comment lines).
    /// - Returns: the configured character, or for `auto` the one git most likely picked.
    package func resolved(for message: String) -> Character {
        switch self {
        case let .character(c):
            return c
        case .auto:
            if let fromScissors = CommentChar.scissorsCharacter(in: message) { return fromScissors }
            var starts = Set<UInt8>()
            var atLineStart = true
            for byte in message.utf8 {
                if atLineStart { starts.insert(byte) }
                atLineStart = byte == 0x0A || byte == 0x0D
            }
            var chosen: Character = "#"
            for candidate in CommentChar.autoCandidates {
                guard let byte = candidate.asciiValue, starts.contains(byte) else { break }
                chosen = candidate
            }
            return chosen
        }
    }

    /// The character X of the first line `X ------------------------ >8 ------------------------`
    /// in a message (a CR before the line end is ignored), or nil when there is none.
    static func scissorsCharacter(in message: String) -> Character? {
        let suffix = Array((" " + scissorsMarker).utf8)
        for line in message.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
            var content = line[...]
            if content.last == 0x0D { content = content.dropLast() }
            guard content.count > suffix.count, content.suffix(suffix.count).elementsEqual(suffix) else { continue }
            let prefix = String(decoding: content.dropLast(suffix.count), as: UTF8.self)
            if prefix.count == 1, let character = prefix.first { return character }
        }
        return nil
    }
}
