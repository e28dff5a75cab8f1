import ShipshapeDiagnostics
import ShipshapeGit
import ShipshapeMessage
import ShipshapePatterns
import ShipshapePolicy
import ShipshapeVersioning
import ShipshapeModel

/// Walks the commits of a pushed ref that are new to the remote and lints each message once
/// per push (check 7, message rules).
final class NewCommitWalker {
    /// What a walk found.
    struct Walk {
        /// The new commits that are fixup!/squash!/amend! or WIP commits, oldest first (all that
        /// `VersionChecks.temporaryCommits` reports; keeping every new commit's parsed message
        /// cost ~8 MiB on a push of 10,000 commits).
        var temporaryCommits: [CommitInfo] = []
        /// Their ids.
        var ids: Set<ObjectID> = []
        /// The oldest new commit.
        var oldest: Commit?
        /// One finding per commit that breaks the message rules (and was not linted before).
        var findings: [Finding] = []
    }

    let repository: Repository
    let remote: ReceiverView
    let lintSettings: LintSettings
    let settings: VersionSettings
    let linter: Linter
    private var linted: Set<ObjectID> = []
    private var walked: Set<ObjectID> = []

    /// The number of distinct commits walked so far (for the summary line).
    var walkedCount: Int { walked.count }

    /// Creates a walker for one push.
    init(repository: Repository, remote: ReceiverView, lintSettings: LintSettings, settings: VersionSettings) {
        self.repository = repository
        self.remote = remote
        self.lintSettings = lintSettings
        self.settings = settings
        linter = Linter(settings: lintSettings)
    }

    /// Walks `tip`'s history, hiding `hidden` and what the receiver has, oldest first.
    ///
    /// - Throws: `HookError.git` when the history cannot be read, `.pattern` when a rule's
    ///   pattern fails.
    func walk(to tip: ObjectID, hiding hidden: [ObjectID]) throws(HookError) -> Walk {
        var result = Walk()
        let lintEnabled = settings.isEnabled(.pushedCommitLint)
        var lintFailure: HookError?
        do throws(GitError) {
            try repository.walkCommits(
                CommitRange(excluded: hidden + remote.hiddenCommits, included: [tip], excludedReferenceGlobs: remote.globs), order: .oldestFirst
            ) { commit in
                if result.oldest == nil { result.oldest = commit }
                result.ids.insert(commit.id)
                walked.insert(commit.id)
                let cleaned = VersionGate.cleanedMessage(of: commit)
                let shortID = commit.id.short()
                // The message is parsed once: by the linter when the commit is linted, else here.
                guard lintEnabled, linted.insert(commit.id).inserted,
                    !lintSettings.ignores.botAuthors.contains(where: { $0 == commit.authorName || $0 == commit.authorEmail })
                else {
                    let info = CommitInfo(shortID: shortID, message: cleaned)
                    if VersionChecks.temporaryCommitKind(info.subject) != nil { result.temporaryCommits.append(info) }
                    return .continue
                }
                do throws(PatternError) {
                    let report = try linter.lint(cleaned)
                    let info = CommitInfo(shortID: shortID, subject: report.parsed.header ?? "", parsed: report.parsed)
                    if VersionChecks.temporaryCommitKind(info.subject) != nil { result.temporaryCommits.append(info) }
                    if let finding = VersionChecks.pushedCommit(info, ruleFindings: report.findings, settings: settings) {
                        result.findings.append(finding)
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
        return result
    }
}
