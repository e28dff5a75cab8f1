import CGit2
import ShipshapeModel

/// A bounded walk that paints commits as reachable from an "included" side, an "excluded" side or
/// both, newest commit first, and stops as soon as the answer is known.
///
/// libgit2 1.5 hides a commit by walking its whole history (libgit2 issue #4428): one new commit
/// on a 100,000-commit repository costs ~200 M instructions. This walk follows git's own approach
/// (`revision.c`'s `limit_list`): a priority queue ordered by committer date takes commits from
/// both sides; a commit reached from an excluded commit is excluded, and so are its ancestors
/// already walked. The walk ends when no queued commit is included-only and, to allow for clock
/// skew, every queued commit is more than a day older than the oldest included-only commit, for
/// a few extra steps (git's `SLOP`).
///
/// Exactness: "is A an ancestor of D" is exact whatever the dates (a path from D to A consists of
/// included-only commits, so the walk cannot end before it reaches A). With a commit-graph the
/// queue is ordered by generation number (commits outside the graph, newer than it, first) and the
/// walk ends once every queued commit is below every included-only one: exact whatever the dates.
/// Without one, the included-only set is exact unless dates are skewed by more than a day and
/// more than the slop can absorb, as in git without a commit-graph (a commit reachable from the
/// excluded side only through commits much older than itself).
final class HistoryPainter {
    /// Reached from the included side.
    static let included: UInt8 = 1
    /// Reached from the excluded side.
    static let excluded: UInt8 = 2
    /// Extra steps taken once only excluded commits are queued (git's `SLOP`).
    static let slop = 5
    /// How much older than every included-only commit the newest queued commit must be before
    /// the walk may end (seconds): commits up to a day out of order are handled exactly.
    static let clockSkewAllowance: Int64 = 86_400

    private var arena: CommitArena
    /// The sides each node of `arena` is reached from (0: not reached yet).
    private(set) var flags: [UInt8] = []
    private var expanded: [Bool] = []
    /// A max-heap of node indexes by committer time (ties: first queued first).
    private var heap: [Int32] = []
    private var queuedInterestingCount = 0
    private var oldestInterestingTime = Int64.max
    /// With a commit-graph: the lowest generation of an included-only commit walked.
    private var lowestInterestingGeneration = UInt32.max

    /// The commits read so far.
    var nodeCount: Int { arena.readCount }

    init(repository: Repository) {
        arena = CommitArena(repository: repository)
    }

    /// Reads a node's commit (time and parents) and gives the nodes it adds their state.
    private func read(_ number: Int32) throws(GitError) {
        try arena.read(number)
        let missing = arena.count - flags.count
        guard missing > 0 else { return }
        flags += repeatElement(0, count: missing)
        expanded += repeatElement(false, count: missing)
    }

    private func isInteresting(_ flag: UInt8) -> Bool { flag == Self.included }

    /// Adds flags to a node; queues it on first sight, and passes new flags on to the ancestors
    /// already walked.
    private func paint(_ start: Int32, with flag: UInt8, queueing isNew: Bool) {
        if isNew {
            flags[Int(start)] = flag
            push(start)
            return
        }
        var stack: [Int32] = [start]
        while let current = stack.popLast() {
            let i = Int(current)
            let before = flags[i]
            let after = before | flag
            if after == before { continue }
            flags[i] = after
            if !expanded[i] {
                // Still queued: keep the count of included-only queued commits right.
                if isInteresting(before) { queuedInterestingCount -= 1 }
                if isInteresting(after) { queuedInterestingCount += 1 }
                continue
            }
            stack.append(contentsOf: arena.parents(current))
        }
    }

    /// Starts the walk from a commit on one side.
    func start(_ id: ObjectID, side flag: UInt8) throws(GitError) {
        let number = arena.node(id.oid)
        try read(number)
        paint(number, with: flag, queueing: flags[Int(number)] == 0)
    }

    /// Walks until the included-only set is settled, or `stop` returns true after a step.
    ///
    /// - Parameters:
    ///   - budget: give up (return false) once this many commits have been read.
    ///   - stop: checked after each step.
    /// - Returns: false when the budget ran out.
    func run(budget: Int = .max, stop: () -> Bool = { false }) throws(GitError) -> Bool {
        var slop = Self.slop
        while let current = pop() {
            let i = Int(current)
            if isInteresting(flags[i]) {
                queuedInterestingCount -= 1
                oldestInterestingTime = min(oldestInterestingTime, arena.times[i])
                lowestInterestingGeneration = min(lowestInterestingGeneration, arena.generations[i])
            }
            expanded[i] = true
            lastExpanded = current
            if isInteresting(flags[i]) && arena.isShallowBoundary(current) {
                throw GitError(
                    function: "HistoryPainter.run", code: -3, message: "the parents of \(ObjectID(arena.oids[i]).hex) are not in this shallow clone",
                    subject: ObjectID(arena.oids[i]).hex, kind: .notFound)
            }
            for parent in arena.parents(current) {
                try read(parent)
                paint(parent, with: flags[i], queueing: flags[Int(parent)] == 0)
            }
            if stop() { return true }
            if nodeCount > budget { return false }
            if queuedInterestingCount > 0 {
                slop = Self.slop
                continue
            }
            guard let newest = heap.first else { break }
            if arena.ordersByGeneration {
                // Exact: a queued commit below every included-only one cannot reach any of them.
                if arena.generations[Int(newest)] >= lowestInterestingGeneration { continue }
                break
            }
            if arena.times[Int(newest)] >= oldestInterestingTime &- Self.clockSkewAllowance {
                slop = Self.slop
                continue
            }
            slop -= 1
            if slop == 0 { break }
        }
        return true
    }

    /// The node of a commit, read (its time and generation known) but not queued: a target
    /// the walk looks for without walking from it.
    func target(_ id: ObjectID) throws(GitError) -> Int32 {
        let number = arena.node(id.oid)
        try read(number)
        return number
    }

    /// The commit the last step expanded, nil before the first.
    private(set) var lastExpanded: Int32?

    /// Whether no commit still queued can be or reach `node`: with a commit-graph, every queued
    /// commit's generation is below the node's (exact: an ancestor's generation is lower, and the
    /// graph holds every ancestor of a commit in it); without one, every queued commit is more
    /// than `clockSkewAllowance` older than the node.
    func queueIsBelow(_ node: Int32) -> Bool {
        guard let newest = heap.first else { return true }
        if arena.ordersByGeneration { return arena.generations[Int(newest)] < arena.generations[Int(node)] }
        return arena.times[Int(newest)] < arena.times[Int(node)] &- Self.clockSkewAllowance
    }

    /// Whether `a` comes before `b` in the walk's order (newer, or higher in the commit-graph).
    func isOrderedBefore(_ a: Int32, _ b: Int32) -> Bool { before(a, b) }

    /// The flags of a commit (0 when the walk never reached it).
    func flags(of id: ObjectID) -> UInt8 {
        arena.existingNode(id.oid).map { flags[Int($0)] } ?? 0
    }

    // MARK: - The queue

    private func before(_ a: Int32, _ b: Int32) -> Bool {
        if arena.ordersByGeneration {
            let ga = arena.generations[Int(a)], gb = arena.generations[Int(b)]
            if ga != gb { return ga > gb }
        }
        let ta = arena.times[Int(a)], tb = arena.times[Int(b)]
        if ta != tb { return ta > tb }
        return a < b
    }

    private func push(_ number: Int32) {
        if isInteresting(flags[Int(number)]) { queuedInterestingCount += 1 }
        heap.append(number)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func pop() -> Int32? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var best = parent
                if left < heap.count && before(heap[left], heap[best]) { best = left }
                if right < heap.count && before(heap[right], heap[best]) { best = right }
                if best == parent { break }
                heap.swapAt(parent, best)
                parent = best
            }
        }
        return top
    }
}
