import ShipshapeConfiguration
package import ShipshapeDiagnostics
import ShipshapeGit
import ShipshapeModel

/// `shipshape verify`: the ref-update check from a CI job, on a clone that already has the
/// pushed commits (GitHub Actions, GitLab CI), or anywhere the updates are known.
///
/// The updates come as `<old> <new> <ref>` lines (git's pre-receive input) or one update from
/// the command line. What the receiver had before the push is every ref of the clone that
/// contains none of the new tips (`ReceiverView.independentOf(_:in:)`), so the pushed branch's
/// own commits are new and the rest of history is not. The configuration is the trusted one
/// (`TrustedConfiguration`): `--config FILE`, `git config shipshape.config`, or `.shipshape.toml`
/// from the default branch before the push (`--default-branch NAME`, else
/// `refs/remotes/origin/HEAD`, `HEAD` when on a branch, `main`, `master`). The checks are
/// `RefUpdateCheck`'s, the same as pre-push's and pre-receive's.
package enum VerifyUseCase {
    /// What the check found, ready to print.
    package struct Outcome: Sendable {
        /// One report per ref with findings, its origin the full ref name.
        package var reports: [SubjectReport]
        /// The closing lines: one per refused ref, then the verdict.
        package var summary: [String]
        /// The updates checked.
        package var updates: [PushedRef]
        /// Where the configuration came from.
        package var configurationSource: String

        /// 1 when a ref is refused, else 0.
        package var exitStatus: Int32 { reports.contains { !$0.isValid } ? 1 : 0 }

        /// The document: `valid`, `configuration`, one subject per update (with `ref`, `old` and
        /// `new`) and `summary`; the summary lines close it.
        package var document: ReportDocument {
            let refs: [ReportValue] = updates.map { update in
                let report = reports.first { $0.origin == update.remoteRef } ?? SubjectReport(origin: update.remoteRef)
                return .subject(
                    report, facts: [("ref", .string(update.remoteRef)), ("old", .string(update.remoteID.hex)), ("new", .string(update.localID.hex))])
            }
            let body = ReportValue.record([
                ("valid", .bool(exitStatus == 0)), ("configuration", .string(configurationSource)), ("refs", .list(refs)),
                ("summary", .string(summary.last ?? "")),
            ])
            return ReportDocument(body: body, closing: summary)
        }
    }

    /// Runs the check.
    ///
    /// - Parameters:
    ///   - updates: the ref updates.
    ///   - directory: a directory inside the repository.
    ///   - configPath: `--config FILE`, which wins over the repository's configuration.
    ///   - defaultBranch: `--default-branch NAME`.
    ///   - invocation: environment.
    /// - Returns: the reports and summary.
    /// - Throws: `HookError` when the repository or the configuration cannot be read, or a new
    ///   commit is not in the repository (a shallow clone, or a fetch that missed it).
    package static func run(
        updates: [PushedRef], directory: String, configPath: String?, defaultBranch: String?, invocation: Invocation
    ) throws(HookError) -> Outcome {
        let found: Repository?
        do { found = try Repository.discover(startingAt: directory) } catch { throw .git(error) }
        guard let repository = found else { throw .notARepository(path: directory) }
        var candidates = ["refs/remotes/origin/HEAD", "HEAD"]
        if let defaultBranch {
            let name = defaultBranch.hasPrefix("refs/heads/") ? String(defaultBranch.dropFirst(11)) : defaultBranch
            candidates = ["refs/remotes/origin/\(name)", "refs/heads/\(name)"]
        } else {
            candidates += ["refs/remotes/origin/main", "refs/heads/main", "refs/remotes/origin/master", "refs/heads/master"]
        }
        let trusted = try TrustedConfiguration.load(
            repository: repository, updates: updates, defaultBranchRefs: candidates, explicitPath: configPath)
        let updates = try updates.map { (update: PushedRef) throws(HookError) -> PushedRef in try taggedObject(of: update, in: repository) }
        var tips: [ObjectID] = []
        for update in updates where !update.isDeletion {
            let present: Bool
            do { present = try repository.contains(update.localID) } catch { throw .git(error) }
            guard present else {
                throw .usage("shipshape verify: \(update.remoteRef)'s new commit \(update.localID.hex) is not in this repository; fetch it first (in GitHub Actions: actions/checkout with fetch-depth: 0; in GitLab CI: GIT_DEPTH: 0)")
            }
            do {
                tips.append(try repository.peeledCommit(update.localID).commit)
            } catch where error.kind == .wrongObjectType {
                continue
            } catch {
                throw .git(error)
            }
        }
        let check = try RefUpdateCheck(
            repository: repository, configuration: trusted.configuration, settings: trusted.configuration.prePushSettings,
            receiver: try .independentOf(tips, in: repository))
        var result = try check.run(updates)
        result.reports = try PushedConfigurationCheck.adding(
            to: result.reports, updates: updates, defaultBranch: trusted.defaultBranch, repository: repository)
        return Outcome(
            reports: result.reports, summary: PreReceiveHook.verdict(result, program: "shipshape verify", source: trusted.source, wholePush: false),
            updates: updates, configurationSource: trusted.source)
    }

    /// A tag update whose new value names the tagged commit rather than the tag (GitLab's
    /// `CI_COMMIT_SHA`), with the clone's tag of that name pointing at that commit: the tag's own
    /// object, so an annotated tag is not taken for a lightweight one.
    private static func taggedObject(of update: PushedRef, in repository: Repository) throws(HookError) -> PushedRef {
        guard update.isTag, !update.isDeletion else { return update }
        do {
            guard let local = try repository.references(matching: update.remoteRef).first(where: { $0.name == update.remoteRef }),
                local.target != update.localID,
                try repository.peeledCommit(local.target).commit == update.localID
            else { return update }
            var resolved = update
            resolved.localID = local.target
            return resolved
        } catch {
            return update
        }
    }
}
