import ShipshapeGit
import ShipshapeModel
package import ShipshapeMessage

/// `core.commentChar=auto`: which character git picked for the message a hook is given.
extension RepositoryContext {
    /// The comment character git strips from a raw message: `core.commentChar`, and for `auto`
    /// the character git picked for this message as far as the hook can tell.
    ///
    /// For `auto`, in this order:
    /// - the message file is `MERGE_MSG` in the git directory (`git merge` runs the hook with it):
    ///   `#`, since git merge (2.39) does not apply `auto`;
    /// - no editor ran: git wrote no comments, so the file is the text git chose from, and git's
    ///   rule applies to it (`CommentChar.chosenByGit(startingFrom:)`);
    /// - otherwise `CommentChar.resolved(for:startingText:)`: git's own lines, then git's rule on
    ///   the text it started from when the file is the git directory's `COMMIT_EDITMSG` and that
    ///   text can be rebuilt (`commitStartingText()`), then a guess from the final text.
    ///
    /// - Parameters:
    ///   - raw: the message as read.
    ///   - origin: where it was read, relative to the working directory (the path git passed to
    ///     the hook, the file given to `shipshape lint`); any other name matches no file.
    ///   - editorUsed: whether git opened an editor.
    /// - Returns: `.character` with the concrete character.
    /// - Throws: `HookError.git` when the configuration cannot be read.
    package func commentCharacter(forMessage raw: String, origin: String, editorUsed: Bool) throws(HookError) -> CommentChar {
        let setting = try commentCharacter()
        guard case .auto = setting else { return setting }
        if isGitFile(origin, named: "MERGE_MSG") { return .hash }
        if !editorUsed {
            return .character(CommentChar.chosenByGit(startingFrom: raw) ?? CommentChar.guessed(fromFinalText: raw))
        }
        let startingText = isGitFile(origin, named: "COMMIT_EDITMSG") ? commitStartingText() : nil
        return .character(setting.resolved(for: raw, startingText: startingText))
    }

    /// What `git commit` wrote above its comments in `COMMIT_EDITMSG` (and chose the comment
    /// character from), rebuilt from the repository; nil when the hook cannot know it.
    ///
    /// git 2.39 takes, in this order: the text of `-m`/`-F`/`--fixup` (not visible: nil); the
    /// message of the `-c`/`-C` commit, or of HEAD for `--amend`; `SQUASH_MSG` followed by
    /// `MERGE_MSG`; `MERGE_MSG`; `SQUASH_MSG`; the template of `-t` (only an absolute path is
    /// followed) or `commit.template`; else nothing. Whitespace cleanup and a sign-off that git
    /// applies to the text change no line's first character, so they are left out.
    ///
    /// - Returns: the text, or nil when git's command line is unknown or names a hidden text, or
    ///   a file or commit cannot be read.
    func commitStartingText() -> String? {
        guard let repository, let invocation else { return nil }
        let source = invocation.commitMessageSource
        switch source {
        case .unknown, .hidden: return nil
        case let .commit(revision): return commitMessage(revision)
        case .repository, .template: break
        }
        if invocation.isAmending { return commitMessage("HEAD") }
        let merge = readText(FileSystem.join(repository.gitDirectory, "MERGE_MSG"))
        let squash = readText(FileSystem.join(repository.gitDirectory, "SQUASH_MSG"))
        if merge != nil || squash != nil { return (squash ?? "") + (merge ?? "") }
        if case let .template(path) = source { return path.hasPrefix("/") ? readText(path) : nil }
        guard let configured = try? repository.configString("commit.template"), !configured.isEmpty else { return "" }
        guard let path = expandedConfigPath(configured) else { return nil }
        // git reads a relative path from the top of the work tree, where it runs.
        return readText(FileSystem.join(repository.workdir ?? invocation.workingDirectory, path))
    }

    /// Whether a message's origin names the file of that name in this work tree's git directory.
    private func isGitFile(_ origin: String, named name: String) -> Bool {
        guard let repository, let invocation, FileSystem.baseName(origin) == name else { return false }
        let path = FileSystem.join(invocation.workingDirectory, origin)
        return FileSystem.sameFile(path, FileSystem.join(repository.gitDirectory, name))
    }

    /// The message of the commit a revision names, or nil when it cannot be read.
    private func commitMessage(_ revision: String) -> String? {
        guard let repository, let id = try? repository.resolve(revision) else { return nil }
        return try? repository.commit(id).message
    }

    /// A file's text (invalid UTF-8 repaired), or nil when it cannot be read.
    private func readText(_ path: String) -> String? {
        guard let bytes = try? FileSystem.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A path from git's configuration with `~/` expanded as git does; nil for `~user/`.
    private func expandedConfigPath(_ value: String) -> String? {
        guard value.hasPrefix("~") else { return value }
        guard value.hasPrefix("~/"), let home = invocation?.environment["HOME"] else { return nil }
        return FileSystem.join(home, String(value.dropFirst(2)))
    }
}
