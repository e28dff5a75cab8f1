package import ShipshapeDiagnostics
package import ShipshapeGit
import ShipshapeMessage
import ShipshapePatterns
import ShipshapePolicy
package import ShipshapeVersioning

/// Reads versions, tags and commits from a repository for the version checks, caching what
/// several refs share (the snapshot at a commit, the release tags).
///
/// Everything is read through libgit2 at the commits concerned, never from the work tree.
package final class VersionGate {
    /// The repository.
    package let repository: Repository
    /// The version settings.
    package let settings: VersionSettings
    private var snapshots: [ObjectID: VersionSnapshot] = [:]
    private var releaseTagsCache: [(tag: Tag, version: SemanticVersion)]?

    /// Creates a gate.
    package init(repository: Repository, settings: VersionSettings) {
        self.repository = repository
        self.settings = settings
    }

    /// The version sources at a commit.
    ///
    /// - Throws: `HookError.git` when the commit cannot be read.
    package func snapshot(at commit: ObjectID) throws(HookError) -> VersionSnapshot {
        if let cached = snapshots[commit] { return cached }
        let repository = self.repository
        let snapshot: VersionSnapshot
        do {
            snapshot = try VersionSnapshot.collect(settings: settings) { (path: String) throws(GitError) -> [UInt8]? in
                try repository.blob(at: path, in: commit)
            }
        } catch {
            throw .git(error)
        }
        snapshots[commit] = snapshot
        return snapshot
    }

    /// Every tag that names a version under the tag format, highest version first.
    package func releaseTags() throws(HookError) -> [(tag: Tag, version: SemanticVersion)] {
        if let releaseTagsCache { return releaseTagsCache }
        let tags: [Tag]
        do { tags = try repository.tags() } catch { throw .git(error) }
        let result = tags.compactMap { tag in settings.tagFormat.version(fromTag: tag.name).map { (tag, $0) } }
            .sorted { $0.1 > $1.1 }
        releaseTagsCache = result
        return result
    }

    /// The highest-version release tag whose commit is an ancestor of (or is) `commit`.
    ///
    /// - Parameters:
    ///   - commit: the commit whose history is searched.
    ///   - excluding: tag names to ignore (tags in this push).
    ///   - excludingCommit: ignore tags on this very commit (`shipshape check` of a tagged release).
    ///   - releasesOnly: skip pre-release tags (the base of the bump check).
    /// - Returns: the tag, or nil.
    package func latestTag(
        reachableFrom commit: ObjectID, excluding: Set<String> = [], excludingCommit: Bool = false, releasesOnly: Bool
    ) throws(HookError) -> (tag: Tag, version: SemanticVersion)? {
        for entry in try releaseTags() {
            if excluding.contains(entry.tag.name) || (releasesOnly && entry.version.isPreRelease) { continue }
            if excludingCommit && entry.tag.target == commit { continue }
            do {
                if try repository.isAncestor(entry.tag.target, of: commit) { return entry }
            } catch {
                throw .git(error)
            }
        }
        return nil
    }

    /// The commits after `base` up to `tip`, parsed.
    package func commitInfos(since base: ObjectID?, to tip: ObjectID) throws(HookError) -> [CommitInfo] {
        var result: [CommitInfo] = []
        do {
            try repository.walkCommits(CommitRange(excluded: base.map { [$0] } ?? [], included: [tip])) { commit in
                let cleaned = cleanMessage(commit.message, mode: .whitespace, commentChar: .character("#"), editorUsed: false)
                result.append(CommitInfo(shortID: commit.id.short(), message: cleaned))
                return .continue
            }
        } catch {
            throw .git(error)
        }
        return result
    }

    /// Checks 5 and 6 for a commit whose version changed (or a release branch or tag): the
    /// version against the old one and the latest release tag, and the bump against the
    /// commits since the latest release.
    ///
    /// - Parameters:
    ///   - old: the version before (nil when unknown or first).
    ///   - new: the version at `tip`.
    ///   - tip: the commit.
    ///   - label: how to name the commit.
    ///   - excluding: tags of this push.
    ///   - excludingCommit: ignore tags on `tip` itself.
    ///   - monotonic: run check 5.
    /// - Returns: the findings.
    package func progressFindings(
        old: SemanticVersion?, new: SemanticVersion, tip: ObjectID, label: String, excluding: Set<String>,
        excludingCommit: Bool = false, monotonic: Bool = true
    ) throws(HookError) -> [Finding] {
        var findings: [Finding] = []
        if monotonic && settings.isEnabled(.monotonic) {
            let latest = try latestTag(reachableFrom: tip, excluding: excluding, excludingCommit: excludingCommit, releasesOnly: false)
            findings += VersionChecks.monotonic(
                old: old, new: new,
                latestTag: latest.map { ReleaseTag(name: $0.tag.name, version: $0.version, isAnnotated: $0.tag.isAnnotated) },
                commit: label, settings: settings)
        }
        if settings.isEnabled(.bumpLevel),
            let base = try latestTag(reachableFrom: tip, excluding: excluding, excludingCommit: excludingCommit, releasesOnly: true),
            new > base.version
        {
            let commits = try commitInfos(since: base.tag.target, to: tip)
            findings += VersionChecks.bumpLevel(
                base: ReleaseTag(name: base.tag.name, version: base.version, isAnnotated: base.tag.isAnnotated), new: new,
                commits: commits, commit: label, settings: settings)
        }
        return findings
    }
}

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
/// (`refs/remotes/<remote>/*` and the remote's old tip) is hidden.
package enum PrePushHook {
    /// Runs the hook.
    ///
    /// - Parameters:
    ///   - remoteName: git's first argument (a remote name, or the URL for a push to a URL).
    ///   - remoteURL: git's second argument.
    ///   - input: standard input.
    ///   - invocation: working directory and environment.
    ///   - versionSettings: the version settings; nil reads `[versions]`, `[push]` and
    ///     `[changelog] path` from `.shipshape.toml`.
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
        let remoteGlob = "refs/remotes/\(remoteName)/*"
        var checkedTips: Set<ObjectID> = []
        var lintedCommits: Set<ObjectID> = []
        var reports: [SubjectReport] = []
        var newCommitCount = 0
        let branchPolicy: BranchPolicy
        do { branchPolicy = try BranchPolicy(settings: context.configuration.branches) } catch { throw .pattern(error) }

        for ref in live {
            var findings: [Finding] = []
            let tip: ObjectID
            do {
                tip = try repository.resolve(ref.localID.hex)
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
                    let tag = ReleaseTag(name: ref.shortRemoteName, version: version, isAnnotated: ref.localID != tip)
                    var changelog: [UInt8]?
                    if let path = settings.changelogPath {
                        do { changelog = try repository.blob(at: path, in: tip) } catch { throw .git(error) }
                    }
                    findings += VersionChecks.tagMatches(tag, commit: label, snapshot: snapshot, changelog: changelog, settings: settings)
                    findings += try gate.progressFindings(
                        old: nil, new: version, tip: tip, label: label, excluding: pushedTags.union([tag.name]), excludingCommit: false)
                }
            } else if ref.isBranch {
                let branch = ref.shortRemoteName
                if context.configuration.branches.level != .off {
                    do { findings += try branchPolicy.check(branch) } catch { throw .pattern(error) }
                }
                findings += VersionChecks.branchMatches(branch: branch, commit: label, snapshot: snapshot, settings: settings)

                // The commits new to the remote.
                var hidden: [ObjectID] = []
                if !ref.isNewOnRemote {
                    let known: Bool
                    do { known = try repository.contains(ref.remoteID) } catch { throw .git(error) }
                    if known { hidden.append(ref.remoteID) }
                }
                var newCommits: [CommitInfo] = []
                var newIDs: Set<ObjectID> = []
                var oldest: Commit?
                let lintSettings = context.configuration.lint
                var lintFailure: HookError?
                do throws(GitError) {
                    try repository.walkCommits(
                        CommitRange(excluded: hidden, included: [tip], excludedReferenceGlobs: [remoteGlob]), order: .oldestFirst
                    ) { commit in
                        if oldest == nil { oldest = commit }
                        newIDs.insert(commit.id)
                        let cleaned = cleanMessage(commit.message, mode: .whitespace, commentChar: .character("#"), editorUsed: false)
                        let info = CommitInfo(shortID: commit.id.short(), message: cleaned)
                        newCommits.append(info)
                        guard settings.isEnabled(.pushedCommitLint), lintedCommits.insert(commit.id).inserted else { return .continue }
                        if lintSettings.ignores.botAuthors.contains(where: { $0 == commit.authorName || $0 == commit.authorEmail }) {
                            return .continue
                        }
                        do throws(PatternError) {
                            let report = try Linter(settings: lintSettings).lint(cleaned)
                            if let finding = VersionChecks.pushedCommit(info, ruleFindings: report.findings, settings: settings) {
                                findings.append(finding)
                            }
                        } catch {
                            lintFailure = .pattern(error)
                            return .stop
                        }
                        return .continue
                    }
                } catch {
                    throw .git(error)
                }
                if let lintFailure { throw lintFailure }
                newCommitCount += newCommits.count
                let remoteBranch = remoteName.contains("/") || remoteName.contains(":") ? "<remote>/\(branch)" : "\(remoteName)/\(branch)"
                // Commits new to this branch (not only to the remote) must not be fixups on a protected branch:
                // a fixup pushed to a feature branch first is hidden by refs/remotes/<remote>/* above.
                var branchCommits = newCommits
                if settings.isEnabled(.pushedCommitLint) && settings.isProtected(branch: branch) && !hidden.isEmpty {
                    branchCommits = try gate.commitInfos(since: hidden[0], to: tip)
                }
                findings += VersionChecks.temporaryCommits(branch: branch, commits: branchCommits, remoteBranch: remoteBranch, settings: settings)

                // The version before the push: the remote's old tip, else the parent the new commits grow from.
                var oldCommit: ObjectID? = hidden.first
                if oldCommit == nil {
                    if let oldest { oldCommit = oldest.parentIDs.first { !newIDs.contains($0) } } else { oldCommit = tip }
                }
                if let newVersion, let oldCommit, oldCommit != tip {
                    let oldSnapshot = try gate.snapshot(at: oldCommit)
                    let oldVersion = oldSnapshot.agreedVersion
                    let changed = oldVersion.map { !$0.isIdentical(to: newVersion) } ?? oldSnapshot.isEmpty
                    if changed {
                        findings += try gate.progressFindings(
                            old: oldVersion, new: newVersion, tip: tip, label: label, excluding: pushedTags)
                    } else if settings.announcedVersion(ofBranch: branch) != nil {
                        findings += try gate.progressFindings(
                            old: oldVersion, new: newVersion, tip: tip, label: label, excluding: pushedTags, monotonic: false)
                    }
                } else if let newVersion, settings.announcedVersion(ofBranch: branch) != nil {
                    findings += try gate.progressFindings(
                        old: nil, new: newVersion, tip: tip, label: label, excluding: pushedTags, monotonic: false)
                }
            }
            if !findings.isEmpty {
                reports.append(SubjectReport(origin: "\(ref.remoteRef)", findings: findings))
            }
        }
        let errors = reports.reduce(0) { $0 + $1.errors.count }
        let warnings = reports.reduce(0) { $0 + $1.warnings.count }
        let scope = "\(live.count) ref\(live.count == 1 ? "" : "s"), \(newCommitCount) new commit\(newCommitCount == 1 ? "" : "s")"
        let summary: String
        if errors > 0 {
            summary = "pre-push: push refused: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") (\(scope) checked); fix them and push again, or skip the checks once with git push --no-verify"
        } else {
            summary = "pre-push: ok (\(scope) checked\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))"
        }
        return HookOutcome(reports: reports, advice: [summary])
    }
}
