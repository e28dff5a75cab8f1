package import ShipshapePatterns
package import ShipshapeGit
package import ShipshapeConfiguration

/// Why a hook or command could not do its job (as opposed to a policy finding).
///
/// Every case maps to exit status 2 and a message that says what failed, where, and how to fix it.
package enum HookError: Error, CustomStringConvertible {
    /// The repository could not be read.
    case git(GitError)
    /// `.shipshape.toml` is invalid.
    case configuration(ConfigurationError)
    /// A file could not be read or written.
    case file(FileSystemError)
    /// A configured pattern failed while matching (e.g. it backtracks too much).
    case pattern(PatternError)
    /// The program a hook runs is not where `shipshape` expects it.
    case programMissing(hook: String, path: String)
    /// A foreign hook and a previously chained one both exist, so neither can be moved safely.
    case chainConflict(hook: String, chained: String)
    /// The directory is not inside a git repository.
    case notARepository(path: String)
    /// The command was called wrongly.
    case usage(String)
    /// A revision given on the command line (`--rev`, `--from`, `--to`) names nothing in the repository.
    case revisionNotFound(String)
    /// Something outside Shipshape that a command needs (a program, a setting) is missing or
    /// failed; the message says what and how to fix it.
    case environment(String)
    /// A check needed history that a shallow clone does not have (libgit2 cannot read past the
    /// shallow boundary); carries the failing call.
    case shallowRepository(GitError)
    /// The configuration a receiving repository judges pushes by is invalid (see
    /// `TrustedConfiguration`); carries where it was read.
    case trustedConfiguration(ConfigurationError, source: String)

    package var description: String {
        switch self {
        case let .git(error): return error.description
        case let .configuration(error): return error.description
        case let .file(error): return error.description
        case let .pattern(error): return error.description + " (patterns come from .shipshape.toml: commit.ignore-patterns, header-pattern, subject-pattern, branches.patterns)"
        case let .programMissing(hook, path):
            return "the \(hook) program is missing at \(path); build Shipshape (swift build -c release) or run install.sh, which installs every program beside shipshape"
        case let .chainConflict(hook, chained):
            return "\(hook) is not Shipshape's, and \(chained) (a hook kept by an earlier install) exists too; merge the two by hand, delete one of them, then run shipshape install again"
        case let .notARepository(path):
            return "\(path) is not inside a git repository; run this from a repository or pass --repo DIR"
        case let .usage(message), let .environment(message):
            return message
        case let .revisionNotFound(revision):
            return "revision \"\(revision)\" was not found: no branch, tag or commit of that name is in this repository; check the spelling (git branch -a and git tag list what exists), or fetch it first when it is only on a remote"
        case let .trustedConfiguration(error, source):
            return "\(error) (in the trusted configuration, \(source)); pushes are judged by it, so none can pass until it is fixed: on the server, point git config shipshape.config at a valid file, push the fix to the default branch, then unset shipshape.config"
        case let .shallowRepository(error):
            return "this repository is a shallow clone and the check needs history it does not have (\(error.function): \(error.message)); fetch the full history with git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0) and run again, or skip a push's checks once with git push --no-verify"
        }
    }
}

extension HookError {
    /// The error for a revision that could not be resolved: `revisionNotFound` when libgit2
    /// found nothing of that name, else the libgit2 error itself.
    ///
    /// - Parameters:
    ///   - revision: the revision as the user gave it.
    ///   - error: the failure of `Repository.resolve(_:)`.
    static func resolving(_ revision: String, _ error: GitError) -> HookError {
        error.kind == .notFound && error.function == "git_revparse_single" ? .revisionNotFound(revision) : .git(error)
    }

    /// Runs a file-system operation, turning its failure into `HookError.file`.
    ///
    /// - Returns: what the operation returns.
    /// - Throws: `HookError.file` with the operation's error.
    static func file<T>(_ body: () throws(FileSystemError) -> T) throws(HookError) -> T {
        do { return try body() } catch { throw .file(error) }
    }
}
