package import ShipshapeConfiguration
package import ShipshapeGit
package import ShipshapeMessage

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
