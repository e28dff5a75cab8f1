import ShipshapeConfiguration
import ShipshapeDiagnostics
import ShipshapeGit
import ShipshapePolicy
package import ShipshapeVersioning
import ShipshapeModel

/// The `pre-push` hook: stops a push that would publish an inconsistent release or commits that
/// break the message rules.
///
/// git runs it with the remote's name and URL and one line per ref on standard input. The checks
/// themselves are `RefUpdateCheck`'s, shared with `pre-receive` and `shipshape verify`; this
/// front end supplies what only the client has: the remote-tracking refs as the guess of what the
/// remote already has (`refs/remotes/<remote>/*` and the remote's old tip are hidden), and for a
/// new branch pushed to a URL or to a remote without remote-tracking refs, the fork point from the
/// default branch (see `forkPoint(of:branch:localRef:remote:repository:)`). A pushed tag's history
/// is walked the same way (hiding what the remote has, including the old tips of this push's
/// refs), so a tag-only push cannot carry unchecked commits out.
///
/// A force push is checked like any other: the rewritten commits are new and linted, and the
/// version is compared with the one where the new history forks from the old (so a push that
/// only drops commits compares nothing and passes). A ref outside `refs/heads/` and `refs/tags/`
/// (Gerrit's `refs/for/main`, any `refs/x/y`) has its new commits linted, except in the
/// namespaces `[push] skip-namespaces` lists (by default `refs/notes/*`, `refs/remotes/*`,
/// `refs/stash`, `refs/original/*`: what `git push --mirror` sends of tool data and copies).
///
/// A shallow clone works while the walks stay above the shallow boundary; when a check needs a
/// commit that the clone cut off (libgit2 1.5 does not read `.git/shallow`), the hook stops with
/// `HookError.shallowRepository` (exit 2) and says how to proceed (`git fetch --unshallow`, or
/// `--no-verify` once): a partial check must not pass for a full one.
package enum PrePushHook {
    /// Runs the hook.
    ///
    /// - Parameters:
    ///   - remoteName: git's first argument (a remote name, or the URL for a push to a URL).
    ///   - remoteURL: git's second argument.
    ///   - input: standard input.
    ///   - invocation: working directory and environment.
    ///   - versionSettings: the version settings; nil reads `[versions]`, `[push]`, the
    ///     `[changelog] path` and `prerelease-tags-are-releases` from `.shipshape.toml`.
    /// - Returns: one report per pushed ref with findings, and a summary line as advice.
    /// - Throws: `HookError` for malformed input, an unreadable repository or configuration.
    package static func run(
        remoteName: String, remoteURL: String, input: [UInt8], invocation: Invocation,
        versionSettings: VersionSettings? = nil
    ) throws(HookError) -> HookOutcome {
        let refs = try PrePushInput.parse(input)
        let live = refs.filter { !$0.isDeletion }
        if live.isEmpty {
            let deleted = refs.count
            return HookOutcome(reports: [], advice: [deleted == 0 ? "pre-push: nothing to push" : "pre-push: ok (\(deleted) deletion\(deleted == 1 ? "" : "s"), nothing to check)"])
        }
        let context = try RepositoryContext.load(from: invocation.workingDirectory, invocation: invocation, requireRepository: true)
        guard let repository = context.repository else { throw .notARepository(path: invocation.workingDirectory) }
        let settings = versionSettings ?? context.configuration.prePushSettings
        let check = try RefUpdateCheck(
            repository: repository, configuration: context.configuration, settings: settings, receiver: ReceiverView(name: remoteName))
        let result = try check.run(refs)
        let errors = result.errorCount, warnings = result.warningCount
        let newCommitCount = result.newCommits
        let scope = "\(live.count) ref\(live.count == 1 ? "" : "s"), \(newCommitCount) new commit\(newCommitCount == 1 ? "" : "s")"
        let summary: String
        if errors > 0 {
            summary = "pre-push: push refused: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") (\(scope) checked); fix them and push again, or skip the checks once with git push --no-verify"
        } else {
            summary = "pre-push: ok (\(scope) checked\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))"
        }
        return HookOutcome(reports: result.reports, advice: [summary])
    }

    /// The commit a new branch grows from when the remote-tracking refs cannot tell.
    ///
    /// The merge base of the pushed tip with the default branch: `refs/remotes/<remote>/HEAD`,
    /// else `refs/remotes/origin/HEAD`, else the local `main`, `master` or `develop` (the first that
    /// exists and shares history with the tip; never the pushed branch itself). So a feature
    /// branch pushed to a URL or to a remote never fetched is checked for its own commits only,
    /// and its version is compared with the version where it forked. A branch with no commits of
    /// its own (the merge base is its tip) has nothing new. When no default branch exists (the
    /// pushed branch is the only line of history, as in a first push to an empty remote), the
    /// whole history is new and walked: a release tag in it is no base, since the remote does
    /// not have it (its commits would go out unchecked).
    ///
    /// - Returns: the commit to hide, or nil to walk the whole history.
    static func forkPoint(
        of tip: ObjectID, branch: String, localRef: String, remote: ReceiverView, repository: Repository
    ) throws(HookError) -> ObjectID? {
        let localName = localRef.hasPrefix("refs/heads/") ? String(localRef.dropFirst("refs/heads/".count)) : localRef
        var candidates: [String] = []
        if remote.isNamed { candidates.append("refs/remotes/\(remote.name)/HEAD") }
        if remote.name != "origin" { candidates.append("refs/remotes/origin/HEAD") }
        candidates += ["main", "master", "develop"].filter { $0 != branch && $0 != localName }.map { "refs/heads/\($0)" }
        for candidate in candidates {
            do {
                let id: ObjectID
                do {
                    id = try repository.resolve(candidate)
                } catch let error where error.kind == .notFound || error.kind == .invalidInput || error.kind == .wrongObjectType {
                    continue
                }
                if let base = try repository.mergeBase(id, tip) { return base }
            } catch {
                throw .git(error)
            }
        }
        return nil
    }
}
