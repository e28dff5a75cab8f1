package import ArgumentParser
package import ShipshapeDiagnostics
import ShipshapeFrontEnd
import ShipshapeHooks

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
    package var format: OutputFormat = .text

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Act as git's merge driver: merge OURS with THEIRS into OURS (git's %O %A %B).", valueName: "base ours theirs"))
    package var merge: [String] = []

    /// Creates the defaults (ArgumentParser fills the values in).
    package init() {}

    package func validate() throws {
        try format.validate([.text, .json], command: "changelog-sync")
        if dryRun && check { throw ValidationError("give --dry-run or --check, not both") }
        if !merge.isEmpty && merge.count != 3 {
            throw ValidationError("--merge takes three files, git's %O %A %B: merge.shipshape-changelog.driver = \"changelog-sync --merge %O %A %B\"")
        }
    }

    /// Syncs and prints the outcome.
    ///
    /// - Throws: `ChangelogSyncError` when the sync cannot run (status 2), `ExitCode.failure`
    ///   when `--check` finds the file out of date (status 1).
    package func run() throws {
        let invocation = Console.invocation()
        if merge.count == 3 {
            let merged = try ChangelogMergeDriver.run(base: merge[0], ours: merge[1], theirs: merge[2], invocation: invocation)
            if let warning = merged.warning { Console.err(warning + "\n") }
            if merged.exitStatus != 0 { throw ExitCode.failure }
            return
        }
        let directory = invocation.directory(repo: repo)
        let outcome = try ChangelogSyncUseCase.run(
            directory: directory, mode: dryRun ? .dryRun : check ? .check : .write, full: full, invocation: invocation)
        Output(format: format, environment: invocation.environment).emit(outcome.document)
        if outcome.exitStatus != 0 { throw ExitCode.failure }
    }
}
