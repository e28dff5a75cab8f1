import Testing

@testable import ShipshapeMessage

private let scissors = "# ------------------------ >8 ------------------------"

/// What `git commit -v` appends: the scissors line, git's two comment lines, the diff.
private let verboseTail = """
    \(scissors)
    # Do not modify or remove the line above.
    # Everything below it will be ignored.
    diff --git a/f b/f
    @@ -1 +1 @@
    -old
    +new

    """

@Suite("git message cleanup")
struct CleanupTests {
    @Test func whitespaceModeMatchesStripspace() {
        let raw = "\n\n  feat: x  \t\n\n\n\nbody line   \n  indented\n\n\n"
        #expect(cleanMessage(raw, mode: .whitespace, commentChar: .hash, editorUsed: false) == "  feat: x\n\nbody line\n  indented\n")
        #expect(cleanMessage("", mode: .whitespace, commentChar: .hash, editorUsed: false) == "")
        #expect(cleanMessage(" \n\t\n", mode: .whitespace, commentChar: .hash, editorUsed: false) == "")
        #expect(cleanMessage("no newline", mode: .whitespace, commentChar: .hash, editorUsed: false) == "no newline\n")
    }

    @Test func whitespaceKeepsComments() {
        #expect(cleanMessage("fix: x\n# note\n", mode: .whitespace, commentChar: .hash, editorUsed: true) == "fix: x\n# note\n")
    }

    @Test func stripDropsCommentsAndCutsAtScissors() {
        let raw = "fix: x\n# comment\n\n#\nbody\n \t# not a comment\n\(scissors)\ndiff --git a b\n+long\n"
        #expect(cleanMessage(raw, mode: .strip, commentChar: .hash, editorUsed: false) == "fix: x\n\nbody\n \t# not a comment\n")
        #expect(cleanMessage("# only\n#\n", mode: .strip, commentChar: .hash, editorUsed: true) == "")
    }

    @Test func defaultModeDependsOnTheEditor() {
        let raw = "fix: x\n# comment\n"
        #expect(cleanMessage(raw, mode: .default, commentChar: .hash, editorUsed: true) == "fix: x\n")
        #expect(cleanMessage(raw, mode: .default, commentChar: .hash, editorUsed: false) == "fix: x\n# comment\n")
        let cut = "fix: x\n\(scissors)\nFEAT: NOT A HEADER.\n"
        #expect(cleanMessage(cut, mode: .default, commentChar: .hash, editorUsed: true) == "fix: x\n")
        #expect(cleanMessage(cut, mode: .default, commentChar: .hash, editorUsed: false) == cut)
    }

    @Test func scissorsModeKeepsCommentsAndCuts() {
        let raw = "fix: x\n# kept\n\(scissors)\ndiff\n"
        #expect(cleanMessage(raw, mode: .scissors, commentChar: .hash, editorUsed: true) == "fix: x\n# kept\n")
        #expect(cleanMessage(raw, mode: .scissors, commentChar: .hash, editorUsed: false) == raw)
        #expect(cleanMessage("\(scissors)\ndiff\n", mode: .scissors, commentChar: .hash, editorUsed: true) == "")
    }

    @Test func scissorsLineMustBeExact() {
        let nearMiss = "fix: x\n\(scissors) \ndiff\n"
        #expect(cleanMessage(nearMiss, mode: .default, commentChar: .hash, editorUsed: true) == "fix: x\ndiff\n")
        let unterminated = "fix: x\n\(scissors)"
        #expect(cleanMessage(unterminated, mode: .scissors, commentChar: .hash, editorUsed: true) == "fix: x\n\(scissors)\n")
        let other = "fix: x\n; ------------------------ >8 ------------------------\ndiff\n"
        #expect(cleanMessage(other, mode: .strip, commentChar: .character(";"), editorUsed: true) == "fix: x\n")
    }

    @Test func scissorsFromVerboseAreCutInEveryMode() {
        // git cuts at the scissors line whenever -v was given, whatever commit.cleanup says.
        let raw = "fix: x \n\n# kept comment\n" + verboseTail
        #expect(cleanMessage(raw, mode: .whitespace, commentChar: .hash, editorUsed: true) == "fix: x\n\n# kept comment\n")
        #expect(cleanMessage(raw, mode: .verbatim, commentChar: .hash, editorUsed: true) == "fix: x \n\n# kept comment\n")
        #expect(cleanMessage(raw, mode: .default, commentChar: .hash, editorUsed: false) == "fix: x\n\n# kept comment\n")
        #expect(cleanMessage(raw, mode: .scissors, commentChar: .hash, editorUsed: false) == "fix: x\n\n# kept comment\n")
        #expect(cleanMessage(raw, mode: .strip, commentChar: .hash, editorUsed: false) == "fix: x\n")
        let semicolon = "fix: x\n; ------------------------ >8 ------------------------\n; Do not modify\ndiff\n"
        #expect(cleanMessage(semicolon, mode: .verbatim, commentChar: .character(";"), editorUsed: false) == "fix: x\n")
        // Without git's comment line after it, a scissors line the user wrote is text in these modes.
        let written = "fix: x\n\(scissors)\nmore text\n"
        #expect(cleanMessage(written, mode: .whitespace, commentChar: .hash, editorUsed: true) == written)
        #expect(cleanMessage(written, mode: .verbatim, commentChar: .hash, editorUsed: true) == written)
        #expect(cleanMessage("fix: x\n\(scissors)\n", mode: .whitespace, commentChar: .hash, editorUsed: true) == "fix: x\n\(scissors)\n")
    }

    @Test func autoCommentCharacterPrefersTheScissorsLine() {
        let raw = "feat: x\n; a line of the user's\n# Please enter the commit message for your changes.\n#\n" + verboseTail
        #expect(CommentChar.auto.resolved(for: raw) == "#")
        #expect(cleanMessage(raw, mode: .strip, commentChar: .auto, editorUsed: true) == "feat: x\n; a line of the user's\n")
        let semicolon = "feat: x\n# heading\n; Please enter\n; ------------------------ >8 ------------------------\n; Do not\n@@ -1 +1 @@\n"
        #expect(CommentChar.auto.resolved(for: semicolon) == ";")
        #expect(cleanMessage(semicolon, mode: .strip, commentChar: .auto, editorUsed: true) == "feat: x\n# heading\n")
    }

    @Test func cleanedLinesMapToRawLines() {
        let header = cleanMessageMapped("# c\n\n\nFeat: x\n", mode: .strip, commentChar: .hash, editorUsed: true)
        #expect(header.text == "Feat: x\n")
        #expect(header.rawLine(forCleanedLine: 1) == 4)

        let raw = "\n  feat: x  \n\n\n\nbody\n# c\n\nmore\r\n" + verboseTail
        let cleaned = cleanMessageMapped(raw, mode: .strip, commentChar: .hash, editorUsed: true)
        #expect(cleaned.text == "  feat: x\n\nbody\n\nmore\n")
        #expect(cleaned.text == cleanMessage(raw, mode: .strip, commentChar: .hash, editorUsed: true))
        #expect((1...5).map(cleaned.rawLine(forCleanedLine:)) == [2, 3, 6, 8, 9])
        #expect(cleaned.lineCount == 5)

        let kept = cleanMessageMapped("fix: x\n\n\n# note\n", mode: .whitespace, commentChar: .hash, editorUsed: true)
        #expect(kept.text == "fix: x\n\n# note\n")
        #expect((1...3).map(kept.rawLine(forCleanedLine:)) == [1, 2, 4])

        let verbatim = cleanMessageMapped("\n fix: x \n\n", mode: .verbatim, commentChar: .hash, editorUsed: true)
        #expect(verbatim.text == "\n fix: x \n\n")
        #expect((1...3).map(verbatim.rawLine(forCleanedLine:)) == [1, 2, 3])

        // Lines past the end (a span just after the text) continue from the last mapped line.
        #expect(header.rawLine(forCleanedLine: 2) == 5)
        #expect(cleanMessageMapped("", mode: .strip, commentChar: .hash, editorUsed: true).rawLine(forCleanedLine: 1) == 1)
    }

    @Test func verbatimLeavesEverything() {
        let raw = "\n fix: x \r\n# c\n\n\n"
        #expect(cleanMessage(raw, mode: .verbatim, commentChar: .hash, editorUsed: true) == raw)
    }

    @Test func crlfLinesEnd() {
        let raw = "fix(io): flush\r\n\r\n\r\nbody \r\n# comment\r\n\(scissors)\r\ndiff\r\n"
        #expect(cleanMessage(raw, mode: .strip, commentChar: .hash, editorUsed: true) == "fix(io): flush\n\nbody\n")
    }

    @Test func customCommentCharacter() {
        let raw = "fix: x\n# heading kept\n; comment\n"
        #expect(cleanMessage(raw, mode: .strip, commentChar: .character(";"), editorUsed: true) == "fix: x\n# heading kept\n")
        #expect(cleanMessage("fix: x\n§ note\n", mode: .strip, commentChar: .character("§"), editorUsed: true) == "fix: x\n")
    }

    @Test func autoCommentCharacter() {
        #expect(CommentChar.auto.resolved(for: "fix: x\n# Please enter\n") == "#")
        #expect(CommentChar.auto.resolved(for: "fix: x\n# heading\n; Please enter\n;\n") == ";")
        #expect(CommentChar.auto.resolved(for: "fix: x\n") == "#")
        let raw = "fix: x\n\n# Heading from the user\n; Please enter the commit message\n"
        #expect(cleanMessage(raw, mode: .strip, commentChar: .auto, editorUsed: true) == "fix: x\n\n# Heading from the user\n")
    }

    @Test func parsesGitSettings() {
        #expect(CleanupMode(gitValue: "scissors") == .scissors)
        #expect(CleanupMode(gitValue: "default") == .default)
        #expect(CleanupMode(gitValue: "Strip") == nil)
        #expect(CommentChar(gitValue: "auto") == .auto)
        #expect(CommentChar(gitValue: ";") == .character(";"))
        #expect(CommentChar(gitValue: "") == nil)
        #expect(CommentChar(gitValue: "//") == nil)
    }
}
