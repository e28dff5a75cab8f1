import ShipshapeConfiguration
import ShipshapeDiagnostics
import ShipshapeGit
import ShipshapePolicy
package import ShipshapeVersioning
import ShipshapeModel

/// The `pre-push` hook: stops a push that would publish an inconsistent release or commits that
/// break the message rules.
///
/// git runs it with the remote's name and URL and one line per ref on standard input. For each
/// pushed ref (deletions need nothing): the version sources at the pushed commit must agree and
/// be valid; a release tag must be annotated, match the version and have a changelog section; a
/// `release/` or `hotfix/` branch must hold the version it names; a changed version must go up
/// without skipping and be bumped as far as the commits since the latest release demand; and
/// every commit new to the remote must pass the commit-message rules (no fixup or WIP commit on
/// a protected branch). Only the new commits are walked: what the remote already has
/// (`refs/remotes/<remote>/*` and the remote's old tip) is hidden; a new branch pushed to a URL
/// or to a remote without remote-tracking refs stops at its fork point from the default branch
/// (see `forkPoint(of:branch:localRef:remote:repository:)`). A pushed tag's history is walked
/// the same way (hiding what the remote has, including the old tips of this push's refs), so a
/// tag-only push cannot carry unchecked commits out.
///
/// A force push is checked like any other: the rewritten commits are new and linted, and the
/// version is compared with the one where the new history forks from the old (so a push that
/// only drops commits compares nothing and passes). Refs outside `refs/heads/` and `refs/tags/`
/// (what `git push --mirror` sends from `refs/remotes/`, `refs/notes/`, `refs/stash`) are not
/// checked.
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
        let gate = VersionGate(repository: repository, settings: settings)
        let pushedTags = Set(live.filter(\.isTag).map(\.shortRemoteName))
        let remote = RemoteView(name: remoteName)
        var checkedTips: Set<ObjectID> = []
        var reports: [SubjectReport] = []
        let branchPolicy: BranchPolicy
        do { branchPolicy = try BranchPolicy(settings: context.configuration.branches) } catch { throw .pattern(error) }
        let walker = NewCommitWalker(
            repository: repository, remote: remote, lintSettings: context.configuration.lint, settings: settings)
        // What the remote had before this push, as far as the push says (a tag walk hides it).
        let remoteOldTips = Array(Set(live.filter { !$0.isNewOnRemote }.map(\.remoteID)))

        do throws(HookError) {
            for ref in live {
                // Other namespaces (refs/remotes/*, refs/notes/*, refs/stash, which `git push --mirror`
                // sends too) are copies of someone else's state or tool data, not branches or releases.
                guard ref.isBranch || ref.isTag else { continue }
                var findings: [Finding] = []
                let tip: ObjectID
                let isTagObject: Bool
                do {
                    (tip, isTagObject) = try repository.peeledCommit(ref.localID)
                } catch let error where error.kind == .wrongObjectType {
                    continue  // a tag of a tree or blob: no release to check
                } catch {
                    throw .git(error)
                }
                let label = "\(tip.short()) (\(ref.shortRemoteName))"
                let snapshot = try gate.snapshot(at: tip)
                if checkedTips.insert(tip).inserted {
                    findings += VersionChecks.agreement(snapshot, commit: label, settings: settings)
                    findings += VersionChecks.validity(snapshot, commit: label, settings: settings)
                }
                let newVersion = snapshot.agreedVersion

                if ref.isTag {
                    if let version = settings.tagFormat.version(fromTag: ref.shortRemoteName) {
                        let tag = ReleaseTag(name: ref.shortRemoteName, version: version, isAnnotated: isTagObject)
                        let changelog = try gate.changelogSections(at: tip)
                        findings += VersionChecks.tagMatches(tag, commit: label, snapshot: snapshot, changelog: changelog, settings: settings)
                        findings += try gate.progressFindings(
                            old: nil, new: version, tip: tip, label: label, excluding: pushedTags.union([tag.name]), excludingCommit: false)
                    } else if let finding = VersionChecks.offFormatTag(ref.shortRemoteName, commit: label, settings: settings) {
                        findings.append(finding)
                    }
                    // Check 7 for the tag's history: what the remote has (its remote-tracking refs,
                    // the old tips of this push's refs) is hidden; a remote with no refs at all
                    // has nothing, so the whole history is new. Fixup/WIP rules are for branches.
                    var hidden: [ObjectID] = []
                    for id in remoteOldTips + (ref.isNewOnRemote ? [] : [ref.remoteID]) where !hidden.contains(id) {
                        do { if try repository.contains(id) { hidden.append(id) } } catch { throw .git(error) }
                    }
                    findings += try walker.walk(to: tip, hiding: hidden).findings
                } else if ref.isBranch {
                    let branch = ref.shortRemoteName
                    if context.configuration.branches.level != .off {
                        let source = ref.localRef.hasPrefix("refs/heads/") ? String(ref.localRef.dropFirst(11)) : ref.localRef
                        let origin = BranchOrigin.pushed(source: source, remote: remoteName)
                        do { findings += try branchPolicy.check(branch, origin: origin) } catch { throw .pattern(error) }
                    }
                    findings += VersionChecks.branchMatches(branch: branch, commit: label, snapshot: snapshot, settings: settings)

                    // The commits new to the remote, and the commit the version is compared with.
                    let base = try pushBase(
                        of: ref, tip: tip, branch: branch, remote: remote, repository: repository, gate: gate)
                    let walk = try walker.walk(to: tip, hiding: base.hidden)
                    findings += walk.findings
                    let newIDs = walk.ids
                    let oldest = walk.oldest
                    let remoteBranch = remoteName.contains("/") || remoteName.contains(":") ? "<remote>/\(branch)" : "\(remoteName)/\(branch)"
                    // Commits new to this branch (not only to the remote) must not be fixups on a protected branch:
                    // a fixup pushed to a feature branch first is hidden by refs/remotes/<remote>/* above.
                    var branchCommits = walk.temporaryCommits
                    if settings.isEnabled(.pushedCommitLint) && settings.isProtected(branch: branch), let oldTip = base.remoteTip,
                        try !remote.hidesNothingBeyond(oldTip, in: repository)
                    {
                        branchCommits = try gate.commitInfos(since: oldTip, to: tip)
                    }
                    findings += VersionChecks.temporaryCommits(branch: branch, commits: branchCommits, remoteBranch: remoteBranch, settings: settings)

                    // The version before the push: the remote's old tip (for a force push, where the
                    // rewritten history forks from it), else the parent the new commits grow from.
                    var oldCommit: ObjectID? = base.remoteTip
                    if let remoteTip = base.remoteTip, !(newIDs.isEmpty ? tip == remoteTip : oldest?.parentIDs.contains(remoteTip) == true) {
                        do {
                            if try !repository.isAncestor(remoteTip, of: tip) { oldCommit = try repository.mergeBase(remoteTip, tip) }
                        } catch {
                            throw .git(error)
                        }
                    }
                    if oldCommit == nil {
                        if let oldest { oldCommit = oldest.parentIDs.first { !newIDs.contains($0) } } else { oldCommit = tip }
                    }
                    if let newVersion, let oldCommit, oldCommit != tip {
                        let oldSnapshot = try gate.snapshot(at: oldCommit)
                        let oldVersion = oldSnapshot.agreedVersion
                        let changed = oldVersion.map { !$0.isIdentical(to: newVersion) } ?? oldSnapshot.isEmpty
                        if changed {
                            findings += try gate.progressFindings(
                                old: oldVersion, new: newVersion, tip: tip, label: label, excluding: pushedTags, excludingCommit: true)
                        } else if settings.announcedVersion(ofBranch: branch) != nil {
                            findings += try gate.progressFindings(
                                old: oldVersion, new: newVersion, tip: tip, label: label, excluding: pushedTags, excludingCommit: true,
                                monotonic: false)
                        }
                    } else if let newVersion, settings.announcedVersion(ofBranch: branch) != nil {
                        findings += try gate.progressFindings(
                            old: nil, new: newVersion, tip: tip, label: label, excluding: pushedTags, excludingCommit: true,
                            monotonic: false)
                    }
                }
                if !findings.isEmpty {
                    reports.append(SubjectReport(origin: "\(ref.remoteRef)", findings: findings))
                }
            }
        } catch {
            // libgit2 1.5 does not read .git/shallow: walking into a grafted commit's missing parents fails.
            if case let .git(gitError) = error, repository.isShallow { throw .shallowRepository(gitError) }
            throw error
        }
        let errors = reports.reduce(0) { $0 + $1.errors.count }
        let warnings = reports.reduce(0) { $0 + $1.warnings.count }
        let newCommitCount = walker.walkedCount
        let scope = "\(live.count) ref\(live.count == 1 ? "" : "s"), \(newCommitCount) new commit\(newCommitCount == 1 ? "" : "s")"
        let summary: String
        if errors > 0 {
            summary = "pre-push: push refused: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") (\(scope) checked); fix them and push again, or skip the checks once with git push --no-verify"
        } else {
            summary = "pre-push: ok (\(scope) checked\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))"
        }
        return HookOutcome(reports: reports, advice: [summary])
    }

    /// Where the commits of a pushed branch that are new to the remote begin.
    struct PushBase {
        /// Commits hidden from the walk (with their history).
        var hidden: [ObjectID]
        /// The remote's old tip when the push updates a branch whose old tip is known locally.
        var remoteTip: ObjectID?
    }

    /// Which commits of a pushed branch are new, and what the version is compared with.
    ///
    /// An update hides the remote's old tip (and, in the walk, everything under
    /// `refs/remotes/<remote>/*`). A branch that is new on the remote (or whose old tip was never
    /// fetched) relies on the remote-tracking refs alone, unless the remote has none here (a
    /// push to a URL, or a remote never fetched): then the walk stops at `forkPoint`.
    static func pushBase(
        of ref: PushedRef, tip: ObjectID, branch: String, remote: RemoteView, repository: Repository, gate: VersionGate
    ) throws(HookError) -> PushBase {
        var base = PushBase(hidden: [], remoteTip: nil)
        if !ref.isNewOnRemote {
            let known: Bool
            do { known = try repository.contains(ref.remoteID) } catch { throw .git(error) }
            if known {
                base.hidden = [ref.remoteID]
                base.remoteTip = ref.remoteID
            }
        }
        if base.hidden.isEmpty, try remote.targets(in: repository).isEmpty,
            let fork = try forkPoint(of: tip, branch: branch, localRef: ref.localRef, remote: remote, repository: repository)
        {
            base.hidden = [fork]
        }
        return base
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
        of tip: ObjectID, branch: String, localRef: String, remote: RemoteView, repository: Repository
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
