import CGit2
import ShipshapeModel

/// libgit2 1.5's revwalk for `GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME` (optionally reversed),
/// re-done here step for step, for ranges with hidden commits that stay small.
///
/// Why: the first `git_revwalk_next` in a process makes libgit2 open and checksum the whole
/// commit-graph file (~200 M instructions, 20 ms, on a 100,000-commit repository after `git gc`),
/// however few commits the walk then yields. This walk reads the few commits it needs with
/// `git_commit_lookup` instead, and follows libgit2's `prepare_walk`, `limit_list` (with its
/// date-sorted list, `mark_parents_uninteresting`, `still_interesting` and SLOP),
/// `sort_in_topological_order` (with `git_pqueue`'s binary heap) and the final filter of
/// commits found uninteresting late, so it yields the same commits in the same order, ties and
/// clock skew included (`BoundedWalkTests` compares the two on random histories).
///
/// A range that needs more than `budget` commits read returns nil: libgit2's commit-graph is
/// then cheaper than reading each commit.
struct LimitedWalk {
    private let repository: Repository
    private let budget: Int
    private var arena: CommitArena
    /// libgit2's commit flags, per node of `arena`.
    private var uninteresting: [Bool] = []
    private var seen: [Bool] = []
    private var added: [Bool] = []

    /// Thrown inside the walk when the budget is spent.
    private struct OverBudget: Error {}

    private init(repository: Repository, budget: Int) {
        self.repository = repository
        self.budget = budget
        arena = CommitArena(repository: repository)
    }

    /// The ids of a range as libgit2's revwalk would yield them, or nil when the walk needs more
    /// than `budget` commits or reading one fails (libgit2 then walks and reports the error).
    static func ids(repository: Repository, range: CommitRange, order: WalkOrder, budget: Int) -> [ObjectID]? {
        var walk = LimitedWalk(repository: repository, budget: budget)
        do {
            return try walk.run(range: range, newestFirst: order == .newestFirst)
        } catch {
            return nil
        }
    }

    // MARK: - Nodes

    private mutating func node(_ oid: git_oid) -> Int32 {
        let number = arena.node(oid)
        growFlags()
        return number
    }

    /// `git_commit_list_parse`: reads the commit's time and parents once, within the budget.
    private mutating func parse(_ number: Int32) throws {
        if arena.hasRead(number) { return }
        if arena.readCount >= budget { throw OverBudget() }
        try arena.read(number)
        growFlags()
    }

    /// Gives the nodes the arena numbered since (a commit and its parents) their flags.
    private mutating func growFlags() {
        let missing = arena.count - uninteresting.count
        guard missing > 0 else { return }
        uninteresting += repeatElement(false, count: missing)
        seen += repeatElement(false, count: missing)
        added += repeatElement(false, count: missing)
    }

    private func parents(_ number: Int32) -> [Int32] { arena.parents(number) }

    // MARK: - The walk

    private mutating func run(range: CommitRange, newestFirst: Bool) throws -> [ObjectID] {
        // git_revwalk_push / _hide / _hide_glob: each prepends to the input list, and a commit
        // already hidden is not pushed again.
        var input: [Int32] = []
        func push(_ id: ObjectID, hide: Bool, into input: inout [Int32], walk: inout LimitedWalk) {
            let number = walk.node(id.oid)
            if walk.uninteresting[Int(number)] { return }
            walk.uninteresting[Int(number)] = hide
            input.insert(number, at: 0)
        }
        for id in range.included where !id.isZero { push(try repository.peeledCommit(id).commit, hide: false, into: &input, walk: &self) }
        if input.isEmpty { return [] }
        for id in range.excluded where !id.isZero { push(try repository.peeledCommit(id).commit, hide: true, into: &input, walk: &self) }
        for glob in range.excludedReferenceGlobs {
            for tip in try repository.hiddenTips(matching: glob) { push(tip, hide: true, into: &input, walk: &self) }
        }
        // Hiding only root commits (lint --from <root>) costs libgit2 nothing and leaves the
        // whole history to walk: leave it to libgit2 and its commit-graph.
        if range.excludedReferenceGlobs.isEmpty {
            let hidden = input.filter { uninteresting[Int($0)] }
            for number in hidden { try parse(number) }
            // (Not in a shallow clone: libgit2 1.5 cannot walk one, this walk can.)
            if !repository.isShallow && hidden.allSatisfy({ parents($0).isEmpty }) { throw OverBudget() }
        }
        // prepare_walk (libgit2 1.5 prepends each input commit again: the calls' order)
        var commits: [Int32] = []
        for number in input {
            try parse(number)
            if uninteresting[Int(number)] { markParentsUninteresting(number) }
            if !seen[Int(number)] {
                seen[Int(number)] = true
                commits.insert(number, at: 0)
            }
        }
        let limited = try limitList(commits, firstParent: range.firstParentOnly)
        var result = sortInTopologicalOrder(limited).filter { !uninteresting[Int($0)] }.map { ObjectID(arena.oids[Int($0)]) }
        if !newestFirst { result.reverse() }
        return result
    }

    /// `mark_parents_uninteresting`: marks the ancestors reached through parsed commits, stopping
    /// at commits already uninteresting.
    private mutating func markParentsUninteresting(_ number: Int32) {
        var stack = Array(parents(number))
        while let next = stack.popLast() {
            var current: Int32? = next
            while let commit = current {
                let i = Int(commit)
                if uninteresting[i] { break }
                uninteresting[i] = true
                if !arena.hasRead(commit) { break }
                let ps = parents(commit)
                stack.append(contentsOf: ps)
                current = ps.first
            }
        }
    }

    /// `git_commit_list_insert_by_date`: before the first commit older than `number`.
    private func insertByDate(_ number: Int32, into list: inout [Int32], from start: Int) {
        let time = arena.times[Int(number)]
        var position = start
        while position < list.count && arena.times[Int(list[position])] >= time { position += 1 }
        list.insert(number, at: position)
    }

    /// `add_parents_to_list`.
    private mutating func addParents(_ number: Int32, to list: inout [Int32], from start: Int, firstParent: Bool) throws {
        let i = Int(number)
        if added[i] { return }
        added[i] = true
        // The history the range needs is cut off in this shallow clone: let libgit2 report it.
        if !uninteresting[i] && arena.isShallowBoundary(number) { throw OverBudget() }
        if uninteresting[i] {
            for parent in parents(number) {
                uninteresting[Int(parent)] = true
                try parse(parent)
                markParentsUninteresting(parent)
                seen[Int(parent)] = true
                insertByDate(parent, into: &list, from: start)
            }
            return
        }
        for parent in parents(number) {
            try parse(parent)
            if !seen[Int(parent)] {
                seen[Int(parent)] = true
                insertByDate(parent, into: &list, from: start)
            }
            if firstParent { break }
        }
    }

    /// `still_interesting`, with git's SLOP of 5; with generation numbers, exact instead: the walk
    /// goes on while an interesting commit is queued or a queued commit is not below every commit
    /// taken (so it could still reach one and make it uninteresting), whatever the dates.
    private func stillInteresting(_ list: ArraySlice<Int32>, time: Int64, slop: Int, lowestTaken: UInt32) -> Int {
        if arena.ordersByGeneration {
            for item in list where !uninteresting[Int(item)] || arena.generations[Int(item)] >= lowestTaken { return 5 }
            return 0
        }
        guard let first = list.first else { return 0 }
        if time <= arena.times[Int(first)] { return 5 }
        for item in list where !uninteresting[Int(item)] || arena.times[Int(item)] > time { return 5 }
        return slop - 1
    }

    /// `limit_list`: the commits taken while interesting, in the order taken.
    private mutating func limitList(_ commits: [Int32], firstParent: Bool) throws -> [Int32] {
        var slop = 5
        var time = Int64.max
        var lowestTaken = UInt32.max
        var list = commits
        var head = 0  // list[head...] is the live list (popping from the front without shifting)
        var result: [Int32] = []
        while head < list.count {
            let commit = list[head]
            head += 1
            if head > 4_096 {
                list.removeFirst(head)
                head = 0
            }
            try addParents(commit, to: &list, from: head, firstParent: firstParent)
            if uninteresting[Int(commit)] {
                markParentsUninteresting(commit)
                slop = stillInteresting(list[head...], time: time, slop: slop, lowestTaken: lowestTaken)
                if slop != 0 { continue }
                break
            }
            time = arena.times[Int(commit)]
            lowestTaken = min(lowestTaken, arena.generations[Int(commit)])
            result.append(commit)
        }
        return result
    }

    /// `sort_in_topological_order` with `git_pqueue` and `git_commit_list_time_cmp`.
    private func sortInTopologicalOrder(_ list: [Int32]) -> [Int32] {
        var inDegree = [Int32](repeating: 0, count: arena.count)
        for number in list { inDegree[Int(number)] = 1 }
        for number in list {
            for parent in parents(number) where inDegree[Int(parent)] != 0 { inDegree[Int(parent)] += 1 }
        }
        var heap: [Int32] = []
        func compare(_ a: Int32, _ b: Int32) -> Int {
            let ta = arena.times[Int(a)], tb = arena.times[Int(b)]
            return ta < tb ? 1 : (ta > tb ? -1 : 0)
        }
        func insert(_ item: Int32) {
            heap.append(item)
            var element = heap.count - 1
            while element > 0 {
                let parentElement = (element - 1) >> 1
                let parent = heap[parentElement]
                if compare(parent, item) <= 0 { break }
                heap[element] = parent
                element = parentElement
            }
            heap[element] = item
        }
        func popFirst() -> Int32? {
            guard let first = heap.first else { return nil }
            if heap.count > 1 {
                heap[0] = heap.removeLast()
                let parent = heap[0]
                var element = 0
                while true {
                    var kidElement = (element << 1) + 1
                    if kidElement >= heap.count { break }
                    var kid = heap[kidElement]
                    if kidElement + 1 < heap.count && compare(kid, heap[kidElement + 1]) > 0 {
                        kidElement += 1
                        kid = heap[kidElement]
                    }
                    if compare(parent, kid) <= 0 { break }
                    heap[element] = kid
                    element = kidElement
                }
                heap[element] = parent
            } else {
                heap.removeLast()
            }
            return first
        }
        for number in list where inDegree[Int(number)] == 1 { insert(number) }
        var result: [Int32] = []
        result.reserveCapacity(list.count)
        while let next = popFirst() {
            for parent in parents(next) where inDegree[Int(parent)] != 0 {
                inDegree[Int(parent)] -= 1
                if inDegree[Int(parent)] == 1 { insert(parent) }
            }
            inDegree[Int(next)] = 0
            result.append(next)
        }
        return result
    }
}
