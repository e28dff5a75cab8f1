package import ShipshapeChangelog

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the changelog could not be synced. The file is never left half-written.
package enum ChangelogSyncError: Error, CustomStringConvertible {
    /// The changelog's text is malformed (line numbers inside).
    case document(ChangelogError)
    /// The changelog (or a directory on its path) is a symbolic link that leads outside the
    /// repository's work tree.
    case symlinkOutsideRepository(path: String, target: String, workTree: String)
    /// The changelog is a symbolic link whose target does not exist.
    case danglingSymlink(path: String)
    /// The changelog exists but we may not write it.
    case readOnly(path: String)
    /// Another sync holds the lock and did not finish in time.
    case locked(lockPath: String, holder: Int32?)
    /// The repository has no work tree.
    case bareRepository(path: String)
    /// The repository could not be read, or a file not read or written.
    case hook(HookError)

    package var description: String {
        switch self {
        case let .document(error): return error.description
        case let .symlinkOutsideRepository(path, target, workTree):
            return "\(path) is a symbolic link to \(target), outside the work tree \(workTree); refusing to write there. Replace the link with a file (or point it inside the repository), or set another changelog path"
        case let .danglingSymlink(path):
            return "\(path) is a symbolic link to a file that does not exist; remove the link or create its target"
        case let .readOnly(path):
            return "\(path) is read-only; make it writable (chmod u+w \(path)) and sync again"
        case let .locked(lockPath, holder):
            let who = holder.map { " (process \($0))" } ?? ""
            return "another changelog sync\(who) holds \(lockPath); wait for it to finish and sync again"
        case let .bareRepository(path):
            return "\(path) is a bare repository: there is no CHANGELOG.md to sync; run this in a work tree"
        case let .hook(error): return error.description
        }
    }
}

/// An exclusive lock on a lock file in the git directory, held with `flock(2)`.
///
/// The kernel drops the lock when its holder exits, however it exits (`kill -9` included), so
/// there is no staleness to guess: a lock file left behind by a killed run is simply locked
/// again by the next one. The file names its holder's process id (for the "locked" message)
/// and is removed by `release()` while still locked; a waiter that then gets the lock on the
/// removed file notices that the path no longer names it and starts over, so two runs can
/// never both hold the lock.
package final class ChangelogLock {
    /// The lock file's path.
    package let path: String
    private var descriptor: Int32 = -1

    private init(path: String) { self.path = path }

    /// Takes the lock, waiting for another holder up to `timeout` seconds.
    ///
    /// - Parameters:
    ///   - path: the lock file.
    ///   - timeout: how long to wait for the holder to finish.
    /// - Returns: the held lock.
    /// - Throws: `ChangelogSyncError.locked` on timeout, `.hook(.file)` when the lock file cannot
    ///   be opened.
    package static func acquire(_ path: String, timeout: Double = 30) throws(ChangelogSyncError) -> ChangelogLock {
        let lock = ChangelogLock(path: path)
        var waited = 0.0
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw .hook(.file(FileSystemError(operation: "open the lock file", path: path, code: errno))) }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                var held = stat(), named = stat()
                if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                    let text = Array("\(getpid())\n".utf8)
                    _ = ftruncate(fd, 0)
                    _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
                    lock.descriptor = fd
                    return lock
                }
                // The holder removed this file as we got it: the lock lives on under a new file.
                close(fd)
                continue
            }
            let code = errno
            close(fd)
            guard code == EWOULDBLOCK || code == EINTR else {
                throw .hook(.file(FileSystemError(operation: "lock", path: path, code: code)))
            }
            if waited >= timeout { throw .locked(lockPath: path, holder: holderPID(path)) }
            usleep(20_000)
            waited += 0.02
        }
    }

    /// Removes the lock file and drops the lock.
    package func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    private static func holderPID(_ path: String) -> Int32? {
        guard let bytes = try? FileSystem.read(path) else { return nil }
        return Int32(String(decoding: bytes, as: UTF8.self).filter { $0.isNumber })
    }
}

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

/// The web address of a repository from a remote URL (`git@github.com:o/r.git`,
/// `https://gitlab.com/o/r`), for GitHub, GitLab, Codeberg and Gitea style hosts; nil otherwise.
///
/// - Parameter remote: the remote's URL.
/// - Returns: `https://host/owner/name` or nil.
package func repositoryWebURL(fromRemote remote: String) -> String? {
    var text = Substring(remote)
    var host: Substring
    var path: Substring
    if let scheme = text.firstRange(of: "://") {
        let schemeName = text[..<scheme.lowerBound].lowercased()
        guard ["https", "http", "ssh", "git"].contains(schemeName) else { return nil }
        text = text[scheme.upperBound...]
        guard let slash = text.firstIndex(of: "/") else { return nil }
        host = text[..<slash]
        path = text[text.index(after: slash)...]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
    } else if let colon = text.firstIndex(of: ":"), !text.hasPrefix("/") {
        host = text[..<colon]
        path = text[text.index(after: colon)...]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
    } else {
        return nil
    }
    let lowerHost = host.lowercased()
    guard ["github", "gitlab", "codeberg", "gitea"].contains(where: { lowerHost.contains($0) }) else { return nil }
    while path.hasSuffix("/") { path = path.dropLast() }
    if path.hasSuffix(".git") { path = path.dropLast(4) }
    guard !path.isEmpty, path.contains("/") else { return nil }
    return "https://\(lowerHost)/\(path)"
}
