package import ShipshapeDiagnostics
import ShipshapeGit
package import ShipshapeVersioning
import ShipshapeConfiguration

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

    /// The JSON form: `ok`, `commit`, `version`, `sources` and `failures` (error-level findings
    /// as objects with `rule`, `message` and `help`, the key names of `shipshape lint`),
    /// `warnings` likewise.
    package var json: JSONValue {
        func object(_ finding: Finding) -> JSONValue {
            var members: [(String, JSONValue)] = [("rule", .string(finding.rule)), ("message", .string(finding.message))]
            if let help = finding.help { members.append(("help", .string(help))) }
            return .object(members)
        }
        return .object([
            ("ok", .bool(ok)),
            ("commit", .string(commit)),
            ("version", version.map { .string($0.description) } ?? .null),
            ("sources", .array(readings.map { .object([("path", .string($0.path)), ("line", .int($0.line)), ("version", .string($0.text))]) })),
            ("failures", .array(findings.filter { $0.severity == .error }.map(object))),
            ("warnings", .array(findings.filter { $0.severity == .warning }.map(object))),
        ])
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

/// `shipshape check`: the version checks of the pre-push gate (agreement, validity, bump level)
/// on one commit, without pushing.
package enum CheckUseCase {
    /// Runs checks 1, 2 and 6 at a revision.
    ///
    /// The bump level is checked against the latest non-pre-release tag in the commit's history
    /// (a tag on the commit itself does not count, so a tagged release is checked against the
    /// release before it) when the version differs from that tag.
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
        let commit: ObjectID
        do { commit = try repository.resolve(revision) } catch {
            if revision == "HEAD", case let .unborn(branch)? = try? repository.head() {
                throw .usage("the branch \(branch) has no commits yet, so there is no version to check; commit first, then run shipshape check")
            }
            throw .resolving(revision, error)
        }
        let gate = VersionGate(repository: repository, settings: settings)
        let snapshot = try gate.snapshot(at: commit)
        let label = commit.short()
        var findings = VersionChecks.agreement(snapshot, commit: label, settings: settings)
        findings += VersionChecks.validity(snapshot, commit: label, settings: settings)
        if let version = snapshot.agreedVersion {
            findings += try gate.progressFindings(
                old: nil, new: version, tip: commit, label: label, excluding: [], excludingCommit: true, monotonic: false)
        }
        return CheckOutcome(commit: commit.hex, version: snapshot.agreedVersion, readings: snapshot.readings, findings: findings)
    }
}
