import CGit2

extension Repository {
    /// Sets a string in the repository's own configuration (`.git/config`, git's `--local`).
    ///
    /// - Parameters:
    ///   - key: a dotted key, e.g. `merge.shipshape-changelog.driver`.
    ///   - value: the value.
    /// - Throws: `GitError` when the file cannot be written.
    package func setLocalConfig(_ key: String, to value: String) throws(GitError) {
        let local = try localConfig()
        defer { git_config_free(local) }
        try check(git_config_set_string(local, key, value), "git_config_set_string", subject: key)
    }

    /// Removes a key from the repository's own configuration; a missing key is no error.
    ///
    /// - Throws: `GitError` when the file cannot be written.
    package func unsetLocalConfig(_ key: String) throws(GitError) {
        let local = try localConfig()
        defer { git_config_free(local) }
        let code = git_config_delete_entry(local, key)
        if code == GIT_ENOTFOUND.rawValue { return }
        try check(code, "git_config_delete_entry", subject: key)
    }

    /// The local level of the repository's configuration, to write to.
    private func localConfig() throws(GitError) -> OpaquePointer {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "git_repository_config")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
        return local!
    }
}
