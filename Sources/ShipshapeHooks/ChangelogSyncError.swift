package import ShipshapeChangelog

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
