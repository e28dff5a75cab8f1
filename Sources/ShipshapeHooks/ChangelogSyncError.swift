package import ShipshapeChangelog

/// Why the changelog could not be synced. The file is never left half-written.
package enum ChangelogSyncError: Error, CustomStringConvertible {
    /// The changelog's text is malformed (line numbers inside).
    case document(ChangelogError)
    /// The changelog (or a directory on its path) is a symbolic link that leads outside the
    /// repository's work tree.
    case symlinkOutsideRepository(path: String, target: String, workTree: String)
    /// The changelog path, or the target of a link on it, is inside the git directory.
    case insideGitDirectory(path: String, target: String, gitDirectory: String)
    /// The changelog is tracked at HEAD but missing from the work tree (a sparse checkout left
    /// it out, or it was deleted): writing a new one would drop its released history.
    case notCheckedOut(path: String)
    /// The changelog is a symbolic link whose target does not exist.
    case danglingSymlink(path: String)
    /// The changelog exists but we may not write it.
    case readOnly(path: String)
    /// Another sync holds the lock and did not finish in time.
    case locked(lockPath: String, holder: Int32?)
    /// The lock file's path is a symbolic link, not a regular file, or a hard link: it is left
    /// alone, never truncated.
    case unsafeLockFile(lockPath: String, reason: String)
    /// The repository has no work tree.
    case bareRepository(path: String)
    /// The repository could not be read, or a file not read or written.
    case hook(HookError)
    /// The file kept changing between the read and the write (an editor saving it meanwhile).
    case changedDuringSync(path: String)

    package var description: String {
        switch self {
        case let .document(error): return error.description
        case let .symlinkOutsideRepository(path, target, workTree):
            return "\(path) is a symbolic link to \(target), outside the work tree \(workTree); refusing to write there. Replace the link with a file (or point it inside the repository), or set another changelog path"
        case let .insideGitDirectory(path, target, gitDirectory):
            return "\(path) leads to \(target), inside the git directory \(gitDirectory); refusing to write git's own files. Replace the link with a file, or set another changelog path ([changelog] path in .shipshape.toml)"
        case let .notCheckedOut(path):
            let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : path
            return "\(path) is tracked but not in the work tree (a sparse checkout leaves it out, or it was deleted); a new file would replace its released history. Bring it back (git sparse-checkout add \(directory), or git restore \(path)) and sync again"
        case let .danglingSymlink(path):
            return "\(path) is a symbolic link to a file that does not exist; remove the link or create its target"
        case let .readOnly(path):
            return "\(path) is read-only; make it writable (chmod u+w \(path)) and sync again"
        case let .locked(lockPath, holder):
            let who = holder.map { " (process \($0))" } ?? ""
            return "another changelog sync\(who) holds \(lockPath); wait for it to finish and sync again"
        case let .unsafeLockFile(lockPath, reason):
            return "refusing to use the lock file \(lockPath): \(reason), so writing it could change another file; remove it (rm \(lockPath)) and sync again"
        case let .bareRepository(path):
            return "\(path) is a bare repository: there is no CHANGELOG.md to sync; run this in a work tree"
        case let .hook(error): return error.description
        case let .changedDuringSync(path):
            return "\(path) kept changing while the sync ran (an editor saving it?); nothing was written, so no edit is lost. Save it, then run changelog-sync again"
        }
    }
}
