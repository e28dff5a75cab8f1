import CGit2
package import ShipshapeModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

/// A walk over a range: libgit2's `git_revwalk`, or the ids of a bounded walk done here.
final class RevisionWalk {
    private var pointer: OpaquePointer?
    private var precomputed: [ObjectID] = []
    private var position = 0

    /// The most commits the bounded walk reads before it leaves the range to libgit2.
    ///
    /// None with a usable commit-graph (`CommitGraphFile`). Otherwise:
    ///
    /// libgit2's first revwalk checksums the commit-graph file (~33 instructions a byte, ~60
    /// bytes a commit) and then reads parents from it for free, where the bounded walk inflates
    /// each commit it reads (~50,000 instructions): past a file size / 1,500 commits, libgit2 is
    /// cheaper. Without a commit-graph libgit2 reads every commit too, so there is no limit.
    ///
    /// - Parameter repository: the repository walked.
    /// - Returns: the number of commits.
    static func boundedWalkBudget(for repository: Repository) -> Int {
        // Read from the mapped commit-graph, a commit costs the bounded walk under a microsecond,
        // and its generation numbers make it exact whatever the dates: no limit.
        if CommitGraphFile.of(repository) != nil { return .max }
        let graphSize = commitGraphSize(of: repository)
        if graphSize == 0 { return .max }
        // Once libgit2 has loaded the commit-graph in this process, its walks are the cheaper ones.
        if repository.libgit2HasWalked { return 0 }
        return max(256, graphSize / 1_500)
    }

    /// The size in bytes of the repository's commit-graph files (0 when it has none).
    private static func commitGraphSize(of repository: Repository) -> Int {
        let objects = repository.commonDirectory + "/objects/info"
        var size = 0
        var info = stat()
        if stat(objects + "/commit-graph", &info) == 0 { size += Int(info.st_size) }
        if let directory = opendir(objects + "/commit-graphs") {
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name.hasSuffix(".graph"), stat(objects + "/commit-graphs/" + name, &info) == 0 { size += Int(info.st_size) }
            }
        }
        return size
    }

    /// Creates a walk.
    ///
    /// A range with hidden commits is walked here (`LimitedWalk`) when it is small: libgit2 1.5
    /// opens and checksums the whole commit-graph file on its first revwalk (~200 M instructions
    /// on a 100,000-commit repository). The commits and their order are libgit2's.
    ///
    /// - Parameter native: always use libgit2's revwalk (for tests that compare the two).
    init(repository: Repository, range: CommitRange, order: WalkOrder, native: Bool = false) throws(GitError) {
        if !native, let ids = Self.boundedWalk(repository: repository, range: range, order: order) {
            precomputed = ids
            return
        }
        repository.libgit2HasWalked = true
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
        for id in range.excluded where !id.isZero {
            var oid = id.oid
            try check(git_revwalk_hide(pointer, &oid), "git_revwalk_hide", subject: id.hex)
        }
        for glob in range.excludedReferenceGlobs {
            try check(git_revwalk_hide_glob(pointer, glob), "git_revwalk_hide_glob", subject: glob)
        }
    }

    /// The ids of a range by `LimitedWalk`, or nil when libgit2 should walk it: nothing is
    /// hidden (the whole history is walked anyway), or the range is too large.
    private static func boundedWalk(repository: Repository, range: CommitRange, order: WalkOrder) -> [ObjectID]? {
        guard range.excluded.contains(where: { !$0.isZero }) || !range.excludedReferenceGlobs.isEmpty else { return nil }
        let budget = boundedWalkBudget(for: repository)
        guard budget > 0 else { return nil }
        return LimitedWalk.ids(repository: repository, range: range, order: order, budget: budget)
    }

    deinit { if let pointer { git_revwalk_free(pointer) } }

    /// The next commit id, or nil at the end.
    func next() throws(GitError) -> ObjectID? {
        guard let pointer else {
            guard position < precomputed.count else { return nil }
            position += 1
            return precomputed[position - 1]
        }
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
        try commitIDs(range, order: order, native: false)
    }

    /// `commitIDs(_:order:)` through libgit2's revwalk only (for tests that compare the bounded
    /// walk with it).
    package func libgit2CommitIDs(_ range: CommitRange, order: WalkOrder = .oldestFirst) throws(GitError) -> [ObjectID] {
        try commitIDs(range, order: order, native: true)
    }

    /// The ids of a range by the walk done here without libgit2's revwalk, or nil when the range
    /// is one it leaves to libgit2 (for tests that compare the two).
    package func boundedCommitIDs(_ range: CommitRange, order: WalkOrder = .oldestFirst) -> [ObjectID]? {
        LimitedWalk.ids(repository: self, range: range, order: order, budget: RevisionWalk.boundedWalkBudget(for: self))
    }

    private func commitIDs(_ range: CommitRange, order: WalkOrder, native: Bool) throws(GitError) -> [ObjectID] {
        if range.included.allSatisfy(\.isZero) { return [] }
        let walk = try RevisionWalk(repository: self, range: range, order: order, native: native)
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
    /// The commits that `git_revwalk_hide_glob` would hide, in its order: the tips of the
    /// references matching a glob (`refs/` implied, `/*` appended when it has no wildcard),
    /// peeled to commits; references that do not resolve or peel are skipped, as libgit2 does.
    func hiddenTips(matching glob: String) throws(GitError) -> [ObjectID] {
        var pattern = glob.hasPrefix("refs/") ? glob : "refs/" + glob
        if !glob.contains(where: { $0 == "?" || $0 == "*" || $0 == "[" }) { pattern += "/*" }
        var tips: [ObjectID] = []
        for target in try referenceTargetsInIterationOrder(matching: pattern) {
            guard let peeled = try? peeledCommit(target) else { continue }
            tips.append(peeled.commit)
        }
        return tips
    }
}
