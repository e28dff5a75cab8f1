package import ShipshapeChangelog
package import ShipshapeDiagnostics
import ShipshapeGit
import ShipshapeVersioning
import ShipshapeModel

/// What `changelog-sync` should do with the result.
package enum ChangelogSyncMode: String, Sendable, Hashable {
    /// Write the file when it changes.
    case write
    /// Only compute the diff.
    case dryRun
    /// Only tell whether the file is out of date.
    case check
}

/// What a sync did or would do, ready for a front end to print.
package struct ChangelogSyncOutcome: Sendable {
    /// The changelog's path relative to the work tree root.
    package var path: String
    /// The mode it ran in.
    package var mode: ChangelogSyncMode
    /// The synchroniser's result (nil when the sync was skipped).
    package var result: SyncResult?
    /// Whether the file was written.
    package var wrote: Bool
    /// The unified diff of the change (dry run only; empty when nothing changes).
    package var diff: String
    /// The newest release tag of the repository, if any. It is not necessarily on HEAD's line
    /// (a maintenance branch lacks the newer tags): the Unreleased section holds the commits no
    /// release tag reaches, wherever the tags are.
    package var releaseTag: String?
    /// Whether only the commits after the marker were walked.
    package var incremental: Bool

    /// Whether the file is out of date (a sync would change it).
    package var outOfDate: Bool { result?.changed ?? false }

    /// 1 when `--check` finds the file out of date, else 0.
    package var exitStatus: Int32 { mode == .check && outOfDate ? 1 : 0 }

    /// Added and removed entry counts as a phrase: `3 entries added, 1 removed`.
    package var changeSummary: String {
        guard let result else { return "nothing to do" }
        var parts: [String] = []
        if !result.added.isEmpty { parts.append("\(result.added.count) \(result.added.count == 1 ? "entry" : "entries") added") }
        if !result.removed.isEmpty { parts.append("\(result.removed.count) removed") }
        if result.refreshed > 0 { parts.append("\(result.refreshed) re-pointed to rewritten commits") }
        return parts.isEmpty ? (result.changed ? "marker updated" : "up to date") : parts.joined(separator: ", ")
    }

    /// The human-readable report: one line, plus the number of skipped non-conventional commits.
    package func text() -> String {
        var line: String
        switch mode {
        case .write: line = "\(path): \(changeSummary)"
        case .dryRun: line = outOfDate ? "\(path): would change (\(changeSummary))" : "\(path): up to date"
        case .check: line = outOfDate ? "\(path) is out of date (\(changeSummary)); run changelog-sync" : "\(path) is up to date"
        }
        if let skipped = result?.skipped[.nonConventional], skipped > 0 {
            line += "; \(skipped) non-conventional commit\(skipped == 1 ? "" : "s") skipped"
        }
        return line + "\n"
    }

    /// The document: what a program reads (`path`, `mode`, `changed`, `written`, the entries
    /// added and removed, the counts, and the diff of a dry run), closed by the diff of a dry run
    /// and the one-line report.
    package var document: ReportDocument {
        var members: [(String, ReportValue)] = [
            ("path", .string(path)), ("mode", .string(mode.rawValue)), ("changed", .bool(outOfDate)), ("written", .bool(wrote)),
            ("incremental", .bool(incremental)), ("releaseTag", .optional(releaseTag)),
        ]
        if let result { members += facts(of: result) }
        if mode == .dryRun { members.append(("diff", .string(diff))) }
        return ReportDocument(body: .record(members), closingText: (mode == .dryRun ? diff : "") + text())
    }

    private func facts(of result: SyncResult) -> [(String, ReportValue)] {
        let added: [ReportValue] = result.added.map { entry in
            .record([("category", .string(entry.category)), ("commit", .string(entry.commit)), ("text", .string(entry.lines.joined(separator: "\n")))])
        }
        let skipped: [(String, ReportValue)] = [
            ("merge", .int(result.skipped[.merge] ?? 0)), ("ignored", .int(result.skipped[.ignored] ?? 0)),
            ("nonConventional", .int(result.skipped[.nonConventional] ?? 0)), ("ignoredScope", .int(result.skipped[.ignoredScope] ?? 0)),
        ]
        return [
            ("marker", .optional(result.document.syncedCommit)), ("markers", .strings(result.document.syncedCommits)),
            ("considered", .int(result.considered)), ("added", .list(added)), ("removed", .strings(result.removed)),
            ("refreshed", .int(result.refreshed)), ("dismissed", .int(result.dismissed)), ("skipped", .record(skipped)),
        ]
    }
}

/// `changelog-sync` / `shipshape changelog sync`: brings the Unreleased section of the work
/// tree's changelog up to date with HEAD's history.
///
/// Walks with libgit2, along HEAD's history, the commits after the marker (or, when there is
/// none or history was rewritten, after the latest release tag reachable from HEAD), hands them
/// to the pure `ChangelogSynchronizer`, and writes the result under a lock file in the git
/// directory, atomically (temporary file, fsync, rename), never through a symbolic link that
/// leads outside the work tree.
package enum ChangelogSyncUseCase {
    /// The lock file's name in the git directory.
    package static let lockName = "shipshape-changelog.lock"

    /// Runs a sync.
    ///
    /// - Parameters:
    ///   - directory: a directory inside the repository.
    ///   - mode: write, dry run or check.
    ///   - full: rebuild from the release tag instead of walking from the marker.
    ///   - settings: the changelog settings; nil reads `[changelog]` from `.shipshape.toml`.
    ///   - invocation: the environment.
    /// - Returns: what changed.
    /// - Throws: `ChangelogSyncError`.
    package static func run(
        directory: String, mode: ChangelogSyncMode, full: Bool = false, settings: ChangelogSettings? = nil,
        invocation: Invocation
    ) throws(ChangelogSyncError) -> ChangelogSyncOutcome {
        let found: Repository?
        do { found = try Repository.discover(startingAt: directory) } catch { throw .hook(.git(error)) }
        guard let repository = found else { throw .hook(.notARepository(path: directory)) }
        return try run(repository: repository, mode: mode, full: full, settings: Self.settings(settings, for: repository))
    }

    /// Runs a sync in an open repository (used by `post-merge`, which has one already).
    ///
    /// - Throws: `ChangelogSyncError`.
    static func run(
        repository: Repository, mode: ChangelogSyncMode, full: Bool, settings: ChangelogSettings
    ) throws(ChangelogSyncError) -> ChangelogSyncOutcome {
        guard let workTree = repository.workdir else { throw .bareRepository(path: repository.gitDirectory) }
        let (target, exists) = try ChangelogPath.resolve(settings.path, workTree: workTree, repository: repository)
        var lock: ChangelogLock?
        if mode == .write {
            lock = try ChangelogLock.acquire(FileSystem.join(repository.gitDirectory, lockName))
            // A run killed between creating its temporary file and renaming it left the file
            // behind; no other writer can be running now that we hold the lock.
            FileSystem.removeAtomicWriteLeftovers(of: target)
        }
        defer { lock?.release() }

        // Read, sync, and write only if the file is still the one read: an edit saved meanwhile
        // is synced too (the sync is redone from it), never overwritten.
        for _ in 0..<3 {
            let bytes = try current(target, exists: exists)
            var outcome = try compute(bytes, repository: repository, mode: mode, full: full, settings: settings)
            guard mode == .write, let result = outcome.result, result.changed else { return outcome }
            let newBytes = result.document.rendered()
            if exists && !ChangelogPath.isWritable(target) { throw .readOnly(path: settings.path) }
            // The new file is written and flushed first, so that only a rename follows the check
            // that the file is still the one read.
            let pending: FileSystem.PendingWrite
            do {
                if !exists { try FileSystem.createDirectory(FileSystem.directoryName(target)) }
                pending = try FileSystem.prepareAtomicWrite(newBytes, to: target, mode: ChangelogPath.mode(target) ?? 0o644)
            } catch {
                throw .hook(.file(error))
            }
            let unchanged: Bool
            do { unchanged = try current(target, exists: exists) == bytes } catch {
                pending.discard()
                throw error
            }
            guard unchanged else {
                pending.discard()
                continue
            }
            do { try pending.commit() } catch { throw .hook(.file(error)) }
            outcome.wrote = true
            return outcome
        }
        throw .changedDuringSync(path: settings.path)
    }

    /// The file's bytes now (nil when it does not exist).
    private static func current(_ target: String, exists: Bool) throws(ChangelogSyncError) -> [UInt8]? {
        guard exists || FileSystem.exists(target) else { return nil }
        do { return try FileSystem.read(target) } catch { throw .hook(.file(error)) }
    }

    /// One sync of the given bytes (nil: no file yet): the result, not written.
    private static func compute(
        _ bytes: [UInt8]?, repository: Repository, mode: ChangelogSyncMode, full: Bool, settings: ChangelogSettings
    ) throws(ChangelogSyncError) -> ChangelogSyncOutcome {
        var original: ChangelogDocument?
        let originalBytes = bytes ?? []
        if let bytes {
            do { original = try ChangelogDocument(parsing: bytes, path: settings.path) } catch { throw .document(error) }
        }
        let plan: SyncPlan
        do { plan = try SyncPlan.make(repository: repository, markers: original?.syncedCommits ?? [], full: full, settings: settings) } catch {
            if repository.isShallow { throw .hook(.shallowRepository(error)) }
            throw .hook(.git(error))
        }
        let url: String?
        if let configured = settings.repositoryURL {
            url = configured
        } else {
            url = (try? repository.configString("remote.origin.url")).flatMap { $0 }.flatMap(repositoryWebURL(fromRemote:))
        }
        var result = ChangelogSynchronizer(settings: settings, repositoryURL: url).sync(original, plan.request)
        if original == nil { result.changed = true }
        let newBytes = result.document.rendered()
        return ChangelogSyncOutcome(
            path: settings.path, mode: mode, result: result, wrote: false,
            diff: result.changed && mode == .dryRun ? unifiedDiff(old: originalBytes, new: newBytes, path: settings.path) : "",
            releaseTag: plan.releaseTag, incremental: plan.incremental)
    }
}
