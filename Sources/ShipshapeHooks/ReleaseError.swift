package import ShipshapeVersioning

/// Why a release command did not do its job. Refusals by the process (exit 1) leave the
/// repository exactly as it was, or at the point the message names; the others (exit 2) are
/// usage, configuration or environment errors.
package enum ReleaseError: Error, Sendable, CustomStringConvertible {
    /// Tracked files have uncommitted changes.
    case dirtyWorkTree(files: [String])
    /// The command runs on another branch.
    case wrongBranch(command: String, expected: String, actual: String?)
    /// The version is already tagged.
    case alreadyTagged(tag: String, commit: String)
    /// The branch to create exists already.
    case branchExists(String)
    /// The version files hold different versions.
    case versionFilesDisagree(details: [String])
    /// No version file was found.
    case noVersionFiles
    /// No version can be chosen.
    case cannotChoose(NextVersion.Problem)
    /// A finish was asked for a pre-release.
    case preReleaseFinish(version: SemanticVersion, branch: String)
    /// A git step failed (a hook refused, a merge conflicted); `state` says where things stand
    /// and what to do next.
    case stepFailed(step: String, status: Int32, state: String)
    /// A file could not be read, the repository not opened, the configuration not loaded.
    case hook(HookError)
    /// The changelog could not be synced or read.
    case changelog(ChangelogSyncError)

    /// 1 for a refusal by the process, 2 for usage and environment errors.
    package var exitStatus: Int32 {
        switch self {
        case .hook, .changelog: return 2
        default: return 1
        }
    }

    package var description: String {
        switch self {
        case let .dirtyWorkTree(files):
            let list = files.prefix(5).joined(separator: ", ") + (files.count > 5 ? ", …" : "")
            return "the work tree has uncommitted changes (\(list)); commit or stash them (git stash), then run the command again"
        case let .wrongBranch(command, expected, actual):
            return "\(command) runs on \(expected), but \(actual.map { "the branch checked out is \($0)" } ?? "HEAD is detached"); git checkout \(expected) first"
        case let .alreadyTagged(tag, commit):
            return "\(tag) is already tagged (on \(commit)); choose another version (auto, patch, minor, major or X.Y.Z)"
        case let .branchExists(branch):
            return "the branch \(branch) exists already; finish it (shipshape release finish on it) or delete it (git branch -D \(branch))"
        case let .versionFilesDisagree(details):
            return "the version files disagree: \(details.joined(separator: "; ")); make them agree, or give --force-version-files to set them all"
        case .noVersionFiles:
            return "no version file was found (VERSION, package.json, pyproject.toml, ...); add one, or configure [[versions.sources]] in .shipshape.toml"
        case let .cannotChoose(problem):
            return problem.description
        case let .preReleaseFinish(version, branch):
            return "\(branch) holds the pre-release \(version); release it first (shipshape release start on \(branch) gives \(version.core)), then finish"
        case let .stepFailed(step, status, state):
            return "\(step) failed (git exit status \(status)); \(state)"
        case let .hook(error): return error.description
        case let .changelog(error): return error.description
        }
    }
}
