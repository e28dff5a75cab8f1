// `shipshape release`, `hotfix`, `bump` and `version`: the release process performed, in a way
// its own hooks accept. Exit status: 0 done, 1 refused by the process (nothing changed, or the
// resumable point the message names), 2 usage or environment error.
import ArgumentParser
import ShipshapeCommandLine
import ShipshapeDiagnostics
import ShipshapeFrontEnd
import ShipshapeHooks
import ShipshapeVersioning

/// The version argument: auto, major, minor, patch or X.Y.Z.
struct VersionArgument: ExpressibleByArgument {
    let request: VersionRequest
    init?(argument: String) {
        guard let request = VersionRequest(argument: argument) else { return nil }
        self.request = request
    }
}

/// Options every bump shares.
struct BumpOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("auto (from the commits since the previous release), major, minor, patch or a version.", valueName: "version"))
    var version: VersionArgument?

    @Option(name: .long, help: ArgumentHelp("Make a pre-release with this label: rc gives X.Y.Z-rc.1, then rc.2.", valueName: "label"))
    var pre: String?

    @Flag(name: .long, help: "Show the version chosen and why, each file's diff and each git step; change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Set every version file even when they disagree now.")
    var forceVersionFiles = false

    @Option(name: .long, help: ArgumentHelp("The release date in the changelog heading (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("A directory inside the repository (default: the current directory).", valueName: "dir"))
    var repo: String?

    func validate() throws {
        if let pre, pre.isEmpty || !pre.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) || pre.allSatisfy(\.isNumber) {
            throw ValidationError("--pre takes a label of letters, digits and hyphens, such as rc, beta or alpha")
        }
        if let date, date.count != 10 || date.split(separator: "-").count != 3 {
            throw ValidationError("--date takes YYYY-MM-DD, e.g. 2026-12-02")
        }
    }

    func request(_ kind: ReleaseKind) -> BumpRequest {
        var request = BumpRequest(kind: kind, version: version?.request, preLabel: pre)
        request.dryRun = dryRun
        request.forceVersionFiles = forceVersionFiles
        request.date = date
        return request
    }
}

/// Prints an outcome's lines.
func report(_ outcome: ReleaseOutcome) {
    Console.out(outcome.lines.joined(separator: "\n") + "\n")
}

struct Release: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Perform a release: start a release branch, finish it into main and develop, print its notes.",
        subcommands: [ReleaseStartCommand.self, ReleaseFinishCommand.self, ReleaseNotes.self])
}

struct Hotfix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Perform a hotfix: a hotfix branch from main with the patch bump, finished into main and develop.",
        subcommands: [HotfixStartCommand.self, HotfixFinishCommand.self])
}

struct ReleaseStartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Cut release/vX.Y.Z from develop with every version file bumped and the changelog rolled, in one commit.",
        discussion: """
            On the integration branch ([release] base, default develop). The version is the one \
            the commits since the previous release call for (breaking → major, minor while 0.x; \
            feat → minor; else patch) unless given. On an existing release branch it bumps in \
            place: the next pre-release, or the final version after -rc.N.

            Examples:
              shipshape release start
              shipshape release start minor --dry-run
              shipshape release start --pre rc
            """)
    @OptionGroup var options: BumpOptions

    func run() throws {
        let invocation = Console.invocation()
        report(try ReleaseStart.run(options.request(.release), directory: invocation.directory(repo: options.repo), invocation: invocation))
    }
}

struct HotfixStartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Cut hotfix/vX.Y.Z from main with the patch bump and an empty changelog section, in one commit.")
    @OptionGroup var options: BumpOptions

    func run() throws {
        let invocation = Console.invocation()
        report(try ReleaseStart.run(options.request(.hotfix), directory: invocation.directory(repo: options.repo), invocation: invocation))
    }
}

/// Options of the finish commands.
struct FinishOptions: ParsableArguments {
    @Flag(name: .long, help: "Also push main, develop and the tag, and delete the remote branch.")
    var push = false

    @Flag(name: .long, help: "Show each step; change nothing.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("A directory inside the repository (default: the current directory).", valueName: "dir"))
    var repo: String?

    func run(_ kind: ReleaseKind) throws {
        let invocation = Console.invocation()
        var request = FinishRequest(kind: kind)
        request.push = push
        request.dryRun = dryRun
        let directory = invocation.directory(repo: repo)
        report(try ReleaseFinish.run(request, directory: directory, invocation: invocation))
    }
}

struct ReleaseFinishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finish",
        abstract: "Finish release/vX.Y.Z: its fixes into the changelog section, merged into main, tagged, merged back into develop.",
        discussion: """
            Run it on the release branch. A step that fails is undone; past the tag, main and the \
            tag stay and running the command again continues. Ends on develop.
            """)
    @OptionGroup var options: FinishOptions
    func run() throws { try options.run(.release) }
}

struct HotfixFinishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finish", abstract: "Finish hotfix/vX.Y.Z: into main with its tag, then into develop.")
    @OptionGroup var options: FinishOptions
    func run() throws { try options.run(.hotfix) }
}

struct ReleaseNotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Print a version's changelog section (default: the latest release).",
        discussion: "Example: shipshape release notes 1.2.0 | gh release create v1.2.0 --notes-file -")

    @Argument(help: ArgumentHelp("The version (default: the latest release section).", valueName: "version"))
    var version: String?

    @Option(name: .long, help: ArgumentHelp("A directory inside the repository (default: the current directory).", valueName: "dir"))
    var repo: String?

    func run() throws {
        let invocation = Console.invocation()
        let directory = invocation.directory(repo: repo)
        Console.out(try ReleaseInfo.notes(version: version, directory: directory, invocation: invocation))
    }
}

struct Bump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bump every version file and roll the changelog on the current branch (for teams that release from one branch).",
        discussion: """
            Examples:
              shipshape bump --dry-run
              shipshape bump minor --commit --tag
            """)
    @OptionGroup var options: BumpOptions

    @Flag(name: .long, help: "Commit the bump.")
    var commit = false

    @Flag(name: .long, help: "Tag the bump commit (needs --commit).")
    var tag = false

    func validate() throws {
        if tag && !commit { throw ValidationError("--tag needs --commit: the tag goes on the bump commit") }
    }

    func run() throws {
        let invocation = Console.invocation()
        var request = options.request(.bump)
        request.commit = commit
        request.tag = tag
        report(try ReleaseStart.run(request, directory: invocation.directory(repo: options.repo), invocation: invocation))
    }
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the version the files agree on; with --next, the one `release start` would choose, and why.")

    @Flag(name: .long, help: "Also print the next version and the commit that decides it.")
    var next = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("A directory inside the repository (default: the current directory).", valueName: "dir"))
    var repo: String?

    func validate() throws {
        try format.validate([.text, .json], command: "shipshape version")
    }

    func run() throws {
        let invocation = Console.invocation()
        let directory = invocation.directory(repo: repo)
        let report = try ReleaseInfo.version(next: next, directory: directory, invocation: invocation)
        Output(format: format, environment: invocation.environment).emit(report.document)
    }
}
