package import ShipshapeConfiguration
package import ShipshapeGit
package import ShipshapeMessage
import ShipshapeModel

/// Where and how a use case was started: the working directory and the environment.
///
/// Use cases never read the process' globals; the executable passes them in, so tests can run a
/// use case for any directory and environment.
package struct Invocation: Sendable {
    /// The directory the command runs in (git runs hooks at the top of the work tree).
    package var workingDirectory: String
    /// The environment variables.
    package var environment: [String: String]
    /// The command line of the process that started this one (for a hook: the `git` command,
    /// e.g. `git commit --amend`), empty when unknown.
    package var parentArguments: [String]

    /// Creates an invocation.
    package init(workingDirectory: String, environment: [String: String], parentArguments: [String] = []) {
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.parentArguments = parentArguments
    }

    /// Whether the hook runs for a commit that replaces HEAD: `git commit --amend` (also the one
    /// an interactive rebase runs for `reword`), told by git's command line or, where it cannot
    /// be read, by the rebase's `GIT_REFLOG_ACTION`.
    package var isAmending: Bool {
        if environment["GIT_REFLOG_ACTION"] == "rebase (reword)" { return true }
        // Options of `git commit` whose value is the next argument (it could read "--amend").
        let takesValue: Set<String> = [
            "-m", "-F", "-C", "-c", "-t", "--message", "--file", "--template", "--reuse-message", "--reedit-message",
            "--author", "--date", "--cleanup", "--fixup", "--squash", "--trailer", "--pathspec-from-file",
        ]
        var skipNext = false
        for argument in parentArguments.dropFirst() {
            if skipNext { skipNext = false; continue }
            if argument == "--" { return false }
            if argument == "--amend" { return true }
            if takesValue.contains(argument) { skipNext = true }
        }
        return false
    }

    /// Where git's command line says `git commit` takes the text it starts the message file with,
    /// read from `parentArguments` (git's own options before the command are skipped, so
    /// `git -c core.commentChar=auto commit -m x` gives `.hidden`).
    ///
    /// `.unknown` when the parent process is not git (a hook manager in between) or its command
    /// line could not be read. Abbreviated long options (`--mess`) are not recognised.
    package var commitMessageSource: CommitMessageSource {
        guard let program = parentArguments.first, FileSystem.baseName(program) == "git" else { return .unknown }
        // git's options that take the next argument as their value.
        let globalWithValue: Set<String> = ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env", "--super-prefix"]
        var arguments = parentArguments.dropFirst()
        while let argument = arguments.first, argument.hasPrefix("-") {
            arguments = arguments.dropFirst()
            if globalWithValue.contains(argument) { arguments = arguments.dropFirst() }
        }
        return CommitMessageSource(commitArguments: arguments.dropFirst())
    }

    /// The directory a command works in: `--repo DIR` made absolute against the working
    /// directory, else the working directory.
    package func directory(repo: String?) -> String {
        repo.map { FileSystem.join(workingDirectory, $0) } ?? workingDirectory
    }
}

/// Where `git commit` takes the text it writes above its comments in the message file, as its
/// command line tells (git 2.39's order: `-m`/`-F`, then `-c`/`-C`, then `--fixup`, then what
/// the repository holds).
package enum CommitMessageSource: Sendable, Hashable {
    /// The command line is not known.
    case unknown
    /// No option gives the text: it is `MERGE_MSG` (after `SQUASH_MSG`), `SQUASH_MSG`, the
    /// template of `commit.template`, HEAD's message for `--amend`, or nothing.
    case repository
    /// `-c REV` / `-C REV` (`--reedit-message`, `--reuse-message`): that commit's message.
    case commit(String)
    /// `-t FILE` (`--template`) as given, relative to the directory git was started in.
    case template(String)
    /// `-m`, `-F` or `--fixup`: text that is not visible to a hook.
    case hidden

    /// Reads the options of `git commit` (the arguments after the command's name).
    ///
    /// - Parameter commitArguments: the arguments of `git commit`, without `git` and `commit`.
    init(commitArguments: ArraySlice<String>) {
        // Options whose value may be the next argument, by long name and by letter.
        let longWithValue: Set<String> = [
            "message", "file", "reedit-message", "reuse-message", "template", "fixup", "squash", "author", "date",
            "cleanup", "trailer", "pathspec-from-file",
        ]
        let shortWithValue: [Character: String] = ["m": "message", "F": "file", "c": "reedit-message", "C": "reuse-message", "t": "template"]
        var options: [(name: String, value: String)] = []
        var rest = commitArguments
        while let argument = rest.popFirst(), argument != "--" {
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                if let equals = body.firstIndex(of: "=") {
                    options.append((name, String(body[body.index(after: equals)...])))
                } else if longWithValue.contains(name) {
                    options.append((name, rest.popFirst() ?? ""))
                }
            } else if argument.hasPrefix("-") {
                // A cluster of letters (`-am msg`): a letter with a value takes the rest, or the next argument.
                var letters = argument.dropFirst()
                while let letter = letters.popFirst() {
                    if let name = shortWithValue[letter] {
                        options.append((name, letters.isEmpty ? rest.popFirst() ?? "" : String(letters)))
                        break
                    }
                    if letter == "u" || letter == "S" { break }  // an optional value, attached
                }
            }
        }
        self = CommitMessageSource(options: options)
    }

    /// The source the options name, in git's order of precedence.
    private init(options: [(name: String, value: String)]) {
        let names = Set(options.map(\.name))
        if !names.isDisjoint(with: ["message", "file", "fixup"]) {
            self = .hidden
        } else if let commit = options.last(where: { $0.name == "reedit-message" || $0.name == "reuse-message" }) {
            self = .commit(commit.value)
        } else if let template = options.last(where: { $0.name == "template" }) {
            self = .template(template.value)
        } else {
            self = .repository
        }
    }
}

/// The repository a use case runs in (if any) and the configuration that applies there.
///
/// Opening a repository costs about 9 ms (libgit2 loads its dependencies and parses the CA
/// bundle), so a context is only made with a repository when a `.git` is actually in reach.
package struct RepositoryContext {
    /// The repository, or nil outside one.
    package let repository: Repository?
    /// `.shipshape.toml` of the work tree root, or the defaults.
    package let configuration: ShipshapeConfiguration
    /// Things the user should know that did not stop the command (e.g. a check that was skipped).
    package var warnings: [String] = []
    /// The invocation the context was loaded for (git's command line and the environment tell
    /// what `git commit` started the message from); nil for a context made without one.
    package var invocation: Invocation? = nil

    /// Finds the repository around a directory and loads its configuration.
    ///
    /// - Parameters:
    ///   - directory: where to start looking (`--repo DIR` or the working directory).
    ///   - invocation: the environment (honours `GIT_DIR`).
    ///   - requireRepository: throw `HookError.notARepository` when there is none.
    /// - Throws: `HookError` for git, configuration and file errors.
    package static func load(
        from directory: String, invocation: Invocation, requireRepository: Bool
    ) throws(HookError) -> RepositoryContext {
        var repository: Repository? = nil
        var warnings: [String] = []
        var root: String? = nil
        if requireRepository || FileSystem.looksLikeInsideRepository(directory, environment: invocation.environment) {
            do {
                repository = try Repository.discover(startingAt: directory)
                root = repository?.workdir
            } catch where !requireRepository && error.kind != .ownership {
                // The message can still be checked without the repository, whatever keeps
                // libgit2 from opening it (a SHA-256 repository, an extension libgit2 1.5 does not
                // know, a configuration file it cannot parse): say what is skipped, and why. A
                // repository of another user stays an error, as in git (`safe.directory`).
                root = FileSystem.repositoryRootGuess(directory)
                warnings.append(
                    "shipshape: warning: branch name and git settings not checked (\(error.message)): \(error.hint ?? "libgit2 cannot open this repository")")
            } catch {
                throw .git(error)
            }
        }
        if requireRepository && repository == nil { throw .notARepository(path: directory) }
        let configuration: ShipshapeConfiguration
        do {
            configuration = try ShipshapeConfiguration.load(repositoryRoot: root)
        } catch {
            throw .configuration(error)
        }
        var context = RepositoryContext(repository: repository, configuration: configuration)
        context.warnings = warnings
        context.invocation = invocation
        return context
    }

    /// The comment character git strips (`core.commentChar`), `#` by default.
    package func commentCharacter() throws(HookError) -> CommentChar {
        guard let repository else { return .character("#") }
        let value: String?
        do { value = try repository.configString("core.commentChar") } catch { throw .git(error) }
        guard let value, !value.isEmpty else { return .character("#") }
        if value == "auto" { return .auto }
        return .character(value.first ?? "#")
    }

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

    /// Whether `i18n.commitEncoding` names a single-byte Latin encoding (ISO-8859-1 and kin), in
    /// which git stores the message bytes as written; false when unset, UTF-8 or unreadable.
    package func commitEncodingIsLatin1() -> Bool {
        guard let repository, let value = try? repository.configString("i18n.commitEncoding") else { return false }
        let name = value.lowercased().filter { $0 != "-" && $0 != "_" }
        return ["iso88591", "latin1", "l1", "iso885915", "cp1252", "windows1252"].contains(name)
    }

    /// The cleanup mode from `commit.cleanup`, `default` when unset.
    package func cleanupMode() throws(HookError) -> CleanupMode {
        guard let repository else { return .default }
        let value: String?
        do { value = try repository.configString("commit.cleanup") } catch { throw .git(error) }
        guard let value else { return .default }
        guard let mode = CleanupMode(gitValue: value) else {
            throw .usage("commit.cleanup has the invalid value \"\(value)\"; use strip, whitespace, verbatim, scissors or default (git config commit.cleanup strip)")
        }
        return mode
    }
}
