import CGit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// git's ownership check (`safe.directory`), done here instead of by libgit2.
///
/// libgit2 1.5 knows neither git's wildcard `safe.directory = *` (the usual fix in CI
/// containers, where the checkout belongs to another user) nor what to say when no
/// `safe.directory` is set at all (it reports "not a repository"). Like git 2.39, a discovered
/// repository is trusted when its work tree, git directory and `.git` file belong to the current
/// user (under `sudo`, to `SUDO_UID` when running as root), or when `safe.directory` in the
/// system, global or command-line configuration (never the repository's own) is `*` or names
/// the work tree (the git directory when bare); an empty value clears the list above it.
enum Ownership {
    /// Throws unless the open repository may be trusted.
    ///
    /// - Parameters:
    ///   - pointer: the open repository.
    ///   - overrides: `git -c` values, which count like the global configuration.
    /// - Throws: `GitError` of kind `.ownership` naming the directory to add to `safe.directory`.
    static func verify(_ pointer: OpaquePointer, overrides: ConfigOverrides) throws(GitError) {
        let gitDirectory = trimmedPath(String(cString: git_repository_path(pointer)))
        let workTree = git_repository_workdir(pointer).map { trimmedPath(String(cString: $0)) }
        var paths = [gitDirectory]
        if let workTree {
            paths.append(workTree)
            let gitFile = workTree + "/.git"
            var info = stat()
            if lstat(gitFile, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG { paths.append(gitFile) }
        }
        let user = currentUser()
        if paths.allSatisfy({ owner(of: $0).map { $0 == user } ?? true }) { return }
        let checked = workTree ?? gitDirectory
        var safe = try safeDirectories()
        if let override = overrides.value(for: "safe.directory") { safe = (override ?? "").isEmpty ? [] : safe + [override ?? ""] }
        let real = realPath(checked) ?? checked
        for value in safe where value == "*" || sameDirectory(value, checked) || sameDirectory(value, real) { return }
        throw GitError(
            function: "git_repository_open_ext", code: GIT_EOWNER.rawValue, errorClass: Int32(GIT_ERROR_CONFIG.rawValue),
            message: "the repository at \(checked) belongs to another user (uid \(paths.compactMap(owner(of:)).first { $0 != user } ?? 0)), and safe.directory does not list it",
            subject: checked, kind: .ownership)
    }

    /// The user git compares owners with: the effective user, or `SUDO_UID` for root.
    private static func currentUser() -> uid_t {
        let effective = geteuid()
        if effective == 0, let text = getenv("SUDO_UID").map({ String(cString: $0) }), let id = UInt32(text) { return id }
        return effective
    }

    private static func owner(of path: String) -> uid_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_uid : nil
    }

    /// The `safe.directory` values of the system, XDG and global files, in git's order, an empty
    /// value clearing the ones before it.
    private static func safeDirectories() throws(GitError) -> [String] {
        var config: OpaquePointer?
        try check(git_config_open_default(&config), "git_config_open_default")
        defer { git_config_free(config) }
        var iterator: OpaquePointer?
        let code = git_config_multivar_iterator_new(&iterator, config, "safe.directory", nil)
        if code == GIT_ENOTFOUND.rawValue { return [] }
        try check(code, "git_config_multivar_iterator_new", subject: "safe.directory")
        defer { git_config_iterator_free(iterator) }
        var values: [String] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let entry {
            let value = entry.pointee.value.map { String(cString: $0) } ?? ""
            if value.isEmpty { values.removeAll() } else { values.append(value) }
        }
        return values
    }

    /// Whether a `safe.directory` value names a directory (`~/` expanded, trailing `/` ignored).
    private static func sameDirectory(_ value: String, _ directory: String) -> Bool {
        var expanded = value
        if expanded.hasPrefix("~/"), let home = getenv("HOME").map({ String(cString: $0) }) {
            expanded = home + expanded.dropFirst()
        }
        return trimmedPath(expanded) == directory
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
