import ShipshapeChangelog
import ShipshapeConfiguration
import ShipshapeGit
import ShipshapeModel
import ShipshapeVersioning

/// A file the release commands change: its path in the work tree and its bytes before and after.
package struct FileChange: Sendable, Hashable {
    /// The path relative to the work tree root.
    package var path: String
    /// The bytes before (empty for a new file).
    package var old: [UInt8]
    /// The bytes after.
    package var new: [UInt8]
    /// Whether the file exists before.
    package var existed: Bool
}

/// The repository a release command works in, read once: its configuration, HEAD, the version
/// files at HEAD and the release history. Reads go through libgit2; writes of history through
/// `GitProcess`.
package final class ReleaseWorkspace {
    let repository: Repository
    let configuration: ShipshapeConfiguration
    let settings: VersionSettings
    let release: ReleaseSettings
    let gate: VersionGate
    let git: GitProcess
    let workTree: String
    /// The branch checked out, nil when HEAD is detached.
    let branch: String?
    /// HEAD's commit.
    let head: ObjectID

    /// Opens the repository around a directory.
    ///
    /// - Throws: `ReleaseError.hook` outside a repository, in a bare one or an empty one.
    package init(directory: String, invocation: Invocation) throws(ReleaseError) {
        let context: RepositoryContext
        do { context = try RepositoryContext.load(from: directory, invocation: invocation, requireRepository: true) } catch {
            throw .hook(error)
        }
        guard let repository = context.repository else { throw .hook(.notARepository(path: directory)) }
        guard let workTree = repository.workdir else {
            throw .hook(.usage("the release commands need a work tree; \(repository.gitDirectory) is a bare repository"))
        }
        let headState: HeadState
        do { headState = try repository.head() } catch { throw .hook(.git(error)) }
        guard let head = headState.commit else {
            throw .hook(.usage("the branch has no commits yet; commit first, then release"))
        }
        self.repository = repository
        configuration = context.configuration
        settings = context.configuration.prePushSettings
        release = context.configuration.release
        gate = VersionGate(repository: repository, settings: settings)
        git = GitProcess(directory: workTree)
        self.workTree = workTree.hasSuffix("/") ? String(workTree.dropLast()) : workTree
        if case let .branch(name, _) = headState { branch = name } else { branch = nil }
        self.head = head
    }

    /// The release history.
    func releases() throws(ReleaseError) -> ReleaseGraph {
        do { return try gate.releases() } catch { throw .hook(error) }
    }

    /// The version files at HEAD.
    func snapshot() throws(ReleaseError) -> VersionSnapshot {
        do { return try gate.snapshot(at: head) } catch { throw .hook(error) }
    }

    /// Refuses uncommitted changes to tracked files (untracked files are fine).
    func requireCleanWorkTree() throws(ReleaseError) {
        let status: GitProcess.Result
        do { status = try git.run(["status", "--porcelain", "--untracked-files=no"], capture: true) } catch { throw .hook(error) }
        guard status.status == 0 else {
            throw .stepFailed(step: "git status", status: status.status, state: "nothing changed")
        }
        let files = status.output.split(separator: "\n").map { String($0.dropFirst(3)) }
        if !files.isEmpty { throw .dirtyWorkTree(files: files) }
    }

    /// The version the files agree on, or the refusal that names the files that disagree.
    ///
    /// - Parameter force: with disagreeing files, take the highest version and set them all.
    func agreedVersion(_ snapshot: VersionSnapshot, force: Bool) throws(ReleaseError) -> SemanticVersion {
        if snapshot.isEmpty { throw .noVersionFiles }
        if let version = snapshot.agreedVersion { return version }
        let parsed = snapshot.readings.compactMap(\.version)
        if force, let highest = parsed.max() { return highest }
        throw .versionFilesDisagree(details: snapshot.readings.map { "\($0.location) holds \($0.text)" } + snapshot.sourceErrors.map(\.description))
    }

    /// The version files set to a version: only the bytes of each value change.
    ///
    /// - Throws: `ReleaseError.hook` when a file cannot be read, or differs in the work tree from
    ///   the commit (the ranges would not apply).
    func versionFileChanges(_ snapshot: VersionSnapshot, to version: SemanticVersion) throws(ReleaseError) -> [FileChange] {
        var byPath: [String: [VersionReading]] = [:]
        var order: [String] = []
        for reading in snapshot.readings {
            if byPath[reading.path] == nil { order.append(reading.path) }
            byPath[reading.path, default: []].append(reading)
        }
        var changes: [FileChange] = []
        for path in order {
            let readings = byPath[path]!
            let committed: [UInt8]?
            do { committed = try gate.blob(at: path, in: head) } catch { throw .hook(error) }
            let current = try readWorkTree(path)
            guard let committed, committed == current else {
                throw .hook(.usage("\(path) in the work tree differs from the commit (a line-ending filter?); commit it as it is, then release"))
            }
            let values = readings.compactMap { reading in reading.byteRange.map { (range: $0, text: reading.text) } }
            guard values.count == readings.count else {
                throw .hook(.usage("\(path) is not valid UTF-8, so its version cannot be edited in place; set it to \(version) by hand"))
            }
            let new = VersionFileEdit.setting(version, in: committed, values: values)
            if new != committed { changes.append(FileChange(path: path, old: committed, new: new, existed: true)) }
        }
        return changes
    }

    /// A work-tree file's bytes (empty when missing).
    func readWorkTree(_ path: String) throws(ReleaseError) -> [UInt8] {
        let full = workTree + "/" + path
        guard FileSystem.exists(full) else { return [] }
        do { return try FileSystem.read(full) } catch { throw .hook(.file(error)) }
    }

    /// The changelog synced with the unreleased commits, as a document (not written).
    func syncedChangelog() throws(ReleaseError) -> (document: ChangelogDocument, old: [UInt8], existed: Bool) {
        let path = configuration.changelog.path
        let old = try readWorkTree(path)
        let outcome: ChangelogSyncOutcome
        do {
            outcome = try ChangelogSyncUseCase.run(repository: repository, mode: .dryRun, full: false, settings: configuration.changelog)
        } catch {
            throw .changelog(error)
        }
        guard let document = outcome.result?.document else { throw .hook(.usage("\(path) could not be synced")) }
        return (document, old, FileSystem.exists(workTree + "/" + path))
    }

    /// Writes changes atomically (temporary file, fsync, rename), each file's mode kept.
    func write(_ changes: [FileChange]) throws(ReleaseError) {
        for change in changes {
            let full = workTree + "/" + change.path
            do {
                try FileSystem.createDirectory(FileSystem.directoryName(full))
                try FileSystem.writeAtomically(change.new, to: full, mode: ChangelogPath.mode(full) ?? 0o644)
            } catch {
                throw .hook(.file(error))
            }
        }
    }

    /// Puts files back as they were before `write`.
    func restore(_ changes: [FileChange]) {
        for change in changes {
            let full = workTree + "/" + change.path
            if change.existed {
                try? FileSystem.writeAtomically(change.old, to: full, mode: ChangelogPath.mode(full) ?? 0o644)
            } else {
                try? FileSystem.remove(full)
            }
        }
    }

    /// Runs a git step, passing its output through.
    @discardableResult
    func run(_ arguments: [String]) throws(ReleaseError) -> Int32 {
        do { return try git.run(arguments).status } catch { throw .hook(error) }
    }

    /// The commit a revision names, or nil.
    func resolve(_ revision: String) -> ObjectID? { try? repository.resolve(revision) }

    /// Whether a local branch exists.
    func branchExists(_ name: String) -> Bool { resolve("refs/heads/" + name) != nil }
}
