#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// - Throws: `ChangelogSyncError.locked` on timeout, `.unsafeLockFile` when the path is a
    ///   symbolic link, not a regular file or a hard link, `.hook(.file)` when the lock file
    ///   cannot be opened.
    package static func acquire(_ path: String, timeout: Double = 30) throws(ChangelogSyncError) -> ChangelogLock {
        let lock = ChangelogLock(path: path)
        var waited = 0.0
        while true {
            // Never through a symbolic link (it could name any file the user may write, which
            // would be truncated), and only a plain file of our own with no other name.
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
            guard fd >= 0 else {
                let code = errno
                if code == ELOOP { throw .unsafeLockFile(lockPath: path, reason: "it is a symbolic link") }
                throw .hook(.file(FileSystemError(operation: "open the lock file", path: path, code: code)))
            }
            var opened = stat()
            if fstat(fd, &opened) != 0 || (opened.st_mode & S_IFMT) != S_IFREG || opened.st_nlink > 1 {
                close(fd)
                throw .unsafeLockFile(lockPath: path, reason: (opened.st_mode & S_IFMT) != S_IFREG ? "it is not a regular file" : "it has another name (a hard link)")
            }
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
