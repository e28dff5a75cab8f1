import ShipshapeGit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where to write the changelog: the real path, refused when it leaves the work tree, leads into
/// the git directory, or names a tracked file that is not checked out.
enum ChangelogPath {
    /// Resolves `relative` under the repository's work tree, as `resolve(_:workTree:)` does, and
    /// also refuses:
    /// - a path or link target inside the git directory (`.git`, the common directory of a
    ///   linked worktree, the target of a `gitdir:` file): writing there breaks git (Markdown in
    ///   `.git/config`) or creates a hook;
    /// - a path HEAD tracks that is missing from the work tree (left out by a sparse checkout,
    ///   or deleted): a new file would replace the released history at the next commit.
    ///
    /// - Parameters:
    ///   - relative: the configured path.
    ///   - workTree: the repository's work tree root.
    ///   - repository: the repository, for its git directories and HEAD.
    /// - Returns: the path to read and write, and whether a file exists.
    /// - Throws: `ChangelogSyncError`.
    static func resolve(
        _ relative: String, workTree: String, repository: Repository
    ) throws(ChangelogSyncError) -> (path: String, exists: Bool) {
        let resolved = try resolve(relative, workTree: workTree)
        let requested = FileSystem.join(workTree, relative)
        for gitDirectory in gitDirectories(of: repository, workTree: workTree) {
            let real = realPath(gitDirectory) ?? gitDirectory
            // The nearest existing folder decides for a new file, as in `resolve(_:workTree:)`.
            if resolved.path == real || resolved.path.hasPrefix(real + "/") {
                throw .insideGitDirectory(path: requested, target: resolved.path, gitDirectory: real)
            }
        }
        if !resolved.exists {
            let tracked = try isTracked(relative, in: repository)
            if tracked { throw .notCheckedOut(path: relative) }
        }
        return resolved
    }

    /// The git directory, the common directory and what the work tree's `.git` entry names.
    private static func gitDirectories(of repository: Repository, workTree: String) -> [String] {
        var directories = [repository.gitDirectory, repository.commonDirectory, FileSystem.join(workTree, ".git")]
        let gitFile = FileSystem.join(workTree, ".git")
        if FileSystem.isRegularFile(gitFile), let bytes = try? FileSystem.read(gitFile) {
            let text = String(decoding: bytes, as: UTF8.self)
            if text.hasPrefix("gitdir:") {
                let line = text.dropFirst("gitdir:".count).prefix { $0 != "\n" && $0 != "\r" }
                let target = String(line.drop { $0 == " " || $0 == "\t" })
                if !target.isEmpty { directories.append(FileSystem.join(workTree, target)) }
            }
        }
        return directories
    }

    /// Whether HEAD's tree has a file at `relative`.
    private static func isTracked(_ relative: String, in repository: Repository) throws(ChangelogSyncError) -> Bool {
        do {
            guard let head = try repository.head().commit else { return false }
            return try repository.blob(at: relative, in: head) != nil
        } catch {
            throw .hook(.git(error))
        }
    }

    /// Resolves `relative` under `workTree`.
    ///
    /// - Returns: the path to read and write (symbolic links resolved), and whether a file exists.
    /// - Throws: `ChangelogSyncError` for links leading outside or dangling.
    static func resolve(_ relative: String, workTree: String) throws(ChangelogSyncError) -> (path: String, exists: Bool) {
        let root = realPath(workTree) ?? workTree
        let requested = FileSystem.join(workTree, relative)
        func inside(_ path: String) -> Bool { path == root || path.hasPrefix(root == "/" ? "/" : root + "/") }
        if FileSystem.exists(requested) {
            guard let real = realPath(requested) else { throw .danglingSymlink(path: requested) }
            guard inside(real) else { throw .symlinkOutsideRepository(path: requested, target: real, workTree: root) }
            return (real, true)
        }
        if FileSystem.isSymbolicLink(requested) { throw .danglingSymlink(path: requested) }
        // A new file, maybe in folders that do not exist yet: judge the nearest folder that does.
        var existing = FileSystem.directoryName(requested)
        var missing: [String] = [FileSystem.baseName(requested)]
        while !FileSystem.exists(existing) && existing != "/" && existing != "." {
            missing.insert(FileSystem.baseName(existing), at: 0)
            existing = FileSystem.directoryName(existing)
        }
        let realExisting = realPath(existing) ?? existing
        guard inside(realExisting) else { throw .symlinkOutsideRepository(path: requested, target: realExisting, workTree: root) }
        return (missing.reduce(realExisting) { FileSystem.join($0, $1) }, false)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file's permission bits, or nil.
    static func mode(_ path: String) -> UInt32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode) & 0o7777
    }

    /// Whether we may write the file: permitted, and not marked read-only (no write bit at all,
    /// which is honoured even for root, who may write anything).
    static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0 && (mode(path) ?? 0o644) & 0o222 != 0
    }
}
