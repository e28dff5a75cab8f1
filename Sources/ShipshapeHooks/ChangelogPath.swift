#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where to write the changelog: the real path, refused when it leaves the work tree.
enum ChangelogPath {
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
