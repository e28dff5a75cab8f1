import ShipshapeChangelog
import ShipshapeGit

/// What the merge driver did.
package struct ChangelogMergeOutcome: Sendable, Hashable {
    /// Whether conflict markers were written (git then reports a conflict in the file).
    package var conflicted: Bool
    /// A line for standard error, or nil.
    package var warning: String?

    /// 0 for a clean merge, 1 when conflicts remain (git's merge-driver contract).
    package var exitStatus: Int32 { conflicted ? 1 : 0 }
}

/// git's merge driver for the changelog (`changelog-sync --merge %O %A %B`): registered by
/// `shipshape install` as `merge.shipshape-changelog.driver` with the changelog path in
/// `.git/info/attributes`, so two teammates who each sync and commit merge without conflict.
///
/// git gives the three versions as temporary files and expects the result in the second one,
/// exit 0 when clean. A side that is no readable changelog (or a conflict outside the Unreleased
/// section) falls back to a line-by-line merge with git's conflict markers and exit 1, as git's
/// own driver would give.
package enum ChangelogMergeDriver {
    /// Merges `ours` with `theirs` into `ours`.
    ///
    /// - Parameters:
    ///   - base: the common ancestor's temporary file (`%O`).
    ///   - ours: our side's temporary file, which receives the result (`%A`).
    ///   - theirs: their side's temporary file (`%B`).
    ///   - invocation: working directory (the work tree root during a merge).
    /// - Returns: whether conflicts remain.
    /// - Throws: `ChangelogSyncError` when a file cannot be read or written.
    package static func run(base: String, ours: String, theirs: String, invocation: Invocation) throws(ChangelogSyncError) -> ChangelogMergeOutcome {
        let settings = (try? configuredSettings(invocation)) ?? ChangelogSettings()
        var bytes: [[UInt8]] = []
        for path in [base, ours, theirs] {
            do { bytes.append(try FileSystem.read(path)) } catch { throw .hook(.file(error)) }
        }
        var outcome = ChangelogMergeOutcome(conflicted: false, warning: nil)
        var result: [UInt8]
        do {
            let documents = try bytes.map { (b: [UInt8]) throws(ChangelogError) in try ChangelogDocument(parsing: b, path: settings.path) }
            let merged = try ChangelogMerge(settings: settings).merge(base: documents[0], ours: documents[1], theirs: documents[2])
            result = merged.bytes
            outcome.conflicted = merged.conflicted
        } catch {
            outcome.warning = "shipshape: \(settings.path) merged line by line: \(error)"
            let lines = bytes.map { String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            let plain = threeWayMerge(base: lines[0], ours: lines[1], theirs: lines[2])
            result = Array(plain.lines.joined(separator: "\n").utf8)
            outcome.conflicted = plain.conflicted
        }
        do { try FileSystem.writeAtomically(result, to: ours) } catch { throw .hook(.file(error)) }
        return outcome
    }

    private static func configuredSettings(_ invocation: Invocation) throws -> ChangelogSettings {
        guard let repository = try Repository.discover(startingAt: invocation.workingDirectory) else { return ChangelogSettings() }
        return try ChangelogSyncUseCase.settings(nil, for: repository)
    }
}
