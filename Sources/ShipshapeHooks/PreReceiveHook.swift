import ShipshapeConfiguration
import ShipshapeDiagnostics
import ShipshapeGit
import ShipshapeModel

/// The `pre-receive` hook: the ref-update check on the server, where a client cannot skip it.
///
/// git runs it in the receiving repository once per push, with one `<old> <new> <ref>` line per
/// ref on standard input, before it updates any ref; exit 1 refuses the whole push (git's
/// semantics: no ref is updated, even the good ones). The pushed objects are still in git's
/// quarantine directory, which the repository sees because it is opened from git's environment
/// (`GIT_DIR`, `GIT_OBJECT_DIRECTORY`, `GIT_ALTERNATE_OBJECT_DIRECTORIES`). What the server
/// already has is exact (every ref before the push), the configuration is the trusted one
/// (`TrustedConfiguration`), and the checks are `RefUpdateCheck`'s, the same as pre-push's.
/// Output goes to standard error, which git relays to the pusher as `remote:` lines: no colour
/// unless `git config shipshape.color always` is set in the server repository.
package enum PreReceiveHook {
    /// What the hook decided and how to print it.
    package struct Outcome: Sendable {
        /// The reports and the closing lines (one per refused ref, then the verdict).
        package var outcome: HookOutcome
        /// Whether the server asked for colour (`shipshape.color`).
        package var color: Bool
    }

    /// Runs the hook.
    ///
    /// - Parameters:
    ///   - input: standard input.
    ///   - invocation: the working directory (git runs the hook in the git directory).
    /// - Returns: the outcome; exit status 1 when any ref is refused.
    /// - Throws: `HookError` for malformed input, an unreadable repository or an invalid trusted
    ///   configuration (exit 2: git refuses the push too).
    package static func run(input: [UInt8], invocation: Invocation) throws(HookError) -> Outcome {
        let updates = try ReceivedUpdateInput.parse(input, program: "pre-receive")
        let live = updates.filter { !$0.isDeletion }
        if live.isEmpty {
            let deleted = updates.count
            let line = deleted == 0 ? "pre-receive: nothing to check" : "pre-receive: ok (\(deleted) deletion\(deleted == 1 ? "" : "s"), nothing to check)"
            return Outcome(outcome: HookOutcome(reports: [], advice: [line]), color: false)
        }
        // Honouring git's environment (GIT_DIR, GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES)
        // makes the quarantined objects visible; opening "." alone does not find them.
        let found: Repository?
        do { found = try Repository.discover(startingAt: invocation.workingDirectory, honoringEnvironment: true) } catch { throw .git(error) }
        guard let repository = found else { throw .notARepository(path: invocation.workingDirectory) }
        let trusted = try TrustedConfiguration.load(repository: repository, updates: updates, defaultBranchRefs: ["HEAD"])
        let check = try RefUpdateCheck(
            repository: repository, configuration: trusted.configuration, settings: trusted.configuration.prePushSettings,
            receiver: try .receivingRepository(repository))
        var result = try check.run(updates)
        result.reports = try PushedConfigurationCheck.adding(
            to: result.reports, updates: updates, defaultBranch: trusted.defaultBranch, repository: repository)
        let color = ((try? repository.configString("shipshape.color")) ?? nil).map { ["always", "true", "yes", "on", "1"].contains($0.lowercased()) } ?? false
        return Outcome(outcome: HookOutcome(reports: result.reports, advice: verdict(result, program: "pre-receive", source: trusted.source)), color: color)
    }

    /// The closing lines: one per refused ref, then what happened to the push.
    ///
    /// - Parameters:
    ///   - result: the check's result.
    ///   - program: the line prefix.
    ///   - source: where the configuration came from.
    ///   - wholePush: say that git refuses the whole push (pre-receive's exit 1).
    /// - Returns: the lines, without newlines.
    static func verdict(_ result: RefUpdateCheck.Result, program: String, source: String, wholePush: Bool = true) -> [String] {
        let refs = result.checkedRefs + result.deletions
        let scope = "\(refs) ref\(refs == 1 ? "" : "s"), \(result.newCommits) new commit\(result.newCommits == 1 ? "" : "s") checked"
        let warnings = result.warningCount
        let refused = result.refusedRefs
        let rules = "\(program): rules from \(source)"
        guard !refused.isEmpty else {
            return ["\(program): ok (\(scope)\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")); \(rules.dropFirst(program.count + 2))"]
        }
        var lines: [String] = refused.map { report in
            let errors = report.errors.count
            let names = Set(report.errors.map(\.rule)).sorted().joined(separator: ", ")
            return "\(program): refused \(report.origin): \(errors) error\(errors == 1 ? "" : "s") (\(names))"
        }
        lines.append(rules)
        let errors = result.errorCount
        let counts = "\(errors) error\(errors == 1 ? "" : "s") in \(refused.count) of \(refs) ref\(refs == 1 ? "" : "s") (\(scope))"
        lines.append(
            wholePush
                ? "\(program): push refused: \(counts); git updates no ref of a refused push, not even the ones without errors: fix them and push again"
                : "\(program): failed: \(counts)")
        return lines
    }
}
