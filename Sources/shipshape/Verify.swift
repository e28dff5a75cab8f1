import ArgumentParser
import ShipshapeDiagnostics
import ShipshapeFrontEnd
import ShipshapeHooks

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check pushed ref updates from CI: the pre-push and pre-receive checks on a clone.",
        discussion: """
            Reads "<old sha> <new sha> <ref name>" lines on standard input (what git gives a \
            pre-receive hook), or takes one update with --ref, --old and --new. An old value of \
            40 zeros (or no --old) is a new ref, a new value of 40 zeros a deletion. Commits are \
            new when no ref of the clone that lacks the new tips reaches them, so clone the \
            whole history (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab CI: \
            GIT_DEPTH: 0). The configuration is never the pushed commits' own: --config FILE, \
            else git config shipshape.config, else .shipshape.toml on the default branch as it \
            was before the push (--default-branch NAME, else origin/HEAD, main or master).

            Exit status: 0 ok, 1 a ref breaks the rules, 2 usage, configuration or environment error.

            Examples:
              echo "$BEFORE $AFTER $GITHUB_REF" | shipshape verify --format github
              shipshape verify --ref refs/heads/main --old "$CI_COMMIT_BEFORE_SHA" --new "$CI_COMMIT_SHA"
            """)

    @Option(name: .long, help: ArgumentHelp("The updated ref (refs/heads/NAME, refs/tags/NAME; a bare name is a branch).", valueName: "ref"))
    var ref: String?

    @Option(name: .long, help: ArgumentHelp("The ref's value before the push (omit or 40 zeros for a new ref).", valueName: "sha"))
    var old: String?

    @Option(name: .long, help: ArgumentHelp("The ref's value after the push (40 zeros for a deletion).", valueName: "sha"))
    var new: String?

    @Option(name: .long, help: ArgumentHelp("The configuration file to judge by (default: the trusted one, see above).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The repository's default branch, whose .shipshape.toml applies.", valueName: "name"))
    var defaultBranch: String?

    @Option(name: .long, help: ArgumentHelp("A directory inside the repository (default: the current directory).", valueName: "dir"))
    var repo: String?

    @Option(name: .long, help: "Output format: text, json or github.")
    var format: OutputFormat = .text

    func validate() throws {
        if ref == nil && (old != nil || new != nil) { throw ValidationError("--old and --new need --ref") }
        if ref != nil && new == nil { throw ValidationError("--ref needs --new SHA (the ref's value after the push)") }
    }

    func run() throws {
        let invocation = Console.invocation()
        let updates: [PushedRef]
        if let ref, let new {
            updates = [try ReceivedUpdateInput.update(ref: ref, old: old ?? "", new: new, program: "shipshape verify")]
        } else {
            let input: [UInt8]
            do { input = try FileSystem.readStandardInput() } catch { throw HookError.file(error) }
            updates = try ReceivedUpdateInput.parse(input, program: "shipshape verify")
            if updates.isEmpty {
                throw HookError.usage("shipshape verify: no updates on standard input; give \"<old sha> <new sha> <ref name>\" lines, or --ref REF --new SHA [--old SHA]")
            }
        }
        let directory = invocation.directory(repo: repo)
        let configPath = config.map { FileSystemPath.absolute($0, relativeTo: invocation.workingDirectory) }
        let outcome = try VerifyUseCase.run(
            updates: updates, directory: directory, configPath: configPath, defaultBranch: defaultBranch, invocation: invocation)
        Output(format: format, environment: invocation.environment).emit(outcome.document)
        if outcome.exitStatus != 0 { throw ExitCode.failure }
    }
}
