package import ShipshapeDiagnostics
import ShipshapeGit
package import ShipshapeVersioning
import ShipshapeConfiguration
import ShipshapeModel

/// What `shipshape check` found at a commit.
package struct CheckOutcome: Sendable {
    /// The full id of the checked commit.
    package var commit: String
    /// The version the sources agree on, nil when they disagree, are invalid or absent.
    package var version: SemanticVersion?
    /// The readings the version came from.
    package var readings: [VersionReading]
    /// The findings of checks 1, 2 and 6.
    package var findings: [Finding]

    /// Creates an outcome.
    package init(commit: String, version: SemanticVersion?, readings: [VersionReading], findings: [Finding]) {
        self.commit = commit
        self.version = version
        self.readings = readings
        self.findings = findings
    }

    /// Whether no error-level finding was made.
    package var ok: Bool { !findings.contains { $0.severity == .error } }

    /// 1 with an error-level finding, else 0.
    package var exitStatus: Int32 { ok ? 0 : 1 }

    /// The document: the commit as a subject, with `version` and `sources`, and the summary.
    package var document: ReportDocument {
        let subject = SubjectReport(origin: "commit \(commit.prefix(7))", commit: commit, findings: findings)
        let facts: [(String, ReportValue)] = [("version", .optional(version?.description)), ("sources", readings.reportValue)]
        return ReportDocument(body: .subject(subject, facts: facts), closing: [summary])
    }

    /// A one-line summary for text output.
    package var summary: String {
        let sources = readings.map(\.path).joined(separator: ", ")
        if readings.isEmpty { return "no version files found at \(commit.prefix(7))" + (ok ? "" : "; version checks failed") }
        if ok { return "version \(version.map(\.description) ?? "?") (\(sources)): ok" }
        let count = findings.filter { $0.severity == .error }.count
        return "version checks failed: \(count) error\(count == 1 ? "" : "s") (\(sources))"
    }
}

/// `shipshape check`: the version checks of the pre-push gate on one commit, without pushing,
/// with the same verdict pre-push gives when it pushes that commit.
package enum CheckUseCase {
    /// Runs the version checks at a revision.
    ///
    /// Agreement and validity always; `branch-matches` for the branch checked out when the
    /// revision is `HEAD` (or for the branch the revision names); and, when the version differs
    /// from the first parent's (as pre-push sees a version change), `version-monotonic` and
    /// `bump-level` on the release history: the previous release is the highest one below the
    /// version wherever its tag is, and the commits a bump must account for are those in no
    /// release yet. A release or hotfix branch is bump-checked even without a change. Tags on
    /// the commit itself do not count, so a tagged release is checked against the one before.
    ///
    /// - Parameters:
    ///   - revision: the commit to check (`HEAD`, a branch, a tag, an id).
    ///   - directory: a directory inside the repository.
    ///   - invocation: environment.
    ///   - settings: version settings; nil reads them from `.shipshape.toml`.
    /// - Returns: the outcome.
    /// - Throws: `HookError` outside a repository, for an unknown revision or a broken repository.
    package static func run(
        revision: String, directory: String, invocation: Invocation, settings given: VersionSettings? = nil
    ) throws(HookError) -> CheckOutcome {
        let context = try RepositoryContext.load(from: directory, invocation: invocation, requireRepository: true)
        let settings = given ?? context.configuration.prePushSettings
        guard let repository = context.repository else { throw .notARepository(path: directory) }
        let commit = try resolve(revision, in: repository)
        let gate = VersionGate(repository: repository, settings: settings)
        let snapshot = try gate.snapshot(at: commit)
        let label = commit.short()
        var findings = VersionChecks.agreement(snapshot, commit: label, settings: settings)
        findings += VersionChecks.validity(snapshot, commit: label, settings: settings)
        let branch = checkedBranch(revision, in: repository)
        if let branch {
            findings += VersionChecks.branchMatches(branch: branch, commit: label, snapshot: snapshot, settings: settings)
        }
        if let version = snapshot.agreedVersion {
            findings += try progressFindings(
                version: version, at: commit, label: label, announces: branch.flatMap(settings.announcedVersion(ofBranch:)) != nil,
                gate: gate, repository: repository)
        }
        return CheckOutcome(commit: commit.hex, version: snapshot.agreedVersion, readings: snapshot.readings, findings: findings)
    }

    /// Checks 5 and 6 when the commit changes the version (against its first parent), or only
    /// check 6 on a branch that announces a version.
    private static func progressFindings(
        version: SemanticVersion, at commit: ObjectID, label: String, announces: Bool, gate: VersionGate, repository: Repository
    ) throws(HookError) -> [Finding] {
        let parent: ObjectID?
        do { parent = try repository.commit(commit).parentIDs.first } catch { throw .git(error) }
        var old: SemanticVersion?
        var changed = true
        if let parent {
            let before = try gate.snapshot(at: parent)
            old = before.agreedVersion
            changed = old.map { !$0.isIdentical(to: version) } ?? before.isEmpty
        }
        if changed {
            return try gate.progressFindings(old: old, new: version, tip: commit, label: label, excluding: [], excludingCommit: true)
        }
        guard announces else { return [] }
        return try gate.progressFindings(
            old: old, new: version, tip: commit, label: label, excluding: [], excludingCommit: true, monotonic: false)
    }

    /// The commit a revision names.
    private static func resolve(_ revision: String, in repository: Repository) throws(HookError) -> ObjectID {
        do { return try repository.resolve(revision) } catch {
            if revision == "HEAD", case let .unborn(branch)? = try? repository.head() {
                throw .usage("the branch \(branch) has no commits yet, so there is no version to check; commit first, then run shipshape check")
            }
            throw .resolving(revision, error)
        }
    }

    /// The branch whose name the revision is checked against: the checked-out branch for
    /// `HEAD`, the branch a revision names (`release/v1.2.0`), else none.
    private static func checkedBranch(_ revision: String, in repository: Repository) -> String? {
        if revision == "HEAD" {
            if case let .branch(name, _)? = try? repository.head() { return name }
            return nil
        }
        return (try? repository.resolve("refs/heads/" + revision)) == nil ? nil : revision
    }
}
