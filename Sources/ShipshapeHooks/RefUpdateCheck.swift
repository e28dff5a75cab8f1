import ShipshapeConfiguration
package import ShipshapeDiagnostics
import ShipshapeGit
import ShipshapePolicy
import ShipshapeVersioning
import ShipshapeModel

/// The one check of a push's ref updates, shared by `pre-push` (client), `pre-receive` (server)
/// and `shipshape verify` (CI), so the three never disagree.
///
/// It takes the updates and what the receiving side already has (`ReceiverView`) as values;
/// reading git's input, choosing the configuration and wording the summary stay in the front
/// ends. For each updated ref (deletions need nothing): the version sources at the new commit
/// must agree and be valid; a release tag must be annotated, match the version and have a
/// changelog section; a `release/` or `hotfix/` branch must hold the version it names; a changed
/// version must go up without skipping and be bumped as far as the commits in no release
/// demand (`VersionGate`, the one release history); and every commit new to the receiver must
/// pass the commit-message rules (no fixup or WIP commit on a protected branch). Refs outside
/// `refs/heads/` and `refs/tags/` are not checked.
package final class RefUpdateCheck {
    /// What a check of all updates found.
    package struct Result: Sendable {
        /// One report per ref with findings, its origin the full ref name.
        package var reports: [SubjectReport]
        /// How many updates were not deletions.
        package var checkedRefs: Int
        /// How many updates were deletions.
        package var deletions: Int
        /// How many distinct new commits were walked.
        package var newCommits: Int

        /// The error-level findings of all reports.
        package var errorCount: Int { reports.reduce(0) { $0 + $1.errors.count } }
        /// The warnings of all reports.
        package var warningCount: Int { reports.reduce(0) { $0 + $1.warnings.count } }
        /// The refs refused (with at least one error), in input order.
        package var refusedRefs: [SubjectReport] { reports.filter { !$0.isValid } }
    }

    let repository: Repository
    let configuration: ShipshapeConfiguration
    let settings: VersionSettings
    let receiver: ReceiverView
    let gate: VersionGate
    let walker: NewCommitWalker
    let branchPolicy: BranchPolicy

    /// Creates the check for one push.
    ///
    /// - Parameters:
    ///   - repository: the repository holding the new objects (the client's, or the server's
    ///     opened inside git's quarantine).
    ///   - configuration: commit, branch and push settings.
    ///   - settings: the version settings.
    ///   - receiver: what the receiving side already has.
    /// - Throws: `HookError.pattern` when a branch pattern does not compile.
    init(repository: Repository, configuration: ShipshapeConfiguration, settings: VersionSettings, receiver: ReceiverView) throws(HookError) {
        self.repository = repository
        self.configuration = configuration
        self.settings = settings
        self.receiver = receiver
        gate = VersionGate(repository: repository, settings: settings)
        walker = NewCommitWalker(repository: repository, remote: receiver, lintSettings: configuration.lint, settings: settings)
        do { branchPolicy = try BranchPolicy(settings: configuration.branches) } catch { throw .pattern(error) }
    }

    /// Checks the updates of a push, in order.
    ///
    /// - Parameter updates: the ref updates (`remoteRef` the updated ref, `localID` its new
    ///   value, `remoteID` its old one; zero for a new ref or a deletion).
    /// - Returns: the reports and counts.
    /// - Throws: `HookError` when the repository cannot be read (`.shallowRepository` when the
    ///   history needed is cut off by a shallow clone).
    package func run(_ updates: [PushedRef]) throws(HookError) -> Result {
        let live = updates.filter { !$0.isDeletion }
        var result = Result(reports: [], checkedRefs: live.count, deletions: updates.count - live.count, newCommits: 0)
        let push = PushContext(
            pushedTags: Set(live.filter(\.isTag).map(\.shortRemoteName)),
            oldTips: Array(Set(live.filter { !$0.isNewOnRemote }.map(\.remoteID))))
        var checkedTips: Set<ObjectID> = []
        do throws(HookError) {
            for ref in live where !ref.isBranch && !ref.isTag && !isSkipped(ref.remoteRef) {
                let findings = try checkOtherRef(ref, push: push)
                if !findings.isEmpty { result.reports.append(SubjectReport(origin: ref.remoteRef, findings: findings)) }
            }
            for ref in live where ref.isBranch || ref.isTag {
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
                var findings: [Finding] = []
                if checkedTips.insert(tip).inserted {
                    findings += VersionChecks.agreement(snapshot, commit: label, settings: settings)
                    findings += VersionChecks.validity(snapshot, commit: label, settings: settings)
                }
                let target = Target(ref: ref, tip: tip, isTagObject: isTagObject, label: label, snapshot: snapshot)
                findings += ref.isTag ? try checkTag(target, push: push) : try checkBranch(target, push: push)
                findings = Self.locating(findings, in: snapshot)
                if !findings.isEmpty { result.reports.append(SubjectReport(origin: ref.remoteRef, findings: findings)) }
            }
        } catch {
            // libgit2 1.5 does not read .git/shallow: walking into a grafted commit's missing parents fails.
            if case let .git(gitError) = error, repository.isShallow { throw .shallowRepository(gitError) }
            throw error
        }
        result.newCommits = walker.walkedCount
        return result
    }

    /// A ref of another namespace (Gerrit's refs/for/main, refs/x/y): no release to check, but
    /// its commits go out, so those new to the receiver are linted.
    private func checkOtherRef(_ ref: PushedRef, push: PushContext) throws(HookError) -> [Finding] {
        let tip: ObjectID
        do { tip = try repository.peeledCommit(ref.localID).commit } catch let error where error.kind == .wrongObjectType {
            return []
        } catch {
            throw .git(error)
        }
        return try walker.walk(to: tip, hiding: try knownOldTips(for: ref, push: push)).findings
    }

    /// What a tag or another namespace's ref hides from its walk: the old values of this push's
    /// refs and the ref's own old value, those this repository has.
    private func knownOldTips(for ref: PushedRef, push: PushContext) throws(HookError) -> [ObjectID] {
        var hidden: [ObjectID] = []
        for id in push.oldTips + (ref.isNewOnRemote ? [] : [ref.remoteID]) where !hidden.contains(id) {
            do { if try repository.contains(id) { hidden.append(id) } } catch { throw .git(error) }
        }
        return hidden
    }

    /// Whether a ref outside branches and tags is in a namespace whose commits are not linted.
    private func isSkipped(_ ref: String) -> Bool {
        configuration.push.skippedNamespaces.contains { branchGlobMatches($0, ref) }
    }

    /// The findings with a file to point at (CI annotations): a monotonic or bump-level finding
    /// (about the version being introduced) points at the first version file; the other checks
    /// set their own location.
    static func locating(_ findings: [Finding], in snapshot: VersionSnapshot) -> [Finding] {
        let versionRules: Set<String> = [VersionCheck.monotonic.rawValue, VersionCheck.bumpLevel.rawValue]
        guard let first = snapshot.readings.first?.fileLocation else { return findings }
        return findings.map { finding in
            guard finding.location == nil, versionRules.contains(finding.rule) else { return finding }
            var located = finding
            located.location = first
            return located
        }
    }

    /// What all updates of one push share.
    struct PushContext {
        /// The tags this push creates or moves (left out of the release history).
        var pushedTags: Set<String>
        /// The old values of the updated refs that existed before.
        var oldTips: [ObjectID]
    }

    /// One updated ref, peeled.
    struct Target {
        var ref: PushedRef
        var tip: ObjectID
        var isTagObject: Bool
        var label: String
        var snapshot: VersionSnapshot
    }

    /// A tag: annotated, matching the version and the changelog, progressing from the previous
    /// release; and its history's new commits linted.
    private func checkTag(_ target: Target, push: PushContext) throws(HookError) -> [Finding] {
        let ref = target.ref, tip = target.tip
        var findings: [Finding] = []
        if let version = settings.tagFormat.version(fromTag: ref.shortRemoteName) {
            let tag = ReleaseTag(name: ref.shortRemoteName, version: version, isAnnotated: target.isTagObject)
            let changelog = try gate.changelogSections(at: tip)
            findings += VersionChecks.tagMatches(tag, commit: target.label, snapshot: target.snapshot, changelog: changelog, settings: settings)
            findings += try gate.progressFindings(
                old: nil, new: version, tip: tip, label: target.label, excluding: push.pushedTags.union([tag.name]), excludingCommit: false)
        } else if let finding = VersionChecks.offFormatTag(ref.shortRemoteName, commit: target.label, settings: settings) {
            findings.append(finding)
        }
        // The tag's history: what the receiver has (its refs, the old tips of this push's refs) is
        // hidden; a receiver with no refs at all has nothing. Fixup/WIP rules are for branches.
        findings += try walker.walk(to: tip, hiding: try knownOldTips(for: ref, push: push)).findings
        return findings
    }

    /// A branch: its name, the version it announces, its new commits, and the version's progress
    /// from where the branch was before.
    private func checkBranch(_ target: Target, push: PushContext) throws(HookError) -> [Finding] {
        let ref = target.ref, tip = target.tip
        let branch = ref.shortRemoteName
        var findings: [Finding] = []
        if configuration.branches.level != .off {
            // A hint about a pushed name suggests pushing to a valid one, and renaming the local
            // branch only when the pushed ref has its name (never `develop` for `develop:wip`).
            // The server does not know the pusher's branch: it says <your-branch>.
            let source: String
            if receiver.isExact {
                source = "<your-branch>"
            } else {
                source = ref.localRef.hasPrefix("refs/heads/") ? String(ref.localRef.dropFirst(11)) : ref.localRef
            }
            let origin = BranchOrigin.pushed(source: source, remote: receiver.isExact ? "origin" : receiver.name)
            do { findings += try branchPolicy.check(branch, origin: origin) } catch { throw .pattern(error) }
        }
        findings += VersionChecks.branchMatches(branch: branch, commit: target.label, snapshot: target.snapshot, settings: settings)

        let base = try pushBase(of: ref, tip: tip, branch: branch)
        let walk = try walker.walk(to: tip, hiding: base.hidden)
        findings += walk.findings
        // Commits new to this branch (not only to the receiver) must not be fixups on a protected
        // branch: a fixup pushed to a feature branch first is hidden by the receiver's refs.
        var branchCommits = walk.temporaryCommits
        if settings.isEnabled(.pushedCommitLint) && settings.isProtected(branch: branch), let oldTip = base.oldTip,
            try !receiver.hidesNothingBeyond(oldTip, in: repository)
        {
            branchCommits = try commitsNewToBranch(since: oldTip, to: tip, walk: walk)
        }
        findings += VersionChecks.temporaryCommits(
            branch: branch, commits: branchCommits, remoteBranch: receiver.trackingName(of: branch), settings: settings)
        findings += try progress(of: target, base: base, walk: walk, push: push)
        return findings
    }

    /// The fixup/WIP commits new to a branch (after `oldTip`), oldest first: the walk's own for
    /// the commits new to the receiver, and the others read here (commits the receiver has on
    /// another branch), so a push of commits new everywhere reads each message once.
    private func commitsNewToBranch(since oldTip: ObjectID, to tip: ObjectID, walk: NewCommitWalker.Walk) throws(HookError) -> [CommitInfo] {
        let known = Dictionary(walk.temporaryCommits.map { ($0.shortID, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [CommitInfo] = []
        do {
            for id in try repository.commitIDs(CommitRange(excluded: [oldTip], included: [tip])) {
                if walk.ids.contains(id) {
                    if let info = known[id.short()] { result.append(info) }
                    continue
                }
                let info = CommitInfo(shortID: id.short(), message: VersionGate.cleanedMessage(of: try repository.commit(id)))
                if VersionChecks.temporaryCommitKind(info.subject) != nil { result.append(info) }
            }
        } catch {
            throw .git(error)
        }
        return result
    }

    /// Checks 5 and 6 for a branch: the version before the push is the old tip's (for a force
    /// push, where the rewritten history forks from it), else the parent the new commits grow from.
    private func progress(of target: Target, base: PushBase, walk: NewCommitWalker.Walk, push: PushContext) throws(HookError) -> [Finding] {
        let tip = target.tip, label = target.label, branch = target.ref.shortRemoteName
        guard let newVersion = target.snapshot.agreedVersion else { return [] }
        let announced = settings.announcedVersion(ofBranch: branch) != nil
        var oldCommit: ObjectID? = base.oldTip
        if let oldTip = base.oldTip, !(walk.ids.isEmpty ? tip == oldTip : walk.oldest?.parentIDs.contains(oldTip) == true) {
            do {
                if try !repository.isAncestor(oldTip, of: tip) { oldCommit = try repository.mergeBase(oldTip, tip) }
            } catch {
                throw .git(error)
            }
        }
        if oldCommit == nil {
            if let oldest = walk.oldest { oldCommit = oldest.parentIDs.first { !walk.ids.contains($0) } } else { oldCommit = tip }
        }
        guard let oldCommit, oldCommit != tip else {
            guard announced else { return [] }
            return try gate.progressFindings(
                old: nil, new: newVersion, tip: tip, label: label, excluding: push.pushedTags, excludingCommit: true, monotonic: false)
        }
        let oldSnapshot = try gate.snapshot(at: oldCommit)
        let oldVersion = oldSnapshot.agreedVersion
        let changed = oldVersion.map { !$0.isIdentical(to: newVersion) } ?? oldSnapshot.isEmpty
        guard changed || announced else { return [] }
        return try gate.progressFindings(
            old: oldVersion, new: newVersion, tip: tip, label: label, excluding: push.pushedTags, excludingCommit: true,
            monotonic: changed)
    }

    /// Where the commits of a pushed branch that are new to the receiver begin.
    struct PushBase {
        /// Commits hidden from the walk (with their history).
        var hidden: [ObjectID]
        /// The branch's old tip when the push updates a branch whose old tip is known here.
        var oldTip: ObjectID?
    }

    /// Which commits of a pushed branch are new, and what the version is compared with.
    ///
    /// An update hides the old tip (and, in the walk, the receiver's refs). A branch that is new
    /// (or whose old tip was never fetched) relies on the receiver's refs alone; on a client
    /// whose remote has none here (a push to a URL, or a remote never fetched) the walk stops at
    /// `PrePushHook.forkPoint`. The receiving side knows exactly, so it never guesses.
    private func pushBase(of ref: PushedRef, tip: ObjectID, branch: String) throws(HookError) -> PushBase {
        var base = PushBase(hidden: [], oldTip: nil)
        if !ref.isNewOnRemote {
            let known: Bool
            do { known = try repository.contains(ref.remoteID) } catch { throw .git(error) }
            if known {
                base.hidden = [ref.remoteID]
                base.oldTip = ref.remoteID
            }
        }
        if base.hidden.isEmpty, let fork = try receiver.guessedBase(of: tip, branch: branch, localRef: ref.localRef, in: repository) {
            base.hidden = [fork]
        }
        return base
    }
}
