// `shipshape`: everything a person runs by hand. Each subcommand parses its arguments, calls one
// use case and maps the outcome to an exit status: 0 ok, 1 policy violation, 2 usage,
// configuration or environment error.
import ArgumentParser
import ShipshapeDiagnostics
import ShipshapeCommandLine
import ShipshapeFrontEnd
import ShipshapeHooks

struct Shipshape: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipshape",
        abstract: "Git hooks that make a release process enforce itself.",
        discussion: """
            Exit status: 0 ok, 1 policy violation (an error-level finding), 2 usage, \
            configuration or environment error.
            """,
        version: shipshapeVersion,
        subcommands: [
            Lint.self, Check.self, Verify.self, Install.self, Uninstall.self, Doctor.self, Rules.self, Changelog.self,
            Release.self, Hotfix.self, Bump.self, Version.self,
        ])
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check commit messages against the Conventional Commits rules.",
        discussion: """
            Give one message (--message, --message-file, or - for standard input) or a range of \
            commits (--from REV [--to REV]). A message file is cleaned the way git cleans an \
            edited message (comment lines and the scissors diff removed) before it is checked; a \
            message given as text or on standard input is cleaned like `git commit -m` (lines \
            starting with # are kept); commits in a range are checked as stored. Configuration comes from .shipshape.toml at the \
            top of the repository, when there is one.

            Examples:
              shipshape lint --message "feat(api): add cursor pagination"
              shipshape lint --message-file .git/COMMIT_EDITMSG
              git log -1 --format=%B | shipshape lint -
              shipshape lint --from origin/main --to HEAD --format github
            """)

    @Option(name: .long, help: ArgumentHelp("Read the message from a file ('-' for standard input).", valueName: "file"))
    var messageFile: String?

    @Option(name: .long, help: ArgumentHelp("The message text itself.", valueName: "text"))
    var message: String?

    @Argument(help: ArgumentHelp("'-' to read the message from standard input.", valueName: "-"))
    var stdinMarker: String?

    @Option(name: .long, help: ArgumentHelp("Check the commits after this revision (exclusive).", valueName: "rev"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Check the commits up to this revision (inclusive; default HEAD).", valueName: "rev"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Repository whose configuration and commits to use (default: the current directory).", valueName: "dir"))
    var repo: String?

    @Option(name: .long, help: "Output format: text, json or github.")
    var format: OutputFormat = .text

    @Flag(name: .shortAndLong, help: "Also say which messages were skipped and why.")
    var verbose = false

    /// The request these options describe.
    var request: LintRequest {
        LintRequest(
            messageFile: messageFile, message: message, standardInput: stdinMarker == "-" || messageFile == "-",
            from: from, to: to, repo: repo, format: format, verbose: verbose)
    }

    func validate() throws {
        if let stdinMarker, stdinMarker != "-" {
            throw ValidationError("unexpected argument \"\(stdinMarker)\"; use --message-file \(stdinMarker) to read a file")
        }
        if let problem = request.problem { throw ValidationError(problem) }
    }

    func run() throws {
        if try request.run(Console.invocation()) != .ok { throw ExitCode.failure }
    }
}

struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A directory inside the repository (default: the current directory).", valueName: "dir"))
    var repo: String?

    func directory(_ invocation: Invocation) -> String {
        invocation.directory(repo: repo)
    }
}

extension RepositoryOptions {
    /// Installs or removes the hooks of the chosen repository (or of git's template directory)
    /// and says what was done.
    func runInstaller(remove: Bool, template: Bool = false, ifMissing: MissingProgramPolicy = .refuse) throws {
        let invocation = Console.invocation()
        if template && repo != nil { throw ValidationError("--template installs into git's template directory, not a repository: drop --repo") }
        let actions = template
            ? try TemplateInstallUseCase.run(programDirectory: try programDirectory(), remove: remove, ifMissing: ifMissing, invocation: invocation)
            : try InstallUseCase.run(
                repository: directory(invocation), programDirectory: try programDirectory(), remove: remove, ifMissing: ifMissing,
                invocation: invocation)
        for action in actions { Console.out(action.description + "\n") }
    }
}

/// The directory holding `shipshape` and the hook programs.
func programDirectory() throws -> String {
    guard let path = FileSystem.executablePath() else {
        throw HookError.usage("cannot tell where the shipshape program is (the system did not say)")
    }
    return FileSystem.directoryName(path)
}

struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Install Shipshape's hooks into a repository.",
        discussion: """
            Writes small shell shims into the repository's hooks directory (core.hooksPath when \
            set, else the hooks directory shared by all worktrees). A hook that is already there \
            and is not Shipshape's is kept beside it as <hook>.shipshape-chained and still runs \
            first. Running install again is harmless.

            A shim runs the hook program it finds on PATH, else the one this install recorded, so \
            a committed hooks directory (core.hooksPath=.githooks) works in every clone. When the \
            program is in neither place the shim refuses (exit 2) or, with --if-missing allow, \
            warns and lets git go on; anyone can override that with git config \
            shipshape.ifMissing allow|refuse or SHIPSHAPE_IF_MISSING.

            --template installs into git's template directory (init.templateDir, set to \
            ~/.git-template when unset), so every later git init and git clone gets the hooks.

            With --server, installs the pre-receive hook instead, into a repository that \
            receives pushes (bare or not): shipshape install --server --repo /srv/git/app.git
            """)

    @OptionGroup var options: RepositoryOptions

    @Flag(name: .long, help: "Install into git's template directory (init.templateDir) instead of a repository.")
    var template = false

    @Option(name: .long, help: ArgumentHelp("What the hooks do when the programs are missing: refuse or allow.", valueName: "policy"))
    var ifMissing: MissingProgramPolicy = .refuse

    @Flag(name: .long, help: "Install the server-side pre-receive hook (for a repository that receives pushes).")
    var server = false

    func validate() throws {
        if server && template { throw ValidationError("give --server or --template, not both") }
    }

    func run() throws {
        if server {
            try options.runServerInstaller(remove: false)
        } else {
            try options.runInstaller(remove: false, template: template, ifMissing: ifMissing)
        }
    }
}

extension MissingProgramPolicy: ExpressibleByArgument {}

struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove Shipshape's hooks from a repository, restoring the hooks they replaced.")

    @OptionGroup var options: RepositoryOptions

    @Flag(name: .long, help: "Remove them from git's template directory (init.templateDir) instead.")
    var template = false

    @Flag(name: .long, help: "Remove the server-side pre-receive hook.")
    var server = false

    func run() throws { try server ? options.runServerInstaller(remove: true) : options.runInstaller(remove: true, template: template) }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every rule id with its default, the setting in effect and examples.",
        discussion: """
            Lists the commit-message rules (commitlint's names, and message-bytes), branch-name, \
            and the pre-push checks. The settings in effect are those of the repository's \
            .shipshape.toml, whose path is printed; without one, the defaults.
            """)

    @Option(name: .long, help: ArgumentHelp("A directory inside the repository (default: the current directory).", valueName: "dir"))
    var repo: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        // The listing judges nothing, so there is nothing to annotate.
        try format.validate([.text, .json], command: "shipshape rules")
    }

    func run() throws {
        let invocation = Console.invocation()
        let document = try RulesListing.run(directory: invocation.directory(repo: repo), invocation: invocation, requireRepository: repo != nil)
        Output(format: format, environment: invocation.environment).emit(document)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the version files at a commit with pre-push's verdict: agreement, validity, branch, monotonic, bump level.",
        discussion: """
            Runs the version checks of the pre-push hook on one commit (default HEAD) without \
            pushing: all version files (VERSION, package.json, pyproject.toml, Cargo.toml, ...) \
            hold the same valid SemVer version; a release/vX.Y.Z or hotfix/vX.Y.Z branch holds \
            its version; and when the commit changes the version, it goes up from the previous \
            release without skipping and is bumped as far as the commits in no release yet \
            demand (a breaking change major, a feat minor). Files are read as committed, not \
            from the work tree.

            Examples:
              shipshape check
              shipshape check --rev v1.2.0 --format json
              shipshape check --format github        # workflow annotations in CI
            """)

    @Option(name: .long, help: ArgumentHelp("The commit to check (default HEAD).", valueName: "rev"))
    var rev: String = "HEAD"

    @Option(name: .long, help: ArgumentHelp("A directory inside the repository (default: the current directory).", valueName: "dir"))
    var repo: String?

    @Option(name: .long, help: "Output format: text, json or github.")
    var format: OutputFormat = .text

    func run() throws {
        let invocation = Console.invocation()
        let directory = invocation.directory(repo: repo)
        let outcome = try CheckUseCase.run(revision: rev, directory: directory, invocation: invocation)
        Output(format: format, environment: invocation.environment).emit(outcome.document)
        if !outcome.ok { throw ExitCode.failure }
    }
}

struct Changelog: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep CHANGELOG.md's Unreleased section up to date.", subcommands: [ChangelogSyncCommand.self])
}

struct ChangelogSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring the Unreleased section up to date with the commits since the last release (same as changelog-sync).",
        discussion: "Exit status: 0 done, 1 out of date (--check), 2 usage or environment error.")

    @OptionGroup var options: ChangelogSyncOptions

    func run() throws { try options.run() }
}
