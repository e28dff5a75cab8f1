// `changelog-sync`: brings CHANGELOG.md's Unreleased section up to date with HEAD's history.
// Exit status: 0 done (or up to date), 1 out of date (--check), 2 usage or environment error.
import ArgumentParser
import ShipshapeCommandLine
import ShipshapeHooks

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

    @OptionGroup var options: ChangelogSyncOptions

    static func main() {
        Console.startWatchdog(program: "changelog-sync", seconds: 600, status: 2, environment: Console.environment())
        CommandLineRunner.run(Self.self, program: "changelog-sync")
    }

    func run() throws { try options.run() }
}
