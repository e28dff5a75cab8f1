import CGit2

extension Repository {
    /// The ref a symbolic reference points to (`HEAD` → `refs/heads/main`,
    /// `refs/remotes/origin/HEAD` → `refs/remotes/origin/main`), whether or not that ref exists.
    ///
    /// - Parameter name: the symbolic reference's full name.
    /// - Returns: the target's full name, or nil when there is no such reference or it holds an
    ///   object id directly (a detached HEAD).
    /// - Throws: `GitError` when the reference cannot be read.
    package func symbolicTarget(of name: String) throws(GitError) -> String? {
        var reference: OpaquePointer?
        let code = git_reference_lookup(&reference, pointer, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_reference_lookup", subject: name)
        defer { git_reference_free(reference) }
        return git_reference_symbolic_target(reference).map { String(cString: $0) }
    }
}
