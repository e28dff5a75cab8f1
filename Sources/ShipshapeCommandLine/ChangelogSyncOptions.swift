package import ArgumentParser
import ShipshapeDiagnostics
import ShipshapeHooks

/// The output formats of a changelog sync.
package enum SyncFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}

/// The options of `changelog-sync` and `shipshape changelog sync`, and running the sync with them.
package struct ChangelogSyncOptions: ParsableArguments {
    @Flag(name: .long, help: "Print the diff the sync would make; change nothing.")
    package var dryRun = false

    @Flag(name: .long, help: "Exit 1 when the changelog is out of date (for CI); change nothing.")
    package var check = false

    @Flag(name: .long, help: "Rebuild the Unreleased entries from the release tag, keeping lines written by hand.")
    package var full = false

    @Option(name: .long, help: ArgumentHelp("A directory inside the repository (default: the current directory).", valueName: "dir"))
    package var repo: String?

    @Option(name: .long, help: "Output format: text or json.")
    package var format: SyncFormat = .text

    /// Creates the defaults (ArgumentParser fills the values in).
    package init() {}

    package func validate() throws {
        if dryRun && check { throw ValidationError("give --dry-run or --check, not both") }
    }

    /// Syncs and prints the outcome.
    ///
    /// - Throws: `ChangelogSyncError` when the sync cannot run (status 2), `ExitCode.failure`
    ///   when `--check` finds the file out of date (status 1).
    package func run() throws {
        let invocation = Console.invocation()
        let directory = repo.map { FileSystemPath.absolute($0, relativeTo: invocation.workingDirectory) } ?? invocation.workingDirectory
        let outcome = try ChangelogSyncUseCase.run(
            directory: directory, mode: dryRun ? .dryRun : check ? .check : .write, full: full, invocation: invocation)
        switch format {
        case .json: Console.out(outcome.json().serialized() + "\n")
        case .text:
            if dryRun { Console.out(outcome.diff) }
            Console.out(outcome.text())
        }
        if outcome.exitStatus != 0 { throw ExitCode.failure }
    }
}
