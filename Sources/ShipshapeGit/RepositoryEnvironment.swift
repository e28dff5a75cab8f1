#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// git's environment variables that say where a repository is, as git passes them to hooks.
///
/// libgit2 1.5 can honour them itself (`GIT_REPOSITORY_OPEN_FROM_ENV`), but it also opens the
/// index named by `GIT_INDEX_FILE` (which git exports to every hook): a split index, a sparse
/// index, or the index of a SHA-256 repository then fails the open, though no hook reads the
/// index. It also refuses `GIT_WORK_TREE` ("unimplemented"), which the bare "dotfiles" layout
/// (`git --git-dir=~/.dotfiles --work-tree=~`) sets. So `Repository.discover` reads the variables
/// here and applies them one by one; `GIT_INDEX_FILE` is deliberately ignored.
struct RepositoryEnvironment: Sendable {
    /// `GIT_DIR`: the git directory; no search happens when set.
    var gitDirectory: String?
    /// `GIT_WORK_TREE`: the work tree root, overriding the repository's own.
    var workTree: String?
    /// `GIT_CEILING_DIRECTORIES`: `:`-separated directories the search does not go above.
    var ceilingDirectories: String?
    /// `GIT_DISCOVERY_ACROSS_FILESYSTEM`: whether the search crosses file-system boundaries.
    var acrossFileSystems: Bool
    /// `GIT_OBJECT_DIRECTORY` and the `:`-separated `GIT_ALTERNATE_OBJECT_DIRECTORIES` (git's
    /// quarantine during `pre-receive`): extra object directories to read from.
    var objectDirectories: [String]
    /// `GIT_NAMESPACE`: the ref namespace.
    var namespace: String?

    /// Reads the variables.
    ///
    /// - Parameter environment: a variable lookup (the process environment by default); empty
    ///   values count as unset, as in git.
    init(environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) {
        func value(_ name: String) -> String? { environment(name).flatMap { $0.isEmpty ? nil : $0 } }
        gitDirectory = value("GIT_DIR")
        workTree = value("GIT_WORK_TREE")
        ceilingDirectories = value("GIT_CEILING_DIRECTORIES")
        acrossFileSystems = value("GIT_DISCOVERY_ACROSS_FILESYSTEM").map { ["1", "true", "yes", "on"].contains($0.lowercased()) } ?? false
        objectDirectories = [value("GIT_OBJECT_DIRECTORY")].compactMap { $0 }
            + (value("GIT_ALTERNATE_OBJECT_DIRECTORIES")?.split(separator: ":").map(String.init) ?? [])
        namespace = value("GIT_NAMESPACE")
    }
}
