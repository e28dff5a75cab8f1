#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-system operation that failed, with the path and the system's reason.
package struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What we were doing, e.g. `read`, `write`, `rename`.
    package var operation: String
    /// The path involved.
    package var path: String
    /// `errno` at the failure.
    package var code: Int32

    package var description: String {
        let reason = String(cString: strerror(code))
        var fix = ""
        switch code {
        case EACCES, EPERM: fix = "; check the file's permissions"
        case ENOENT: fix = "; check that the path exists"
        case EROFS: fix = "; the file system is read-only"
        case ENOSPC: fix = "; free some disk space"
        case EFBIG: fix = "; Shipshape reads at most \(FileSystem.maximumReadSize / (1024 * 1024)) MiB (is it a device or an endless stream?)"
        default: break
        }
        return "cannot \(operation) \(path): \(reason)\(fix)"
    }
}

/// Small, explicit wrappers over POSIX file calls: the only file I/O of the use cases.
package enum FileSystem {
    /// The most bytes `read` and `readStandardInput` accept: a commit message, a changelog or a
    /// pre-push ref list never comes near it, but `/dev/zero` or an endless pipe would exhaust memory.
    package static let maximumReadSize = 64 * 1024 * 1024

    /// Reads a whole file.
    ///
    /// - Throws: `FileSystemError` naming the path.
    package static func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(operation: "read", path: path, code: errno) }
        defer { close(fd) }
        return try readToEnd(fd, name: path)
    }

    /// Reads standard input to the end.
    package static func readStandardInput() throws(FileSystemError) -> [UInt8] {
        try readToEnd(0, name: "standard input")
    }

    /// Reads an open descriptor to its end, at most `maximumReadSize` bytes.
    private static func readToEnd(_ fd: Int32, name: String) throws(FileSystemError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { System.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(operation: "read", path: name, code: errno)
            }
            if n == 0 { return result }
            guard result.count + n <= maximumReadSize else { throw FileSystemError(operation: "read", path: name, code: EFBIG) }
            result.append(contentsOf: chunk[0..<n])
        }
    }

    /// Whether something exists at the path (without following a final symlink).
    package static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Whether the path is a symbolic link (not following it).
    package static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether the path is a regular file (following symlinks).
    package static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether the path is a directory (following symlinks).
    package static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether two paths name the same file (device and inode, following symlinks).
    package static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// Whether the file is executable by us.
    package static func isExecutable(_ path: String) -> Bool {
        access(path, X_OK) == 0 && isRegularFile(path)
    }

    /// Creates a directory and its parents (like `mkdir -p`).
    package static func createDirectory(_ path: String) throws(FileSystemError) {
        if isDirectory(path) { return }
        let parent = directoryName(path)
        if parent != path && !parent.isEmpty { try createDirectory(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError(operation: "create directory", path: path, code: errno)
        }
    }

    /// Writes a file atomically: a temporary file in the same directory, fsync, rename over the target.
    ///
    /// A reader sees the old file or the new one, never a mix, even if the process is killed.
    /// - Parameters:
    ///   - bytes: the new contents.
    ///   - path: the target.
    ///   - mode: permission bits of the new file.
    package static func writeAtomically(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o644) throws(FileSystemError) {
        try prepareAtomicWrite(bytes, to: path, mode: mode).commit()
    }

    /// A new file's contents written and flushed next to its target, not yet in its place: what
    /// is left of an atomic write is one rename, so a check made just before it (is the target
    /// still the file that was read?) leaves no disk flush between the check and the write.
    package struct PendingWrite: ~Copyable {
        /// The flushed temporary file.
        let temporary: String
        /// The file it replaces.
        let target: String

        /// Renames the temporary file over the target.
        package consuming func commit() throws(FileSystemError) {
            if rename(temporary, target) != 0 {
                let code = errno
                unlink(temporary)
                throw FileSystemError(operation: "replace", path: target, code: code)
            }
        }

        /// Removes the temporary file; the target stays as it is.
        package consuming func discard() { unlink(temporary) }
    }

    /// Writes and flushes a file's new contents next to it (`.<name>.shipshape-XXXXXX`).
    ///
    /// - Parameters:
    ///   - bytes: the new contents.
    ///   - path: the target.
    ///   - mode: permission bits of the new file.
    /// - Returns: the write, ready to be put in place or discarded.
    package static func prepareAtomicWrite(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o644) throws(FileSystemError) -> PendingWrite {
        let directory = directoryName(path)
        var template = Array((directory + "/." + baseName(path) + ".shipshape-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileSystemError(operation: "create a temporary file in", path: directory, code: errno) }
        let temporary = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { System.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temporary)
                throw FileSystemError(operation: "write", path: temporary, code: code)
            }
            written += n
        }
        if fchmod(fd, mode_t(mode)) != 0 || fsync(fd) != 0 {
            let code = errno
            close(fd)
            unlink(temporary)
            throw FileSystemError(operation: "write", path: temporary, code: code)
        }
        close(fd)
        return PendingWrite(temporary: temporary, target: path)
    }

    /// Removes the temporary files that `writeAtomically(_:to:mode:)` left next to `path` when
    /// it was killed before the rename (`.<name>.shipshape-XXXXXX`).
    ///
    /// Call it only while holding the lock that serialises writers of `path`: a writer running
    /// at the same time would lose its temporary file.
    ///
    /// - Parameter path: the file whose leftovers are removed.
    /// - Returns: how many files were removed.
    @discardableResult
    package static func removeAtomicWriteLeftovers(of path: String) -> Int {
        let directory = directoryName(path)
        let prefix = Array(("." + baseName(path) + ".shipshape-").utf8)
        guard let stream = opendir(directory) else { return 0 }
        defer { closedir(stream) }
        var leftovers: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            // mkstemp's suffix is six characters.
            guard name.count == prefix.count + 6, name.starts(with: prefix) else { continue }
            leftovers.append(join(directory, String(decoding: name, as: UTF8.self)))
        }
        var removed = 0
        for leftover in leftovers {
            var info = stat()
            guard lstat(leftover, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if unlink(leftover) == 0 { removed += 1 }
        }
        return removed
    }

    /// Renames a file or symlink; fails rather than replace an existing target.
    package static func move(_ from: String, to: String) throws(FileSystemError) {
        if exists(to) { throw FileSystemError(operation: "move \(from) to", path: to, code: EEXIST) }
        if rename(from, to) != 0 { throw FileSystemError(operation: "move \(from) to", path: to, code: errno) }
    }

    /// Removes a file or symlink.
    package static func remove(_ path: String) throws(FileSystemError) {
        if unlink(path) != 0 { throw FileSystemError(operation: "remove", path: path, code: errno) }
    }

    /// The current working directory.
    package static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The absolute path of the running executable.
    package static func executablePath() -> String? { System.executablePath() }

    /// The directory part of a path (`.` when there is none).
    package static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    package static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Joins a directory and a relative path; an absolute second part wins.
    package static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if directory.hasSuffix("/") { return directory + path }
        return directory + "/" + path
    }

    /// The nearest directory at or above `directory` that holds a `.git` entry, if any.
    package static func repositoryRootGuess(_ directory: String) -> String? {
        nearestAncestor(of: directory) { exists(join($0, ".git")) }
    }

    /// Walks up from a directory looking for a `.git` entry (or a bare repository), without
    /// opening anything.
    ///
    /// Used to decide cheaply whether libgit2 is needed at all (outside a repository it is not).
    package static func looksLikeInsideRepository(_ directory: String, environment: [String: String]) -> Bool {
        if environment["GIT_DIR"] != nil { return true }
        return nearestAncestor(of: directory) { current in
            // A work tree has .git; a bare repository has HEAD, objects/ and refs/ side by side.
            exists(join(current, ".git"))
                || (isRegularFile(join(current, "HEAD")) && isDirectory(join(current, "objects"))
                    && isDirectory(join(current, "refs")))
        } != nil
    }

    /// The first of `directory` and its ancestors that satisfies `test`.
    private static func nearestAncestor(of directory: String, where test: (String) -> Bool) -> String? {
        var current = directory
        while true {
            if test(current) { return current }
            if current == "/" || current.isEmpty { return nil }
            current = directoryName(current)
        }
    }
}

/// Path arithmetic that needs no file system access.
package enum FileSystemPath {
    /// The path made absolute against a base directory (an absolute path is returned as is).
    package static func absolute(_ path: String, relativeTo base: String) -> String {
        FileSystem.join(base, path)
    }
}
