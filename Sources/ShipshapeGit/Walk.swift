import CGit2

/// The order in which a walk yields commits.
///
/// Both orders are topological (a commit never comes before its parents in `oldestFirst`, never
/// after them in `newestFirst`), with commit time breaking ties, like `git log --topo-order
/// --date-order` and its `--reverse`.
package enum WalkOrder: Sendable, Hashable {
    /// Children before parents: what `git log` shows.
    case newestFirst
    /// Parents before children: the order the commits were made in, for changelogs.
    case oldestFirst
}

/// What a walk's closure wants next.
package enum WalkDecision: Sendable, Hashable {
    /// Yield the next commit.
    case `continue`
    /// End the walk now.
    case stop
}

/// Which commits a walk covers: everything reachable from `included` but not from `excluded`
/// (git's `excluded..included`, or `included --not excluded`).
package struct CommitRange: Sendable, Hashable {
    /// Commits whose history is hidden (with their ancestors).
    package var excluded: [ObjectID]
    /// Commits whose history is walked.
    package var included: [ObjectID]
    /// Reference globs whose tips are hidden too, e.g. `refs/remotes/origin/*` for "not yet
    /// pushed anywhere on origin".
    package var excludedReferenceGlobs: [String]
    /// Follow only first parents (the history of the branch itself, merges as one step).
    package var firstParentOnly: Bool

    /// Creates a range.
    ///
    /// - Parameters:
    ///   - excluded: hidden commits (zero ids are ignored, so pre-push's "new branch" works).
    ///   - included: walked commits (zero ids are ignored).
    ///   - excludedReferenceGlobs: reference globs whose tips are hidden.
    ///   - firstParentOnly: follow first parents only.
    package init(excluded: [ObjectID] = [], included: [ObjectID], excludedReferenceGlobs: [String] = [], firstParentOnly: Bool = false) {
        self.excluded = excluded
        self.included = included
        self.excludedReferenceGlobs = excludedReferenceGlobs
        self.firstParentOnly = firstParentOnly
    }
}

/// The commits a walk may yield, for libgit2's hide callback: everything else is hidden.
private final class VisibleCommits {
    let keys: Set<OIDKey>
    init(_ keys: Set<OIDKey>) { self.keys = keys }
}

/// libgit2's hide callback: hides every commit outside the precomputed range.
private func hideOutsideRange(_ id: UnsafePointer<git_oid>?, _ payload: UnsafeMutableRawPointer?) -> Int32 {
    guard let id, let payload else { return 0 }
    let visible = Unmanaged<VisibleCommits>.fromOpaque(payload).takeUnretainedValue()
    return visible.keys.contains(OIDKey(id.pointee)) ? 0 : 1
}

/// An open `git_revwalk`, freed on deinit.
final class RevisionWalk {
    let pointer: OpaquePointer
    /// The range's commits when they were computed by a bounded walk (kept alive for the callback).
    private var visible: VisibleCommits?

    /// The most commits the bounded walk reads before it leaves hiding to libgit2: beyond that the
    /// range is large anyway, and libgit2's walk below the hidden commits costs relatively little.
    static let boundedWalkBudget = 60_000

    init(repository: Repository, range: CommitRange, order: WalkOrder) throws(GitError) {
        var out: OpaquePointer?
        try check(git_revwalk_new(&out, repository.pointer), "git_revwalk_new")
        pointer = out!
        var sorting = GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue
        if order == .oldestFirst { sorting |= GIT_SORT_REVERSE.rawValue }
        try check(git_revwalk_sorting(pointer, sorting), "git_revwalk_sorting")
        if range.firstParentOnly { try check(git_revwalk_simplify_first_parent(pointer), "git_revwalk_simplify_first_parent") }
        for id in range.included where !id.isZero {
            var oid = id.oid
            try check(git_revwalk_push(pointer, &oid), "git_revwalk_push", subject: id.hex)
        }
        // libgit2 1.5 marks the whole history below a hidden commit (libgit2 #4428): find the
        // range with a bounded walk instead and hide everything outside it through the callback.
        // (First-parent walks keep libgit2's hiding: its callback would let a second parent in
        // where a hidden first parent stops the walk.)
        let hasExclusions = range.excluded.contains { !$0.isZero } || !range.excludedReferenceGlobs.isEmpty
        if hasExclusions && !range.firstParentOnly, let keys = Self.boundedRange(repository: repository, range: range) {
            let visible = VisibleCommits(keys)
            self.visible = visible
            try check(
                git_revwalk_add_hide_cb(pointer, hideOutsideRange, Unmanaged.passUnretained(visible).toOpaque()),
                "git_revwalk_add_hide_cb")
            return
        }
        for id in range.excluded where !id.isZero {
            var oid = id.oid
            try check(git_revwalk_hide(pointer, &oid), "git_revwalk_hide", subject: id.hex)
        }
        for glob in range.excludedReferenceGlobs {
            try check(git_revwalk_hide_glob(pointer, glob), "git_revwalk_hide_glob", subject: glob)
        }
    }

    /// The commits of a range by a bounded walk, or nil when it is too large or anything fails
    /// (libgit2's own hiding then runs and reports the error in its words).
    private static func boundedRange(repository: Repository, range: CommitRange) -> Set<OIDKey>? {
        do throws(GitError) {
            let painter = HistoryPainter(repository: repository)
            for id in range.included where !id.isZero { try painter.start(id, side: HistoryPainter.included) }
            for id in range.excluded where !id.isZero {
                try painter.start(try repository.peeledCommit(id).commit, side: HistoryPainter.excluded)
            }
            for glob in range.excludedReferenceGlobs {
                for tip in try repository.hiddenTips(matching: glob) { try painter.start(tip, side: HistoryPainter.excluded) }
            }
            guard try painter.run(budget: boundedWalkBudget) else { return nil }
            return painter.includedOnly()
        } catch {
            return nil
        }
    }

    deinit { git_revwalk_free(pointer) }

    /// The next commit id, or nil at the end.
    func next() throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let code = git_revwalk_next(&oid, pointer)
        if code == GIT_ITEROVER.rawValue { return nil }
        try check(code, "git_revwalk_next")
        return ObjectID(oid)
    }
}

extension Repository {
    /// The commits reachable from `included` but not from `excluded` (`git log excluded..included`).
    ///
    /// Builds an array; for very long histories use `walkCommits(_:order:_:)`.
    ///
    /// - Parameters:
    ///   - excluded: commits whose history is left out (zero ids ignored).
    ///   - included: commits whose history is listed (zero ids ignored; none gives no commits).
    ///   - order: `.oldestFirst` (default, parents before children) or `.newestFirst`.
    /// - Returns: the commits in `order`.
    /// - Throws: `GitError` when a commit cannot be found or read.
    package func commits(from excluded: [ObjectID], to included: [ObjectID], order: WalkOrder = .oldestFirst) throws(GitError) -> [Commit] {
        var result: [Commit] = []
        try walkCommits(CommitRange(excluded: excluded, included: included), order: order) { commit in
            result.append(commit)
            return .continue
        }
        return result
    }

    /// Streams the commits of a range to a closure, one at a time, without holding them all.
    ///
    /// Each commit is read, copied into a `Commit` and freed before the closure runs, so a walk
    /// of 100,000 commits uses constant memory beyond libgit2's walk state.
    ///
    /// - Parameters:
    ///   - range: which commits to visit.
    ///   - order: `.oldestFirst` (default) or `.newestFirst`.
    ///   - body: called per commit; return `.stop` to end early.
    /// - Returns: the number of commits passed to `body`.
    /// - Throws: `GitError` when a commit cannot be found or read.
    @discardableResult
    package func walkCommits(_ range: CommitRange, order: WalkOrder = .oldestFirst, _ body: (Commit) -> WalkDecision) throws(GitError) -> Int {
        if range.included.allSatisfy(\.isZero) { return 0 }
        let walk = try RevisionWalk(repository: self, range: range, order: order)
        var count = 0
        while let id = try walk.next() {
            let commit = try commit(id)
            count += 1
            if body(commit) == .stop { break }
        }
        return count
    }

    /// The ids of a range's commits, without reading the commits (cheap counting or membership).
    ///
    /// - Parameters:
    ///   - range: which commits to list.
    ///   - order: `.oldestFirst` (default) or `.newestFirst`.
    /// - Returns: the ids in `order`.
    /// - Throws: `GitError` when a commit cannot be found.
    package func commitIDs(_ range: CommitRange, order: WalkOrder = .oldestFirst) throws(GitError) -> [ObjectID] {
        if range.included.allSatisfy(\.isZero) { return [] }
        let walk = try RevisionWalk(repository: self, range: range, order: order)
        var ids: [ObjectID] = []
        while let id = try walk.next() { ids.append(id) }
        return ids
    }
}

/// A pull-style walk over a range: call `next()` until it returns nil.
///
/// For callers whose per-commit work throws its own errors (which the closure of
/// `Repository.walkCommits(_:order:_:)` cannot): `while let commit = try walker.next() { ... }`.
/// Keeps its repository alive; frees libgit2's walk when deallocated.
package final class CommitWalker {
    private let repository: Repository
    private let walk: RevisionWalk?

    init(repository: Repository, range: CommitRange, order: WalkOrder) throws(GitError) {
        self.repository = repository
        walk = range.included.allSatisfy(\.isZero) ? nil : try RevisionWalk(repository: repository, range: range, order: order)
    }

    /// The next commit of the range, or nil when the walk is over.
    ///
    /// - Throws: `GitError` when a commit cannot be read.
    package func next() throws(GitError) -> Commit? {
        guard let walk, let id = try walk.next() else { return nil }
        return try repository.commit(id)
    }
}

extension Repository {
    /// Starts a pull-style walk over a range (see `CommitWalker`).
    ///
    /// - Parameters:
    ///   - range: which commits to visit.
    ///   - order: `.oldestFirst` (default) or `.newestFirst`.
    /// - Returns: a walker whose `next()` yields the commits.
    /// - Throws: `GitError` when a starting commit cannot be found.
    package func walker(_ range: CommitRange, order: WalkOrder = .oldestFirst) throws(GitError) -> CommitWalker {
        try CommitWalker(repository: self, range: range, order: order)
    }
}

extension Repository {
    /// The commits that `git_revwalk_hide_glob` would hide: the tips of the references matching
    /// a glob (`refs/` implied, `/*` appended when it has no wildcard), peeled to commits;
    /// references that do not resolve or peel are skipped, as libgit2 does.
    func hiddenTips(matching glob: String) throws(GitError) -> [ObjectID] {
        var pattern = glob.hasPrefix("refs/") ? glob : "refs/" + glob
        if !glob.contains(where: { $0 == "?" || $0 == "*" || $0 == "[" }) { pattern += "/*" }
        var tips: [ObjectID] = []
        for reference in try references(matching: pattern) {
            guard let peeled = try? peeledCommit(reference.target) else { continue }
            tips.append(peeled.commit)
        }
        return tips
    }
}
