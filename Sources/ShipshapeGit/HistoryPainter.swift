import CGit2

/// A commit id as a hash key: the 20 raw bytes of a `git_oid`, without the hexadecimal text.
struct OIDKey: Hashable {
    var head: UInt64
    var middle: UInt64
    var tail: UInt32

    init(_ oid: git_oid) {
        (head, middle, tail) = withUnsafeBytes(of: oid.id) { raw in
            (
                raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
            )
        }
    }
}

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
/// included-only commits, so the walk cannot end before it reaches A). The included-only set is
/// exact unless dates are skewed by more than a day and more than the slop can absorb, as in git
/// without a commit-graph (a commit reachable from the excluded side only through commits much
/// older than itself).
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

    private let repository: Repository
    private var index: [OIDKey: Int32] = [:]
    private var oids: [git_oid] = []
    private var times: [Int64] = []
    private(set) var flags: [UInt8] = []
    private var expanded: [Bool] = []
    /// The parents of node `i` are at `parentStart[i]..<parentStart[i + 1]` of `parentIDs` (their
    /// ids) and `parentNodes` (their nodes, filled in when `i` is expanded).
    private var parentStart: [Int32] = [0]
    private var parentIDs: [git_oid] = []
    private var parentNodes: [Int32] = []
    /// A max-heap of node indexes by committer time (ties: first queued first).
    private var heap: [Int32] = []
    private var queuedInterestingCount = 0
    private var oldestInterestingTime = Int64.max

    /// Nodes created so far (the commits read).
    var nodeCount: Int { oids.count }

    init(repository: Repository) {
        self.repository = repository
    }

    /// The node of a commit, reading it (time and parents) on first sight.
    private func node(_ oid: git_oid) throws(GitError) -> Int32 {
        let key = OIDKey(oid)
        if let existing = index[key] { return existing }
        var id = oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, repository.pointer, &id), "git_commit_lookup", subject: ObjectID(oid).hex)
        defer { git_commit_free(commit) }
        let count = git_commit_parentcount(commit)
        for position in 0..<count {
            if let parent = git_commit_parent_id(commit, position) {
                parentIDs.append(parent.pointee)
                parentNodes.append(-1)
            }
        }
        let number = Int32(oids.count)
        index[key] = number
        oids.append(oid)
        times.append(git_commit_time(commit))
        flags.append(0)
        expanded.append(false)
        parentStart.append(Int32(parentIDs.count))
        return number
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
            for slot in Int(parentStart[i])..<Int(parentStart[i + 1]) { stack.append(parentNodes[slot]) }
        }
    }

    /// Starts the walk from a commit on one side.
    func start(_ id: ObjectID, side flag: UInt8) throws(GitError) {
        let oid = id.oid
        let known = index[OIDKey(oid)] != nil
        let number = try node(oid)
        paint(number, with: flag, queueing: !known)
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
                oldestInterestingTime = min(oldestInterestingTime, times[i])
            }
            expanded[i] = true
            for slot in Int(parentStart[i])..<Int(parentStart[i + 1]) {
                let parent = parentIDs[slot]
                let known = index[OIDKey(parent)] != nil
                let number = try node(parent)
                parentNodes[slot] = number
                paint(number, with: flags[i], queueing: !known)
            }
            if stop() { return true }
            if nodeCount > budget { return false }
            if queuedInterestingCount > 0 {
                slop = Self.slop
                continue
            }
            guard let newest = heap.first else { break }
            if times[Int(newest)] >= oldestInterestingTime &- Self.clockSkewAllowance {
                slop = Self.slop
                continue
            }
            slop -= 1
            if slop == 0 { break }
        }
        return true
    }

    /// The flags of a commit (0 when the walk never reached it).
    func flags(of id: ObjectID) -> UInt8 {
        index[OIDKey(id.oid)].map { flags[Int($0)] } ?? 0
    }

    // MARK: - The queue

    private func before(_ a: Int32, _ b: Int32) -> Bool {
        let ta = times[Int(a)], tb = times[Int(b)]
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
