/// The character that starts a comment line in a commit message (`core.commentChar`).
///
/// Git 2.39 accepts one character or `auto`.
package enum CommentChar: Sendable, Hashable {
    /// Lines starting with this character are comments.
    case character(Character)
    /// Git picks the character when it writes the message file, from the text it starts from.
    ///
    /// The text git starts from is what it writes above its own comments: the message of `-m`
    /// or `-F`, the commit being amended or reused, `MERGE_MSG` (after `SQUASH_MSG`), or the
    /// template. Git's rule (`chosenByGit(startingFrom:)`): the first of `#;@!$%^&|:` that
    /// starts no line of that text. A hook only sees the file after the editor, so
    /// `resolved(for:startingText:)` weighs what is left of the evidence.
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
    /// For `auto` the evidence is weighed in this order:
    /// 1. git's own lines, while the file still holds them (`namedByGit(in:)`): its scissors
    ///    line or the sentence of its comment block that quotes the character;
    /// 2. git's rule applied to the text git started from, when the caller could rebuild it;
    /// 3. a guess from the final text (`guessed(fromFinalText:)`).
    ///
    /// - Parameters:
    ///   - message: the message file as the editor left it (with git's comments, if any).
    ///   - startingText: the text git wrote above its comments and chose the character from,
    ///     when the caller knows it; nil when it is not visible (e.g. `git commit -m ... -e`).
    /// - Returns: the configured character, or for `auto` the one git picked as far as the
    ///   evidence tells.
    package func resolved(for message: String, startingText: String? = nil) -> Character {
        switch self {
        case let .character(c):
            return c
        case .auto:
            if let named = CommentChar.namedByGit(in: message) { return named }
            if let startingText, let chosen = CommentChar.chosenByGit(startingFrom: startingText) { return chosen }
            return CommentChar.guessed(fromFinalText: message)
        }
    }

    /// The character git 2.39 picks for `auto` from the text it starts the message file with.
    ///
    /// A line starts at the beginning of the text and after every line feed or carriage return
    /// that something follows; the pick is the first candidate (`autoCandidates`) that starts
    /// no line. So a text without `#` at the start of a line gets `#`.
    ///
    /// - Parameter text: what git writes above its comments (empty for a plain `git commit`).
    /// - Returns: the pick, or nil when every candidate starts a line (git then refuses to commit).
    package static func chosenByGit(startingFrom text: String) -> Character? {
        let starts = lineStartBytes(of: text)
        return autoCandidates.first { !starts.contains($0.asciiValue ?? 0) }
    }

    /// The character git names in its own lines of a message file, or nil when none is left.
    ///
    /// git's lines are its scissors line `X ------------------------ >8 ------------------------`
    /// (`git commit -v`, `commit.cleanup=scissors`) and the English sentence of its comment
    /// block that quotes the character: `X ... Lines starting` followed by the line
    /// `X with 'X' will be ...` (`git commit`), or the single line
    /// `X Lines starting with 'X' will be ...` (`git merge`). Only a line that starts with a
    /// candidate followed by a space counts, and the quoted character must be that candidate.
    /// git writes its lines below the text it started from, so the last one decides (an amended
    /// message may still hold the sentence of an earlier commit).
    ///
    /// - Parameter message: the message file's text.
    /// - Returns: the character of git's last such line.
    package static func namedByGit(in message: String) -> Character? {
        var named: UInt8? = nil
        var previous: ArraySlice<UInt8> = []
        for line in message.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var content = ArraySlice(line)
            if content.last == 0x0D { content = content.dropLast() }
            if let c = gitLineCharacter(content, previous: previous) { named = c }
            previous = content
        }
        return named.map { Character(Unicode.Scalar($0)) }
    }

    /// A guess from the final text alone, for when neither git's lines nor its starting text are
    /// known.
    ///
    /// The candidates that start a line of the file, taken in git's order while each one does,
    /// end with the one git most likely chose: earlier candidates were skipped because the text
    /// git started from has lines starting with them, and git's comments start with the chosen
    /// one. When no candidate starts a line there is nothing to strip and `#` is used. The guess
    /// is wrong when git's comments are gone and the user's own lines start with the next
    /// candidates.
    ///
    /// - Parameter message: the message file's text.
    /// - Returns: the likely character.
    package static func guessed(fromFinalText message: String) -> Character {
        let starts = lineStartBytes(of: message)
        var chosen: Character = "#"
        for candidate in autoCandidates {
            guard let byte = candidate.asciiValue, starts.contains(byte) else { break }
            chosen = candidate
        }
        return chosen
    }

    /// The bytes that start a line: the first one, and each one after a line feed or carriage return.
    private static func lineStartBytes(of text: String) -> Set<UInt8> {
        var starts = Set<UInt8>()
        var atLineStart = true
        for byte in text.utf8 {
            if atLineStart { starts.insert(byte) }
            atLineStart = byte == 0x0A || byte == 0x0D
        }
        return starts
    }

    /// The candidate that starts a line of git's own (scissors or the quoting sentence), if it is one.
    ///
    /// - Parameters:
    ///   - line: the line without its line end.
    ///   - previous: the line before it, without its line end.
    private static func gitLineCharacter(_ line: ArraySlice<UInt8>, previous: ArraySlice<UInt8>) -> UInt8? {
        guard line.count > 2, let c = line.first, line.dropFirst().first == 0x20 else { return nil }
        guard autoCandidateBytes.contains(c) else { return nil }
        let rest = line.dropFirst(2)
        if rest.elementsEqual(scissorsMarker.utf8) { return c }
        let quote = "'" + String(Unicode.Scalar(c)) + "' will be "
        if rest.starts(with: ("Lines starting with " + quote).utf8) { return c }
        guard rest.starts(with: ("with " + quote).utf8) else { return nil }
        let opensSentence = previous.first == c && previous.dropFirst().first == 0x20
            && previous.reversed().starts(with: " Lines starting".utf8.reversed())
        return opensSentence ? c : nil
    }

    /// `autoCandidates` as bytes.
    private static let autoCandidateBytes: Set<UInt8> = Set(autoCandidates.compactMap(\.asciiValue))
}
