import CGit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShipshapeModel

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

/// The commits a bounded walk has met, numbered in the order met (`Int32` nodes, so that the
/// walks keep their per-commit state in plain arrays); each commit is read with
/// `git_commit_lookup` at most once, for its committer time and parents.
struct CommitArena {
    let repository: Repository
    private var index: [OIDKey: Int32] = [:]
    /// The id of each node.
    private(set) var oids: [git_oid] = []
    /// The committer time of each node (0 until read).
    private(set) var times: [Int64] = []
    /// The generation number of each node read from the commit-graph; `CommitArena.beyondGraph`
    /// for a commit outside it (made since the graph was written: never an ancestor of one in it).
    private(set) var generations: [UInt32] = []
    private var isRead: [Bool] = []
    /// Parents of node `i` (once read): `parentNodes[parentStart[i]..<parentEnd[i]]`.
    private var parentStart: [Int32] = []
    private var parentEnd: [Int32] = []
    private var parentNodes: [Int32] = []
    /// How many commits have been read.
    private(set) var readCount = 0
    /// The commit-graph, when the repository has a usable one: commits in it are read from it.
    private let graph: CommitGraphFile?
    /// A shallow clone's boundary (`.git/shallow`): these commits have no parents here, as in git
    /// (libgit2 1.5 reports the parents the clone does not have).
    private let shallowBoundary: Set<OIDKey>

    init(repository: Repository) {
        self.repository = repository
        graph = CommitGraphFile.of(repository)
        shallowBoundary = repository.isShallow ? Self.shallowCommits(repository) : []
    }

    /// The commits listed in `.git/shallow`.
    private static func shallowCommits(_ repository: Repository) -> Set<OIDKey> {
        guard let file = fopen(repository.commonDirectory + "/shallow", "r") else { return [] }
        defer { fclose(file) }
        var text: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            text += buffer[0..<count]
        }
        var result = Set<OIDKey>()
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
            var oid = git_oid()
            if line.count == 40, git_oid_fromstrn(&oid, String(line), 40) == 0 { result.insert(OIDKey(oid)) }
        }
        return result
    }

    /// The number of nodes.
    var count: Int { oids.count }

    /// The generation of a commit outside the commit-graph: above every commit in it.
    static let beyondGraph = UInt32.max

    /// Whether generation numbers order this repository's history: with a commit-graph, a walk
    /// can stop by them exactly, whatever the commit dates say (clock skew).
    var ordersByGeneration: Bool { graph != nil }

    /// The node of a commit, if it has been met.
    func existingNode(_ oid: git_oid) -> Int32? { index[OIDKey(oid)] }

    /// The node of a commit, numbered now if it is new (without reading it).
    mutating func node(_ oid: git_oid) -> Int32 {
        let key = OIDKey(oid)
        if let existing = index[key] { return existing }
        let number = Int32(oids.count)
        index[key] = number
        oids.append(oid)
        times.append(0)
        generations.append(Self.beyondGraph)
        isRead.append(false)
        parentStart.append(0)
        parentEnd.append(0)
        return number
    }

    /// Whether a node's commit has been read.
    func hasRead(_ number: Int32) -> Bool { isRead[Int(number)] }

    /// Reads a node's commit (`git_commit_list_parse`): its time, and its parents as nodes, from
    /// the commit-graph when the commit is in it, else with `git_commit_lookup`.
    mutating func read(_ number: Int32) throws(GitError) {
        let i = Int(number)
        if isRead[i] { return }
        if let graph, let position = graph.position(of: oids[i]), let parentPositions = graph.parents(at: position) {
            times[i] = graph.commitTime(at: position)
            generations[i] = graph.generation(at: position)
            let parents = parentPositions.map { node(graph.oid(at: $0)) }
            store(parents, for: i)
            return
        }
        var id = oids[i]
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, repository.pointer, &id), "git_commit_lookup", subject: ObjectID(id).hex)
        defer { git_commit_free(commit) }
        times[i] = git_commit_time(commit)
        var parents: [Int32] = []
        for position in 0..<git_commit_parentcount(commit) {
            if let parent = git_commit_parent_id(commit, position) { parents.append(node(parent.pointee)) }
        }
        store(parents, for: i)
    }

    private mutating func store(_ parents: [Int32], for i: Int) {
        let parents = shallowBoundary.contains(OIDKey(oids[i])) ? [] : parents
        parentStart[i] = Int32(parentNodes.count)
        parentNodes += parents
        parentEnd[i] = Int32(parentNodes.count)
        isRead[i] = true
        readCount += 1
    }

    /// Whether a node is on a shallow clone's boundary: its parents are not in the clone, so a
    /// walk that needs them (from the included side) cannot be answered here.
    func isShallowBoundary(_ number: Int32) -> Bool {
        !shallowBoundary.isEmpty && shallowBoundary.contains(OIDKey(oids[Int(number)]))
    }

    /// The parents of a node that has been read, in the commit's order.
    ///
    /// A copy, not a slice: a walk reads the parents while it goes through them, and a slice
    /// still held would make every read copy the whole parent list (copy on write), which cost
    /// a quadratic 0.5 s on 100,000 commits.
    func parents(_ number: Int32) -> [Int32] {
        let i = Int(number)
        return Array(parentNodes[Int(parentStart[i])..<Int(parentEnd[i])])
    }
}
