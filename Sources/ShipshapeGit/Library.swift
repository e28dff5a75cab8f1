import CGit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide libgit2 set-up: initialised once, lazily, the first time a repository is opened.
///
/// `git_libgit2_init` costs about 5 ms (it loads the system CA bundle), so it runs only when a
/// check actually needs a repository. The object cache is turned off: hooks read each object
/// once, and the cache multiplies the memory of a long walk (126 MiB vs 50 MiB for 100,000
/// commits, measured) for a ~14% speed-up we do not need.
package enum GitLibrary {
    /// Runs `git_libgit2_init` and the option set-up exactly once per process (a global `let`
    /// is initialised once, thread-safely).
    /// libgit2's ownership check is off: `Repository` runs git's own (`Ownership`).
    /// `GIT_CONFIG_NOSYSTEM` (which libgit2 ignores) is honoured here by emptying the system
    /// configuration's search path, as git does.
    private static let initialization: Int32 = {
        let count = git_libgit2_init()
        if count >= 0 {
            _ = shipshape_git_enable_caching(0)
            // `Ownership` checks `safe.directory` as git does (libgit2 1.5 ignores `*`).
            _ = shipshape_git_set_owner_validation(0)
            // Extensions that change nothing for a reader: `preciousObjects` (gc must not prune)
            // and `partialClone` (older git's mark of a partial clone; missing objects are
            // reported as such). `objectFormat` (SHA-256) and `refStorage` stay refused.
            let copies: [UnsafeMutablePointer<CChar>?] = ["preciousobjects", "partialclone"].map { (name: String) in strdup(name) }
            var names = copies.map { UnsafePointer($0) }
            _ = names.withUnsafeMutableBufferPointer { shipshape_git_set_extensions($0.baseAddress, $0.count) }
            copies.forEach { free($0) }  // libgit2 keeps copies of its own
            if let value = getenv("GIT_CONFIG_NOSYSTEM").map({ String(cString: $0).lowercased() }),
                ["1", "true", "yes", "on"].contains(value)
            {
                _ = shipshape_git_set_search_path(GIT_CONFIG_LEVEL_SYSTEM, "")
            }
        }
        return count
    }()

    /// Initialises libgit2 if that has not happened yet.
    ///
    /// - Throws: `GitError` if libgit2 cannot be initialised.
    package static func initialize() throws(GitError) {
        let code = initialization
        if code < 0 { throw GitError.last("git_libgit2_init", code) }
    }

    /// The configuration levels whose search path can be changed.
    package enum ConfigLevel: Sendable, CaseIterable {
        /// `$HOME/.gitconfig`.
        case global
        /// `$XDG_CONFIG_HOME/git/config`.
        case xdg
        /// `/etc/gitconfig`.
        case system
        /// Windows' ProgramData (ignored elsewhere).
        case programData

        var raw: git_config_level_t {
            switch self {
            case .global: return GIT_CONFIG_LEVEL_GLOBAL
            case .xdg: return GIT_CONFIG_LEVEL_XDG
            case .system: return GIT_CONFIG_LEVEL_SYSTEM
            case .programData: return GIT_CONFIG_LEVEL_PROGRAMDATA
            }
        }
    }

    /// Sets the directories libgit2 searches for a configuration level's file (process-wide).
    ///
    /// libgit2 does not honour `GIT_CONFIG_GLOBAL` or `GIT_CONFIG_NOSYSTEM`; tests use this to
    /// keep the developer's configuration out of libgit2, as the git sandbox does for git.
    /// Repositories already opened keep the configuration they loaded.
    ///
    /// - Parameters:
    ///   - level: the configuration level.
    ///   - path: directories separated by `:`; an empty string means "search nowhere"; nil
    ///     restores libgit2's default.
    /// - Throws: `GitError` if libgit2 rejects the option.
    package static func setConfigSearchPath(_ level: ConfigLevel, to path: String?) throws(GitError) {
        try initialize()
        let code: Int32
        if let path {
            code = path.withCString { shipshape_git_set_search_path(level.raw, $0) }
        } else {
            code = shipshape_git_set_search_path(level.raw, nil)
        }
        try check(code, "git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH)", subject: path)
    }

    /// Makes libgit2 ignore global, XDG and system configuration files (process-wide); only
    /// repository-local configuration is read afterwards. Meant for tests.
    ///
    /// - Throws: `GitError` if libgit2 rejects the option.
    package static func ignoreUserAndSystemConfiguration() throws(GitError) {
        for level in ConfigLevel.allCases { try setConfigSearchPath(level, to: "") }
    }

    /// The version of the libgit2 in use, e.g. `1.5.1` (loading the library if needed).
    package static var version: String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        _ = git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }

    /// The file libgit2 was loaded from, when the system can tell (for `shipshape doctor`).
    package static var path: String? {
        shipshape_git2_path().map { String(cString: $0) }
    }
}
