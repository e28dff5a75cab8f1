import Foundation
import Testing
import ShipshapeTestSupport

/// `core.commentChar=auto` with real git: the hook must strip the lines git strips, also when the
/// editor deleted the comment block in which git named its character.
///
/// Each test lets git pick the character, has an editor script delete git's comment lines (or
/// keep them) and then compares the hook's verdict with what git records: a message that is
/// valid only when git keeps (or strips) the `#` lines.
@Suite struct CommentCharAutoEndToEndTests {
    let bin = productsDirectory()

    /// `.shipshape.toml` that makes an empty body an error, so that stripping the `#` lines of a
    /// message whose body is only `#` lines changes the verdict.
    static let bodyRequired = "[commit.rules]\nbody-empty = { level = \"error\", when = \"never\" }\n"

    /// A repository on `main` with `core.commentChar=auto`, one commit and the hooks installed.
    func autoSandbox(configuration: String? = nil) throws -> GitSandbox {
        let sandbox = try GitSandbox(initialBranch: "main")
        if let configuration { try sandbox.commit(file: ".shipshape.toml", contents: configuration, message: "chore: start") }
        else { try sandbox.commit(message: "chore: start") }
        try sandbox.gitOK("config", "core.commentChar", "auto")
        let install = try sandbox.run(bin + "/shipshape", ["install"])
        #expect(install.status == 0, "install failed: \(install)")
        return sandbox
    }

    /// An editor command (for `GIT_EDITOR`) that copies what git wrote to `seen.txt` in the
    /// sandbox's temporary directory, deletes the lines starting with `drop` (git's comment
    /// block), replaces the first line by `header` and appends `appending`.
    func editor(_ sandbox: GitSandbox, dropping drop: String?, header: String? = nil, appending: String? = nil) throws -> String {
        let script = sandbox.temporaryDirectory + "/editor.sh"
        var body = "cp \"$1\" \(shellQuote(seenPath(sandbox)))\n"
        body += "DROP=\(shellQuote(drop ?? "")) HEADER=\(shellQuote(header ?? "")) awk '"
        body += #"ENVIRON["DROP"] != "" && index($0, ENVIRON["DROP"]) == 1 { next } "#
        body += #"NR == 1 && ENVIRON["HEADER"] != "" { print ENVIRON["HEADER"]; next } { print }"#
        body += "' \"$1\" > \"$1.new\"\n"
        if let appending { body += "printf '%s\\n' \(shellQuote(appending)) >> \"$1.new\"\n" }
        body += "mv \"$1.new\" \"$1\"\n"
        try body.write(toFile: script, atomically: true, encoding: .utf8)
        return "sh " + shellQuote(script)
    }

    func seenPath(_ sandbox: GitSandbox) -> String { sandbox.temporaryDirectory + "/seen.txt" }

    func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// The message git recorded for HEAD, exactly (`git log -1 --format=%B` adds a line end).
    func recorded(_ sandbox: GitSandbox) throws -> String {
        let object = try sandbox.gitOK("cat-file", "commit", "HEAD").stdout
        guard let headersEnd = object.range(of: "\n\n") else { return "" }
        return String(object[headersEnd.upperBound...])
    }

    /// A body line longer than `body-max-line-length` allows (100).
    static let longLine = String(repeating: "long ", count: 25) + "line"

    /// Two branches that change `c.txt` differently, `main` checked out.
    func conflictingBranches(_ sandbox: GitSandbox) throws {
        try sandbox.gitOK("checkout", "-q", "-b", "feature/parser")
        try sandbox.commit(file: "c.txt", contents: "parser\n", message: "feat: parser")
        try sandbox.gitOK("checkout", "-q", "main")
        try sandbox.commit(file: "c.txt", contents: "main\n", message: "feat: main")
    }

    @Test func mergeWhoseMessageListsConflictsKeepsTheHashLines() throws {
        // MERGE_MSG lists the conflicts in '#' lines, so git comments with ';' and keeps them.
        let sandbox = try autoSandbox(configuration: Self.bodyRequired)
        try conflictingBranches(sandbox)
        #expect(try sandbox.git("merge", "feature/parser").status != 0)
        #expect(try sandbox.read(".git/MERGE_MSG").contains("# Conflicts:\n#\tc.txt\n"))
        try sandbox.write("c.txt", "both\n")
        try sandbox.gitOK("add", "c.txt")
        sandbox.env["GIT_EDITOR"] = try editor(sandbox, dropping: ";", header: "feat: merge the parser")
        let result = try sandbox.git("commit")
        #expect(try sandbox.read(seenPath(sandbox)).contains("; with ';' will be ignored"))
        #expect(result.status == 0, "\(result)")
        #expect(try recorded(sandbox) == "feat: merge the parser\n\n# Conflicts:\n#\tc.txt\n")
    }

    @Test func squashMergeWithConflictsKeepsTheHashLines() throws {
        // git starts from SQUASH_MSG followed by MERGE_MSG (whose conflict list has '#' lines).
        let sandbox = try autoSandbox()
        try conflictingBranches(sandbox)
        #expect(try sandbox.git("merge", "--squash", "feature/parser").status != 0)
        try sandbox.write("c.txt", "both\n")
        try sandbox.gitOK("add", "c.txt")
        let longComment = "# " + Self.longLine
        sandbox.env["GIT_EDITOR"] = try editor(sandbox, dropping: ";", header: "feat: squash the parser", appending: longComment)
        let refused = try sandbox.git("commit")
        #expect(try sandbox.read(seenPath(sandbox)).contains("; with ';' will be ignored"))
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("-max-line-length]"))
        // git itself keeps the '#' lines, the long one too: the refusal was right.
        #expect(try sandbox.git("commit", "--no-verify").status == 0)
        let message = try recorded(sandbox)
        #expect(message.hasPrefix("feat: squash the parser\n"))
        #expect(message.contains("\n# Conflicts:\n#\tc.txt\n"))
        #expect(message.contains("\n" + longComment + "\n"))
    }

    @Test func amendOfAMessageWithHashLinesKeepsThem() throws {
        let sandbox = try autoSandbox(configuration: Self.bodyRequired)
        try sandbox.commit(file: "d.txt", contents: "d\n", message: "feat: parse dates\n\n# Reported by the nightly run\n")
        sandbox.env["GIT_EDITOR"] = try editor(sandbox, dropping: ";", header: "feat: parse dates and times")
        let result = try sandbox.git("commit", "--amend")
        #expect(try sandbox.read(seenPath(sandbox)).contains("; with ';' will be ignored"))
        #expect(result.status == 0, "\(result)")
        #expect(try recorded(sandbox) == "feat: parse dates and times\n\n# Reported by the nightly run\n")
    }

    @Test func templateWithHashLinesKeepsThem() throws {
        let sandbox = try autoSandbox(configuration: Self.bodyRequired)
        let template = sandbox.temporaryDirectory + "/template.txt"
        try "feat: describe the change\n\n# Why it is needed\n".write(toFile: template, atomically: true, encoding: .utf8)
        try sandbox.gitOK("config", "commit.template", template)
        sandbox.env["GIT_EDITOR"] = try editor(sandbox, dropping: ";", header: "feat: add the export")
        let result = try sandbox.git("commit", "--allow-empty")
        #expect(try sandbox.read(seenPath(sandbox)).contains("; with ';' will be ignored"))
        #expect(result.status == 0, "\(result)")
        #expect(try recorded(sandbox) == "feat: add the export\n\n# Why it is needed\n")
    }

    @Test func linesOfTheUserDoNotMoveThePickOfAPlainCommit() throws {
        // Nothing came before git's comments, so git picked '#' whatever the user then typed.
        let sandbox = try autoSandbox()
        let longComment = "# " + Self.longLine
        sandbox.env["GIT_EDITOR"] = try editor(
            sandbox, dropping: "#", header: "feat: add the export", appending: "\n; kept by git\n" + longComment)
        let result = try sandbox.git("commit", "--allow-empty")
        #expect(try sandbox.read(seenPath(sandbox)).contains("# with '#' will be ignored"))
        #expect(result.status == 0, "\(result)")
        #expect(try recorded(sandbox) == "feat: add the export\n\n; kept by git\n")
    }

    @Test func gitMergeCommentsWithHashWhateverItsMessageHolds() throws {
        // git merge (2.39) ignores auto: its own editor comments and strips with '#'.
        let sandbox = try autoSandbox()
        try sandbox.gitOK("checkout", "-q", "-b", "feature/export")
        try sandbox.commit(file: "e.txt", contents: "e\n", message: "feat: export")
        try sandbox.gitOK("checkout", "-q", "main")
        let longComment = "# " + Self.longLine
        sandbox.env["GIT_EDITOR"] = try editor(
            sandbox, dropping: "#", header: "feat: merge the export", appending: "\n; kept by git\n" + longComment)
        let result = try sandbox.git("merge", "--no-ff", "-e", "feature/export")
        #expect(try sandbox.read(seenPath(sandbox)).contains("# Lines starting with '#' will be ignored"))
        #expect(result.status == 0, "\(result)")
        #expect(try recorded(sandbox) == "feat: merge the export\n\n; kept by git\n")
    }

    @Test func gitsOwnSentenceNamesTheCharacterWhenTheBufferIsHidden() throws {
        // `-m ... -e`: the hook cannot see what git started from, but git's comment block says ';'.
        // A later line of the user's starting with '@' must not make '@' look like git's pick.
        let sandbox = try autoSandbox()
        let longMention = "@reviewers " + Self.longLine
        sandbox.env["GIT_EDITOR"] = try editor(sandbox, dropping: nil, appending: longMention)
        let refused = try sandbox.git("commit", "--allow-empty", "-m", "feat: add the export", "-m", "#12 was the report", "-e")
        #expect(try sandbox.read(seenPath(sandbox)).contains("; with ';' will be ignored"))
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("-max-line-length]"))
        // git itself keeps the '@' line: the refusal was right.
        let forced = try sandbox.git(
            "commit", "--allow-empty", "--no-verify", "-m", "feat: add the export", "-m", "#12 was the report", "-e")
        #expect(forced.status == 0, "\(forced)")
        #expect(try recorded(sandbox) == "feat: add the export\n\n#12 was the report\n\n" + longMention + "\n")
    }

    @Test func stripCleanupWithoutAnEditorJudgesTheMessageGitChoseFrom() throws {
        // Without an editor the message file is the text git chose from: it has a '#' line, so
        // git comments with ';' and keeps the '#' line.
        let sandbox = try autoSandbox(configuration: Self.bodyRequired)
        try sandbox.gitOK("config", "commit.cleanup", "strip")
        let result = try sandbox.git("commit", "--allow-empty", "-m", "feat: add the export", "-m", "# Reported by the nightly run")
        #expect(result.status == 0, "\(result)")
        #expect(try recorded(sandbox) == "feat: add the export\n\n# Reported by the nightly run\n")
    }
}
