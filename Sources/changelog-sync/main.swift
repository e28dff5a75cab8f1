// `changelog-sync`: brings CHANGELOG.md's Unreleased section up to date with HEAD's history.
// Exit status: 0 done (or up to date), 1 out of date (--check), 2 usage or environment error.
import ArgumentParser
import ShipshapeHooks
import ShipshapeDiagnostics

@main
struct ChangelogSync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changelog-sync",
        abstract: "Bring CHANGELOG.md's Unreleased section up to date with the commits since the last release.",
        discussion: """
            Lists every commit since the synced-commit marker (or the latest release tag) under its \
            category, keeping every line a person wrote. Exit status: 0 done, 1 out of date \
            (--check), 2 usage or environment error.
            """,
        version: shipshapeVersion)

    @Flag(name: .long, help: "Print the diff the sync would make; change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Exit 1 when the changelog is out of date (for CI); change nothing.")
    var check = false

    @Flag(name: .long, help: "Rebuild the Unreleased entries from the release tag, keeping lines written by hand.")
    var full = false

    @Option(name: .long, help: ArgumentHelp("A directory inside the repository (default: the current directory).", valueName: "dir"))
    var repo: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: SyncFormat = .text

    static func main() {
        Console.startWatchdog(program: "changelog-sync", seconds: 600, status: 2, environment: Console.environment())
        do {
            let command = try parseAsRoot()
            guard let sync = command as? ChangelogSync else { Console.exit(2) }
            Console.exit(sync.execute())
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                Console.out(message + "\n")
                Console.exit(0)
            }
            Console.err(message + "\n")
            Console.exit(2)
        }
    }

    func validate() throws {
        if dryRun && check { throw ValidationError("give --dry-run or --check, not both") }
    }

    func execute() -> Int32 {
        let invocation = Console.invocation()
        let directory = repo.map { FileSystemPath.absolute($0, relativeTo: invocation.workingDirectory) } ?? invocation.workingDirectory
        do {
            let outcome = try ChangelogSyncUseCase.run(
                directory: directory, mode: dryRun ? .dryRun : check ? .check : .write, full: full, invocation: invocation)
            switch format {
            case .json: Console.out(outcome.json().serialized() + "\n")
            case .text:
                if dryRun { Console.out(outcome.diff) }
                Console.out(outcome.text())
            }
            return outcome.exitStatus
        } catch {
            Console.err("changelog-sync: error: \(error)\n")
            return 2
        }
    }
}

enum SyncFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
