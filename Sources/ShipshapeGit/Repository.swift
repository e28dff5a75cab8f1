import CGit2
package import ShipshapeModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a repository is in the middle of, from `git_repository_state` (git's sequencer state).
package enum RepositoryState: String, Sendable, Hashable {
    /// Nothing in progress.
    case none
    /// A merge with conflicts or `--no-commit` awaits its commit.
    case merge
    /// A single revert is in progress.
    case revert
    /// A multi-commit revert (sequencer) is in progress.
    case revertSequence
    /// A single cherry-pick is in progress.
    case cherryPick
    /// A multi-commit cherry-pick (sequencer) is in progress.
    case cherryPickSequence
    /// `git bisect` is running.
    case bisect
    /// A non-interactive (apply-based) rebase is in progress.
    case rebase
    /// An interactive rebase is in progress.
    case rebaseInteractive
    /// A merge-based rebase is in progress.
    case rebaseMerge
    /// `git am` is in progress.
    case applyMailbox
    /// `git am` or an apply-based rebase is in progress (git cannot tell which).
    case applyMailboxOrRebase

    init(raw: Int32) {
        switch UInt32(bitPattern: raw) {
        case GIT_REPOSITORY_STATE_MERGE.rawValue: self = .merge
        case GIT_REPOSITORY_STATE_REVERT.rawValue: self = .revert
        case GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue: self = .revertSequence
        case GIT_REPOSITORY_STATE_CHERRYPICK.rawValue: self = .cherryPick
        case GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue: self = .cherryPickSequence
        case GIT_REPOSITORY_STATE_BISECT.rawValue: self = .bisect
        case GIT_REPOSITORY_STATE_REBASE.rawValue: self = .rebase
        case GIT_REPOSITORY_STATE_REBASE_INTERACTIVE.rawValue: self = .rebaseInteractive
        case GIT_REPOSITORY_STATE_REBASE_MERGE.rawValue: self = .rebaseMerge
        case GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue: self = .applyMailbox
        case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE.rawValue: self = .applyMailboxOrRebase
        default: self = .none
        }
    }

    /// Whether a rebase of any kind is in progress (commits are being replayed).
    package var isRebasing: Bool {
        self == .rebase || self == .rebaseInteractive || self == .rebaseMerge || self == .applyMailboxOrRebase
    }
}

/// Where HEAD points.
package enum HeadState: Sendable, Hashable {
    /// On a branch with commits: the short branch name (`main`, `feature/x`) and its commit.
    case branch(name: String, oid: ObjectID)
    /// HEAD holds a commit id directly.
    case detached(ObjectID)
    /// On a branch without commits yet (a new repository or `git checkout --orphan`).
    case unborn(branch: String)

    /// The branch name, or nil when detached.
    package var branchName: String? {
        switch self {
        case let .branch(name, _): return name
        case let .unborn(branch): return branch
        case .detached: return nil
        }
    }

    /// The commit HEAD points to, or nil when unborn.
    package var commit: ObjectID? {
        switch self {
        case let .branch(_, oid): return oid
        case let .detached(oid): return oid
        case .unborn: return nil
        }
    }
}

/// An open git repository (a `git_repository`), the entry point of every libgit2 operation.
///
/// The repository and its configuration snapshot are freed when the instance is deallocated.
/// Not thread-safe: use one instance per thread. Paths are absolute and never end in `/`.
package final class Repository {
    let pointer: OpaquePointer
    /// Whether libgit2 has walked history in this repository (and so loaded its commit-graph):
    /// from then on its walks are cheaper than the bounded ones (`RevisionWalk.boundedWalkBudget`).
    var libgit2HasWalked = false
    /// The commit-graph file, opened on first use (`CommitGraphFile.of(_:)`); nil inside when
    /// the repository has none that can be used.
    var commitGraph: CommitGraphFile??
    private var configSnapshot: OpaquePointer?
    private let overrides: ConfigOverrides

    private init(pointer: OpaquePointer, overrides: ConfigOverrides) {
        self.pointer = pointer
        self.overrides = overrides
    }

    deinit {
        if let configSnapshot { git_config_free(configSnapshot) }
        git_repository_free(pointer)
    }

    /// Finds the repository containing a directory, as git does.
    ///
    /// Searches `path` and its parents for a `.git` directory or file (worktrees, submodules) or
    /// a bare repository. With `honoringEnvironment` (the default, right inside hooks) git's
    /// variables apply (`RepositoryEnvironment`): `GIT_DIR` (then `path` is ignored),
    /// `GIT_WORK_TREE`, `GIT_CEILING_DIRECTORIES`, `GIT_DISCOVERY_ACROSS_FILESYSTEM`,
    /// `GIT_OBJECT_DIRECTORY`, `GIT_ALTERNATE_OBJECT_DIRECTORIES`, `GIT_NAMESPACE`; never
    /// `GIT_INDEX_FILE`, since nothing here reads the index. A discovered repository (not one
    /// named by `GIT_DIR`, as in git) must pass git's ownership check (`Ownership`).
    ///
    /// - Parameters:
    ///   - path: the directory to start from.
    ///   - honoringEnvironment: apply git's environment variables.
    /// - Returns: the repository, or nil when `path` is not inside one.
    /// - Throws: `GitError` when a repository is found but cannot be opened (unsupported format,
    ///   corrupt config, ownership).
    package static func discover(startingAt path: String, honoringEnvironment: Bool = true) throws(GitError) -> Repository? {
        try GitLibrary.initialize()
        let environment = honoringEnvironment ? RepositoryEnvironment() : RepositoryEnvironment { _ in nil }
        let overrides = honoringEnvironment ? ConfigOverrides() : ConfigOverrides { _ in nil }
        var out: OpaquePointer?
        let code: Int32
        if let gitDirectory = environment.gitDirectory {
            code = git_repository_open_ext(&out, gitDirectory, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        } else {
            let flags = environment.acrossFileSystems ? GIT_REPOSITORY_OPEN_CROSS_FS.rawValue : 0
            code = git_repository_open_ext(&out, path, flags, environment.ceilingDirectories)
        }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_repository_open_ext", subject: environment.gitDirectory ?? path)
        let repository = Repository(pointer: out!, overrides: overrides)
        try repository.apply(environment)
        if environment.gitDirectory == nil { try Ownership.verify(repository.pointer, overrides: overrides) }
        try repository.loadWorktreeConfiguration()
        return repository
    }

    /// Opens the repository at exactly `path` (a work tree root, a `.git` directory or file, or a
    /// bare repository), without searching parents and ignoring git's environment variables.
    ///
    /// - Parameter path: the repository's path.
    /// - Returns: the repository.
    /// - Throws: `GitError` of kind `.notARepository` when there is none at `path`, or another
    ///   kind when it cannot be opened.
    package static func open(at path: String) throws(GitError) -> Repository {
        try GitLibrary.initialize()
        var out: OpaquePointer?
        let code = git_repository_open_ext(&out, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        try check(code, "git_repository_open_ext", subject: path)
        let overrides = ConfigOverrides { _ in nil }
        let repository = Repository(pointer: out!, overrides: overrides)
        try Ownership.verify(repository.pointer, overrides: overrides)
        try repository.loadWorktreeConfiguration()
        return repository
    }

    /// Applies `GIT_WORK_TREE`, extra object directories and `GIT_NAMESPACE`.
    private func apply(_ environment: RepositoryEnvironment) throws(GitError) {
        if let workTree = environment.workTree {
            try check(git_repository_set_workdir(pointer, workTree, 0), "git_repository_set_workdir", subject: workTree)
        }
        if !environment.objectDirectories.isEmpty {
            var odb: OpaquePointer?
            try check(git_repository_odb(&odb, pointer), "git_repository_odb")
            defer { git_odb_free(odb) }
            for directory in environment.objectDirectories {
                try check(git_odb_add_disk_alternate(odb, directory), "git_odb_add_disk_alternate", subject: directory)
            }
        }
        if let namespace = environment.namespace {
            try check(git_repository_set_namespace(pointer, namespace), "git_repository_set_namespace", subject: namespace)
        }
    }

    /// Adds this worktree's `config.worktree` above the repository's `config` when
    /// `extensions.worktreeConfig` is on, as git does (`git config --worktree`); libgit2 1.5
    /// accepts the extension but does not read the file.
    private func loadWorktreeConfiguration() throws(GitError) {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "git_repository_config")
        defer { git_config_free(config) }
        var enabled: Int32 = 0
        let code = git_config_get_bool(&enabled, config, "extensions.worktreeConfig")
        guard code == 0, enabled != 0 else { return }
        let path = trimmedPath(String(cString: git_repository_path(pointer))) + "/config.worktree"
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        try check(git_config_add_file_ondisk(config, path, GIT_CONFIG_LEVEL_APP, pointer, 0), "git_config_add_file_ondisk", subject: path)
    }

    // MARK: - Layout

    /// The work tree's root, or nil for a bare repository.
    package var workdir: String? {
        git_repository_workdir(pointer).map { trimmedPath(String(cString: $0)) }
    }

    /// This work tree's git directory: `.git`, or `.git/worktrees/<name>` for a linked worktree,
    /// or the repository itself when bare. Holds HEAD, the index and `COMMIT_EDITMSG`.
    package var gitDirectory: String {
        trimmedPath(String(cString: git_repository_path(pointer)))
    }

    /// The directory shared by all worktrees (objects, refs, config, hooks): equal to
    /// `gitDirectory` except in a linked worktree.
    package var commonDirectory: String {
        trimmedPath(String(cString: git_repository_commondir(pointer)))
    }

    /// Whether the repository has no work tree.
    package var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// Whether this is a linked worktree (made by `git worktree add`).
    package var isWorktree: Bool { git_repository_is_worktree(pointer) == 1 }

    /// Whether the repository is a shallow clone (history is cut off at grafted commits).
    package var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// The operation in progress (merge, rebase, cherry-pick, ...).
    package var state: RepositoryState { RepositoryState(raw: git_repository_state(pointer)) }

    /// Where HEAD points.
    ///
    /// - Throws: `GitError` when HEAD is missing or broken.
    package func head() throws(GitError) -> HeadState {
        var reference: OpaquePointer?
        let code = git_repository_head(&reference, pointer)
        if code == GIT_EUNBORNBRANCH.rawValue || code == GIT_ENOTFOUND.rawValue {
            var headReference: OpaquePointer?
            try check(git_reference_lookup(&headReference, pointer, "HEAD"), "git_reference_lookup", subject: "HEAD")
            defer { git_reference_free(headReference) }
            guard let target = git_reference_symbolic_target(headReference) else {
                throw GitError(function: "git_reference_symbolic_target", code: code, message: "HEAD is unborn but not symbolic", subject: "HEAD")
            }
            return .unborn(branch: branchShortName(String(cString: target)))
        }
        try check(code, "git_repository_head", subject: "HEAD")
        defer { git_reference_free(reference) }
        guard let target = git_reference_target(reference) else {
            throw GitError(function: "git_reference_target", code: -1, message: "HEAD does not resolve to an object id", subject: "HEAD")
        }
        let id = ObjectID(target)
        if git_repository_head_detached(pointer) == 1 { return .detached(id) }
        return .branch(name: branchShortName(String(cString: git_reference_name(reference))), oid: id)
    }

    /// The directory git runs hooks from.
    ///
    /// `core.hooksPath` when set: absolute as is, `~/` expanded from `HOME`, a relative path
    /// taken from the work tree root (non-bare) or the git directory (bare), as git does, since
    /// hooks run there. Otherwise `<commonDirectory>/hooks` (shared by all worktrees).
    ///
    /// - Throws: `GitError` when the configuration cannot be read.
    package func hooksDirectory() throws(GitError) -> String {
        guard let configured = try configString("core.hooksPath"), !configured.isEmpty else {
            return commonDirectory + "/hooks"
        }
        if configured.hasPrefix("/") { return trimmedPath(configured) }
        if configured == "~" || configured.hasPrefix("~/") {
            let home = getenv("HOME").map { String(cString: $0) } ?? ""
            return trimmedPath(home + configured.dropFirst())
        }
        let base = workdir ?? gitDirectory
        return trimmedPath(normalizedJoin(base, configured))
    }

    // MARK: - Configuration

    private func config() throws(GitError) -> OpaquePointer {
        if let configSnapshot { return configSnapshot }
        var out: OpaquePointer?
        try check(git_repository_config_snapshot(&out, pointer), "git_repository_config_snapshot")
        configSnapshot = out
        return out!
    }

    /// A configuration value as text, from all levels (local, worktree, global, XDG, system);
    /// the most specific level wins. Read from a snapshot taken on first use. When the repository
    /// was discovered honouring the environment, `git -c` values passed to hooks
    /// (`GIT_CONFIG_PARAMETERS`, `GIT_CONFIG_COUNT`) win over the files.
    ///
    /// - Parameter key: a dotted key, e.g. `core.commentChar` (case-insensitive section and name).
    /// - Returns: the value, or nil when not set.
    /// - Throws: `GitError` when the configuration cannot be read.
    package func configString(_ key: String) throws(GitError) -> String? {
        if let override = overrides.value(for: key) { return override ?? "true" }
        let snapshot = try config()
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, snapshot, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_string", subject: key)
        return value.map { String(cString: $0) }
    }

    /// A boolean configuration value (`true`/`yes`/`on`/`1`, `false`/`no`/`off`/`0`, or a key
    /// without a value).
    ///
    /// - Parameter key: a dotted key.
    /// - Returns: the value, or nil when not set.
    /// - Throws: `GitError` of kind `.invalidConfigValue` when the value is not a boolean.
    package func configBool(_ key: String) throws(GitError) -> Bool? {
        if let override = overrides.value(for: key) {
            guard let text = override else { return true }
            var value: Int32 = 0
            try check(git_config_parse_bool(&value, text), "git_config_parse_bool", subject: key)
            return value != 0
        }
        let snapshot = try config()
        var value: Int32 = 0
        let code = git_config_get_bool(&value, snapshot, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_bool", subject: key)
        return value != 0
    }

    /// An integer configuration value (with git's `k`, `m`, `g` suffixes).
    ///
    /// - Parameter key: a dotted key.
    /// - Returns: the value, or nil when not set.
    /// - Throws: `GitError` of kind `.invalidConfigValue` when the value is not an integer.
    package func configInt(_ key: String) throws(GitError) -> Int64? {
        if let override = overrides.value(for: key) {
            var value: Int64 = 0
            try check(git_config_parse_int64(&value, override ?? ""), "git_config_parse_int64", subject: key)
            return value
        }
        let snapshot = try config()
        var value: Int64 = 0
        let code = git_config_get_int64(&value, snapshot, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_int64", subject: key)
        return value
    }

    // MARK: - Objects

    /// Resolves a revision (`HEAD`, `main~2`, `v1.0.0`, an abbreviated id, `@{u}`, ...) to the
    /// commit it names, peeling tags.
    ///
    /// - Parameter revision: anything `git rev-parse` accepts for a single object.
    /// - Returns: the commit's id.
    /// - Throws: `GitError` of kind `.notFound`, `.ambiguous`, `.invalidInput` or
    ///   `.wrongObjectType` (e.g. a tree or blob).
    package func resolve(_ revision: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, pointer, revision), "git_revparse_single", subject: revision)
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel", subject: revision)
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// Whether the object database holds an object (e.g. a remote's old tip named in pre-push
    /// input that was never fetched).
    ///
    /// - Parameter id: the object id.
    /// - Returns: true when the object exists locally.
    /// - Throws: `GitError` when the object database cannot be opened.
    package func contains(_ id: ObjectID) throws(GitError) -> Bool {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = id.oid
        return git_odb_exists(odb, &oid) == 1
    }

    /// Whether `ancestor` is reachable from `descendant`; a commit counts as its own ancestor,
    /// as with `git merge-base --is-ancestor`.
    ///
    /// - Parameters:
    ///   - ancestor: the possible ancestor.
    ///   - descendant: the commit whose history is searched.
    /// - Returns: true when `ancestor` is `descendant` or in its history.
    /// - Throws: `GitError` when either commit cannot be read.
    package func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws(GitError) -> Bool {
        if ancestor == descendant { return true }
        // A bounded walk from both commits, newest first (`HistoryPainter`): exact, and it stops
        // once `ancestor` is reached or every queued commit is also below `ancestor`, where
        // libgit2 1.5's git_graph_descendant_of walks far below the ancestor.
        // Far apart, libgit2 with its commit-graph is the cheaper one.
        // (A quarter of a range walk's budget: an ancestry question that runs past it wastes
        // little before libgit2 takes over, as for a release tag thousands of commits back.)
        let budget = RevisionWalk.boundedWalkBudget(for: self) / 4
        if budget > 0 {
            let painter = HistoryPainter(repository: self)
            try painter.start(descendant, side: HistoryPainter.included)
            try painter.start(ancestor, side: HistoryPainter.excluded)
            let finished = try painter.run(budget: budget) { painter.flags(of: ancestor) & HistoryPainter.included != 0 }
            if finished || painter.flags(of: ancestor) & HistoryPainter.included != 0 {
                return painter.flags(of: ancestor) & HistoryPainter.included != 0
            }
        }
        libgit2HasWalked = true
        var a = ancestor.oid, d = descendant.oid
        return try check(git_graph_descendant_of(pointer, &d, &a), "git_graph_descendant_of", subject: descendant.hex) == 1
    }

    /// Which of some commits are in the history of `descendant` (a commit counts as its own),
    /// in one walk from `descendant`, newest first, that ends once no queued commit can reach a
    /// candidate not yet found: the cost follows the history above the oldest candidate, not the
    /// number of candidates times the history.
    ///
    /// Exact with a commit-graph (generation numbers); without one, exact unless a commit is
    /// dated more than a day after a descendant on the path to a candidate (as `HistoryPainter`).
    ///
    /// - Parameters:
    ///   - candidates: the possible ancestors.
    ///   - descendant: the commit whose history is searched.
    /// - Returns: the candidates in that history.
    /// - Throws: `GitError` when a commit cannot be read.
    package func ancestors(among candidates: [ObjectID], of descendant: ObjectID) throws(GitError) -> Set<ObjectID> {
        guard !candidates.isEmpty else { return [] }
        let painter = HistoryPainter(repository: self)
        var wanted: [Int32: ObjectID] = [:]
        for candidate in candidates { wanted[try painter.target(candidate)] = candidate }
        // The candidates not found yet, the one lowest in the walk's order last.
        var pending = wanted.keys.sorted { painter.isOrderedBefore($0, $1) }
        var found: Set<ObjectID> = []
        try painter.start(descendant, side: HistoryPainter.included)
        _ = try painter.run {
            if let node = painter.lastExpanded, let id = wanted.removeValue(forKey: node) { found.insert(id) }
            while let lowest = pending.last, wanted[lowest] == nil { pending.removeLast() }
            guard let lowest = pending.last else { return true }
            return painter.queueIsBelow(lowest)
        }
        return found
    }

    /// The best common ancestor of two commits (`git merge-base a b`).
    ///
    /// - Returns: the merge base, or nil when the histories are unrelated.
    /// - Throws: `GitError` when either commit cannot be read.
    package func mergeBase(_ a: ObjectID, _ b: ObjectID) throws(GitError) -> ObjectID? {
        var out = git_oid()
        var one = a.oid, two = b.oid
        let code = git_merge_base(&out, pointer, &one, &two)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_merge_base", subject: "\(a.short()) \(b.short())")
        return ObjectID(out)
    }

    /// The contents of a file as committed.
    ///
    /// - Parameters:
    ///   - path: the path relative to the repository root, with `/` separators.
    ///   - commit: the commit whose tree is read.
    /// - Returns: the file's bytes, or nil when nothing exists at `path` or it is not a file
    ///   (a directory or submodule).
    /// - Throws: `GitError` when the commit or its tree cannot be read.
    package func blob(at path: String, in commit: ObjectID) throws(GitError) -> [UInt8]? {
        try tree(of: commit).blob(at: path)
    }

    /// The tree of a commit, for reading several files without looking the commit up each time.
    ///
    /// - Parameter commit: the commit whose tree is read.
    /// - Returns: the tree, open until released.
    /// - Throws: `GitError` when the commit or its tree cannot be read.
    package func tree(of commit: ObjectID) throws(GitError) -> CommitTree {
        let commitObject = try lookupCommit(commit)
        defer { git_commit_free(commitObject) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commitObject), "git_commit_tree", subject: commit.hex)
        return CommitTree(repository: self, pointer: tree!)
    }

    /// The commit an object id names, peeling annotated tags (also tags of tags).
    ///
    /// Unlike `resolve(_:)`, no revision syntax is parsed: the object is looked up by its id.
    ///
    /// - Parameter id: a commit or tag object id.
    /// - Returns: the commit's id, and whether `id` named a tag object.
    /// - Throws: `GitError` of kind `.notFound` for a missing object, `.wrongObjectType` when it
    ///   does not peel to a commit (a tree or blob, or a tag of one).
    package func peeledCommit(_ id: ObjectID) throws(GitError) -> (commit: ObjectID, isTagObject: Bool) {
        var oid = id.oid
        var object: OpaquePointer?
        try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY), "git_object_lookup", subject: id.hex)
        defer { git_object_free(object) }
        let type = git_object_type(object)
        if type == GIT_OBJECT_COMMIT { return (id, false) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel", subject: id.hex)
        defer { git_object_free(commit) }
        return (ObjectID(git_object_id(commit)), type == GIT_OBJECT_TAG)
    }

    func lookupCommit(_ id: ObjectID) throws(GitError) -> OpaquePointer {
        var oid = id.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup", subject: id.hex)
        return commit!
    }
}

/// The tree of one commit (a `git_tree`), freed when the instance is deallocated.
///
/// Reads several files of the same commit with one commit and tree lookup (the version sources
/// of a pushed tip, say). Keeps its repository alive.
package final class CommitTree {
    private let repository: Repository
    private let pointer: OpaquePointer

    init(repository: Repository, pointer: OpaquePointer) {
        self.repository = repository
        self.pointer = pointer
    }

    deinit { git_tree_free(pointer) }

    /// The contents of a file in this tree; a symbolic link is followed inside the tree, as a
    /// checkout would show it (`VERSION -> packaging/VERSION`), never read as its link text.
    ///
    /// - Parameter path: the path relative to the repository root, with `/` separators.
    /// - Returns: the file's bytes, or nil when nothing exists at `path` or it is not a file
    ///   (a directory or submodule).
    /// - Throws: `GitError` of kind `.unreadableLink` for a link that leads outside the
    ///   repository, to nothing in this commit, or round in a loop; another kind when the tree or
    ///   blob cannot be read.
    package func blob(at path: String) throws(GitError) -> [UInt8]? {
        var current = path
        for _ in 0..<16 {
            guard let (bytes, isLink) = try entryContents(at: current) else {
                if current == path { return nil }
                throw GitError(
                    function: "git_tree_entry_bypath", code: GIT_ENOTFOUND.rawValue,
                    message: "\(path) is a symbolic link to \(current), which this commit does not have as a file", subject: path,
                    kind: .unreadableLink)
            }
            guard isLink else { return bytes }
            let target = String(decoding: bytes, as: UTF8.self)
            guard let next = Self.linkTarget(target, of: current) else {
                throw GitError(
                    function: "git_tree_entry_bypath", code: GIT_ENOTFOUND.rawValue,
                    message: "\(path) is a symbolic link to \(target), which leads outside the repository", subject: path,
                    kind: .unreadableLink)
            }
            current = next
        }
        throw GitError(
            function: "git_tree_entry_bypath", code: GIT_ENOTFOUND.rawValue,
            message: "\(path) is a symbolic link that leads round in a loop", subject: path, kind: .unreadableLink)
    }

    /// The bytes of the entry at a path and whether it is a symbolic link; nil when there is no
    /// such entry or it is not a blob.
    private func entryContents(at path: String) throws(GitError) -> (bytes: [UInt8], isLink: Bool)? {
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, pointer, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_tree_entry_bypath", subject: path)
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        let isLink = git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, repository.pointer, git_tree_entry_id(entry)), "git_blob_lookup", subject: path)
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return ([], isLink) }
        return (Array(UnsafeRawBufferPointer(start: raw, count: size)), isLink)
    }

    /// The tree path a link at `path` names, resolved lexically from the link's directory; nil
    /// when it is absolute or climbs above the root.
    static func linkTarget(_ target: String, of path: String) -> String? {
        guard !target.hasPrefix("/"), !target.isEmpty else { return nil }
        var parts = path.split(separator: "/").dropLast().map(String.init)
        for component in target.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(component))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}

/// Removes a trailing `/` (libgit2 reports directories with one), keeping `/` itself.
func trimmedPath(_ path: String) -> String {
    var p = path
    while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
    return p
}

/// `refs/heads/x` → `x`; other names are kept whole.
func branchShortName(_ reference: String) -> String {
    reference.hasPrefix("refs/heads/") ? String(reference.dropFirst("refs/heads/".count)) : reference
}

/// Joins a relative path to a base, resolving `.` and `..` lexically.
func normalizedJoin(_ base: String, _ relative: String) -> String {
    var parts = base.split(separator: "/").map(String.init)
    for component in relative.split(separator: "/") {
        if component == "." || component.isEmpty { continue }
        if component == ".." {
            if !parts.isEmpty { parts.removeLast() }
        } else {
            parts.append(String(component))
        }
    }
    return "/" + parts.joined(separator: "/")
}
