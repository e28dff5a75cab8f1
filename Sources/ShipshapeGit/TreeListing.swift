import CGit2
package import ShipshapeModel

extension Repository {
    /// The names of the subdirectories of a directory at a commit, in tree order (sorted by
    /// name, as git stores them).
    ///
    /// Used to find files whose directory is not known in advance (a Python package under
    /// `src/` whose import name differs from the distribution name). Submodules are not
    /// directories here.
    ///
    /// - Parameters:
    ///   - directory: the directory relative to the repository root, with `/` separators; `""`
    ///     for the root.
    ///   - commit: the commit whose tree is read.
    /// - Returns: the subdirectory names, or nil when nothing exists at `directory` or it is not
    ///   a directory.
    /// - Throws: `GitError` when the commit or a tree cannot be read.
    package func subdirectoryNames(in directory: String, at commit: ObjectID) throws(GitError) -> [String]? {
        let commitObject = try lookupCommit(commit)
        defer { git_commit_free(commitObject) }
        var root: OpaquePointer?
        try check(git_commit_tree(&root, commitObject), "git_commit_tree", subject: commit.hex)
        defer { git_tree_free(root) }
        var tree = root
        var subtree: OpaquePointer?
        defer { if let subtree { git_tree_free(subtree) } }
        let path = trimmedPath(directory)
        if !path.isEmpty && path != "/" {
            var entry: OpaquePointer?
            let code = git_tree_entry_bypath(&entry, root, path)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try check(code, "git_tree_entry_bypath", subject: path)
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
            try check(git_tree_lookup(&subtree, pointer, git_tree_entry_id(entry)), "git_tree_lookup", subject: path)
            tree = subtree
        }
        var names: [String] = []
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index), git_tree_entry_type(entry) == GIT_OBJECT_TREE,
                let name = git_tree_entry_name(entry)
            else { continue }
            names.append(String(cString: name))
        }
        return names
    }
}
