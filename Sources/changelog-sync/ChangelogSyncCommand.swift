// `changelog-sync`: brings CHANGELOG.md's Unreleased section up to date with HEAD's history.
// Exit status: 0 done (or up to date), 1 out of date (--check), 2 usage or environment error.
import ArgumentParser
import ShipshapeCommandLine
import ShipshapeDiagnostics
import ShipshapeFrontEnd
import ShipshapeHooks

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

    @OptionGroup var options: ChangelogSyncOptions

    func run() throws { try options.run() }
}

/// The program: ArgumentParser reads the arguments; a sync of a large history may take minutes.
enum ChangelogSyncProgram: Program {
    static let name = "changelog-sync"
    static let timeLimit: UInt32 = 600

    static func run(_ arguments: [String], invocation: Invocation) throws -> ExitStatus {
        try CommandLineRunner.run(ChangelogSync.self, arguments: arguments)
    }
}
