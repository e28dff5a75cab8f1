import Testing

@testable import ShipshapeMessage

/// `core.commentChar=auto`: git's rule, git's own lines and the order in which the evidence counts.
@Suite("core.commentChar=auto")
struct CommentCharTests {
    @Test func gitPicksTheFirstCandidateThatStartsNoLine() {
        #expect(CommentChar.chosenByGit(startingFrom: "") == "#")
        #expect(CommentChar.chosenByGit(startingFrom: "feat: x\n\nsee issue #12\n") == "#")
        #expect(CommentChar.chosenByGit(startingFrom: "feat: x\n\n# Conflicts:\n#\tc.txt\n") == ";")
        #expect(CommentChar.chosenByGit(startingFrom: "# a\n; b\n@ c\n") == "!")
        // The first line counts; a line feed or a carriage return starts a line.
        #expect(CommentChar.chosenByGit(startingFrom: "#12 fix") == ";")
        #expect(CommentChar.chosenByGit(startingFrom: "feat: x\r#12\r;3") == "@")
        // A line end at the very end starts nothing, and leading spaces keep '#' inside the line.
        #expect(CommentChar.chosenByGit(startingFrom: "feat: x\n") == "#")
        #expect(CommentChar.chosenByGit(startingFrom: "feat: x\n  # indented\n") == "#")
        // Candidates are skipped only where they start a line, not in git's order of lines.
        #expect(CommentChar.chosenByGit(startingFrom: ";x\n") == "#")
        #expect(CommentChar.chosenByGit(startingFrom: "#x\n;y\n:z\n") == "@")
    }

    @Test func gitFindsNoCharacterWhenEveryCandidateStartsALine() {
        let all = CommentChar.autoCandidates.map { "\($0) line\n" }.joined()
        #expect(CommentChar.chosenByGit(startingFrom: all) == nil)
        // The hook then still resolves to something (git refuses the commit anyway).
        #expect(CommentChar.auto.resolved(for: all, startingText: all) == ":")
    }

    @Test func gitsSentenceNamesTheCharacter() {
        // git commit: the sentence spans two lines.
        let commit = "fix: x\n\n; Please enter the commit message for your changes. Lines starting\n"
            + "; with ';' will be ignored, and an empty message aborts the commit.\n;\n; On branch main\n"
        #expect(CommentChar.namedByGit(in: commit) == ";")
        // With commit.cleanup=whitespace the lines are kept, and the sentence says so.
        let kept = "fix: x\n\n@ Please enter the commit message for your changes. Lines starting\r\n"
            + "@ with '@' will be kept; you may remove them yourself if you want to.\r\n"
        #expect(CommentChar.namedByGit(in: kept) == "@")
        // git merge: one line.
        #expect(CommentChar.namedByGit(in: "Merge branch 'x'\n# Lines starting with '#' will be ignored, and\n") == "#")
    }

    @Test func scissorsLineNamesTheCharacter() {
        #expect(CommentChar.namedByGit(in: "fix: x\n; ------------------------ >8 ------------------------\ndiff\n") == ";")
        #expect(CommentChar.namedByGit(in: "fix: x\n§ ------------------------ >8 ------------------------\n") == nil)
    }

    @Test func textOfTheUserDoesNotPassForGitsLines() {
        // No space after the character, a quote of another character, no opening line.
        #expect(CommentChar.namedByGit(in: "fix: x\n;with ';' will be ignored\n") == nil)
        #expect(CommentChar.namedByGit(in: "fix: x\n; Lines starting\n; with '#' will be ignored\n") == nil)
        #expect(CommentChar.namedByGit(in: "fix: x\n; with ';' will be ignored\n") == nil)
        #expect(CommentChar.namedByGit(in: "fix: x\n# Lines starting\n; with ';' will be ignored\n") == nil)
        #expect(CommentChar.namedByGit(in: "fix: x\nLines starting with '#' will be ignored\n") == nil)
        #expect(CommentChar.namedByGit(in: "fix: x\n§ Lines starting with '§' will be ignored\n") == nil)
        #expect(CommentChar.namedByGit(in: "fix: x\n\n# heading\n; note\n") == nil)
    }

    @Test func gitsLastLineWins() {
        // An amended message that still holds the sentence of an earlier commit, then git's own.
        let raw = "fix: x\n\n# Lines starting with '#' will be ignored\n\n"
            + "; Please enter the commit message for your changes. Lines starting\n; with ';' will be ignored.\n"
        #expect(CommentChar.namedByGit(in: raw) == ";")
    }

    @Test func evidenceCountsInOrder() {
        let deleted = "feat: x\n\n# Conflicts:\n#\tc.txt\n"
        // 1. git's own lines beat the starting text.
        let withSentence = deleted + "\n@ Lines starting with '@' will be ignored\n"
        #expect(CommentChar.auto.resolved(for: withSentence, startingText: "") == "@")
        // 2. the starting text beats the guess from the final text.
        #expect(CommentChar.auto.resolved(for: deleted, startingText: deleted) == ";")
        #expect(CommentChar.auto.resolved(for: deleted + "; note\n", startingText: "") == "#")
        // 3. the guess, when nothing else is known.
        #expect(CommentChar.auto.resolved(for: deleted) == "#")
        #expect(CommentChar.auto.resolved(for: deleted + "; note\n") == ";")
        // A configured character is never second-guessed.
        #expect(CommentChar.character("%").resolved(for: withSentence, startingText: "") == "%")
    }

    @Test func cleanupStripsWhatTheStartingTextDecides() {
        let raw = "feat: x\n\n# Reported by the nightly run\n; kept by the user\n"
        let fromTemplate = CommentChar.character(CommentChar.auto.resolved(for: raw, startingText: "feat: \n\n# Why\n"))
        #expect(cleanMessage(raw, mode: .strip, commentChar: fromTemplate, editorUsed: true) == "feat: x\n\n# Reported by the nightly run\n")
        let plain = CommentChar.character(CommentChar.auto.resolved(for: raw, startingText: ""))
        #expect(cleanMessage(raw, mode: .strip, commentChar: plain, editorUsed: true) == "feat: x\n\n; kept by the user\n")
    }
}
