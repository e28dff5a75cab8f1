import CGit2

/// How one file differs between HEAD, the index and the work tree (`git status` for one path).
package struct FileStatus: Sendable, Hashable {
    /// libgit2's `git_status_t` flags.
    package var rawValue: UInt32

    /// Whether the index differs from HEAD for the file (staged changes).
    package var isStaged: Bool {
        rawValue & (GIT_STATUS_INDEX_NEW.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue
            | GIT_STATUS_INDEX_RENAMED.rawValue | GIT_STATUS_INDEX_TYPECHANGE.rawValue) != 0
    }

    /// Whether the work tree differs from the index for the file (unstaged changes, or untracked).
    package var isModifiedInWorkTree: Bool {
        rawValue & (GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_DELETED.rawValue
            | GIT_STATUS_WT_RENAMED.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue) != 0
    }

    /// Whether the file is in conflict (an unfinished merge).
    package var isConflicted: Bool { rawValue & GIT_STATUS_CONFLICTED.rawValue != 0 }

    /// Whether the file is untracked (not in HEAD nor the index).
    package var isUntracked: Bool { rawValue & GIT_STATUS_WT_NEW.rawValue != 0 }

    /// Whether the file has any change not committed (staged, unstaged or conflicted); an
    /// untracked file counts too.
    package var hasUncommittedChanges: Bool { isStaged || isModifiedInWorkTree || isConflicted }
}

extension Repository {
    /// The status of one file.
    ///
    /// - Parameter path: the file's path relative to the work tree root, `/`-separated.
    /// - Returns: its status; a file that exists nowhere (not in HEAD, the index or the work
    ///   tree) has no flags.
    /// - Throws: `GitError` when the repository is bare or the status cannot be computed.
    package func status(ofFile path: String) throws(GitError) -> FileStatus {
        var flags: UInt32 = 0
        let code = git_status_file(&flags, pointer, path)
        if code == GIT_ENOTFOUND.rawValue { return FileStatus(rawValue: 0) }
        _ = try check(code, "git_status_file", subject: path)
        return FileStatus(rawValue: flags)
    }
}
