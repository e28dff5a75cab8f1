package import ShipshapeChangelog
import ShipshapeGit

/// What `post-merge` has to say: an information line, warnings, or nothing. It never fails.
package struct PostMergeOutcome: Sendable, Hashable {
    /// Lines for standard output (how many entries were added).
    package var messages: [String]
    /// Lines for standard error (why nothing was done, or what went wrong).
    package var warnings: [String]

    /// Always 0: a hook that runs after the merge must not make it look failed.
    package var exitStatus: Int32 { 0 }
}

/// The `post-merge` hook: syncs the changelog after `git merge` and `git pull`.
///
/// git runs it at the top of the work tree after a successful merge, with one argument: `1` for
/// a squash merge (nothing is committed yet, so nothing is synced), else `0`. It leaves the file
/// alone and says why when an autostash is waiting to be re-applied (`MERGE_AUTOSTASH`: git runs
/// this hook before it restores the stash), when the changelog has uncommitted changes, or when
/// the repository opted out (`[changelog] post-merge = false`, or the git configuration
/// `shipshape.changelog.postMerge false` for one clone). It syncs only on the branches where the
/// team keeps the changelog (`[changelog] branches`, by default `develop` and `main`).
package enum PostMergeHook {
    /// Runs the hook.
    ///
    /// - Parameters:
    ///   - arguments: git's arguments (the squash flag).
    ///   - invocation: working directory and environment.
    ///   - settings: the changelog settings; nil reads `[changelog]` from `.shipshape.toml` (an
    ///     invalid file is a warning).
    /// - Returns: what to print; the exit status is always 0.
    package static func run(arguments: [String], invocation: Invocation, settings given: ChangelogSettings? = nil) -> PostMergeOutcome {
        var outcome = PostMergeOutcome(messages: [], warnings: [])
        if arguments.first == "1" || given?.postMerge == false { return outcome }
        let repository: Repository
        var settings = given ?? ChangelogSettings()
        do {
            guard let found = try Repository.discover(startingAt: invocation.workingDirectory) else { return outcome }
            repository = found
            if try repository.configBool("shipshape.changelog.postMerge") == false { return outcome }
            if repository.workdir == nil { return outcome }
            do { settings = try ChangelogSyncUseCase.settings(given, for: repository) } catch {
                outcome.warnings.append("shipshape: warning: changelog not synced: \(error); fix .shipshape.toml, then run changelog-sync")
                return outcome
            }
            if !settings.postMerge { return outcome }
            // Only where the team keeps the changelog: a feature branch that merges develop in
            // gets its entries when it is merged itself.
            guard case let .branch(branch, _) = try repository.head(), settings.syncs(onBranch: branch) else { return outcome }
            if FileSystem.exists(FileSystem.join(repository.gitDirectory, "MERGE_AUTOSTASH")) {
                outcome.warnings.append("shipshape: \(settings.path) not synced: git has an autostash to re-apply after this hook; run changelog-sync once it is back")
                return outcome
            }
            if try repository.status(ofFile: settings.path).hasUncommittedChanges {
                outcome.warnings.append("shipshape: \(settings.path) not synced: it has uncommitted changes; commit them, then run changelog-sync")
                return outcome
            }
        } catch {
            outcome.warnings.append("shipshape: warning: \(settings.path) not synced: \(error); run changelog-sync")
            return outcome
        }
        do {
            let sync = try ChangelogSyncUseCase.run(repository: repository, mode: .write, full: false, settings: settings)
            if sync.wrote, let result = sync.result, !result.added.isEmpty || !result.removed.isEmpty {
                outcome.messages.append("shipshape: \(settings.path): \(sync.changeSummary) in [Unreleased]")
            }
        } catch {
            outcome.warnings.append("shipshape: warning: \(settings.path) not synced: \(error)")
        }
        return outcome
    }
}
