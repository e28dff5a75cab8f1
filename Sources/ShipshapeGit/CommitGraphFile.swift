import CGit2
package import ShipshapeModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// git's commit-graph file (`objects/info/commit-graph`, as `git gc` writes it), read directly
/// and mapped into memory: a commit's committer time, parents and generation number without
/// inflating the commit object.
///
/// Why: the bounded walks read every commit they meet (`CommitArena`); through libgit2 each is a
/// pack lookup and a zlib inflate (~30 µs), so hiding the 180 release tags of a large repository
/// cost 6 ms before any work. Here a commit is a binary search in the mapped file (< 1 µs). The
/// values are git's own (the same times libgit2 reads), so the walks' results do not change.
///
/// Only a single, complete graph is used: a split graph chain, `core.commitGraph = false`, a
/// shallow clone, replace refs or grafts (which change parents behind the graph's back, and make
/// git ignore it too), or a file that does not parse make `of(_:)` return nil, and commits are
/// read through libgit2 as before. A commit missing from the graph (made since it was written)
/// is read through libgit2 too.
final class CommitGraphFile {
    private let base: UnsafeRawPointer
    private let size: Int
    private let fanout: Int
    private let oids: Int
    private let data: Int
    private let extraEdges: Int?
    /// The number of commits in the graph.
    let count: Int

    /// The marker of "no parent" in a parent field, and the flag of an octopus merge's edge list.
    private static let noParent: UInt32 = 0x7000_0000
    private static let edgeList: UInt32 = 0x8000_0000

    private init?(base: UnsafeRawPointer, size: Int) {
        self.base = base
        self.size = size
        func u32(_ offset: Int) -> UInt32 { UInt32(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        func u64(_ offset: Int) -> UInt64 { UInt64(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        // Header: "CGPH", version 1, hash version 1 (SHA-1), chunk count, base graph count 0.
        guard size >= 8, u32(0) == 0x4347_5048, base.load(fromByteOffset: 4, as: UInt8.self) == 1,
            base.load(fromByteOffset: 5, as: UInt8.self) == 1, base.load(fromByteOffset: 7, as: UInt8.self) == 0
        else { return nil }
        let chunkCount = Int(base.load(fromByteOffset: 6, as: UInt8.self))
        guard 8 + (chunkCount + 1) * 12 <= size else { return nil }
        var chunks: [UInt32: Int] = [:]
        for index in 0..<chunkCount {
            let entry = 8 + index * 12
            let offset = u64(entry + 4)
            guard offset < UInt64(size) else { return nil }
            chunks[u32(entry)] = Int(offset)
        }
        guard let fanout = chunks[0x4F49_4446], let oids = chunks[0x4F49_444C], let data = chunks[0x4344_4154],
            fanout + 256 * 4 <= size
        else { return nil }
        let count = Int(u32(fanout + 255 * 4))
        guard oids + count * 20 <= size, data + count * 36 <= size else { return nil }
        (self.fanout, self.oids, self.data, self.count) = (fanout, oids, data, count)
        extraEdges = chunks[0x4544_4745]
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), size) }

    /// The repository's usable commit-graph, opened once per repository.
    static func of(_ repository: Repository) -> CommitGraphFile? {
        if let cached = repository.commitGraph { return cached }
        let graph = load(repository)
        repository.commitGraph = .some(graph)
        return graph
    }

    private static func load(_ repository: Repository) -> CommitGraphFile? {
        if repository.isShallow || (try? repository.configBool("core.commitGraph")) == false { return nil }
        let common = repository.commonDirectory
        if access(common + "/info/grafts", F_OK) == 0 { return nil }
        if let replaced = try? repository.references(matching: "refs/replace/*"), !replaced.isEmpty { return nil }
        let fd = open(common + "/objects/info/commit-graph", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else { return nil }
        guard let graph = CommitGraphFile(base: UnsafeRawPointer(mapped), size: size) else {
            munmap(mapped, size)
            return nil
        }
        return graph
    }

    private func u32(_ offset: Int) -> UInt32 { UInt32(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }

    /// The position of a commit in the graph, or nil when it is not there.
    func position(of oid: git_oid) -> Int? {
        let first = withUnsafeBytes(of: oid.id) { Int($0[0]) }
        var low = first == 0 ? 0 : Int(u32(fanout + (first - 1) * 4))
        var high = Int(u32(fanout + first * 4))
        while low < high {
            let middle = (low + high) / 2
            let order = withUnsafeBytes(of: oid.id) { wanted in memcmp(base + oids + middle * 20, wanted.baseAddress!, 20) }
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The id of the commit at a position.
    func oid(at position: Int) -> git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + oids + position * 20, count: 20)) }
        return oid
    }

    /// The committer time of the commit at a position (seconds since the epoch, 34 bits).
    func commitTime(at position: Int) -> Int64 {
        let entry = data + position * 36
        return Int64(u32(entry + 28) & 0x3) << 32 | Int64(u32(entry + 32))
    }

    /// The topological level (generation number v1) of the commit at a position: one more than
    /// its parents' highest.
    func generation(at position: Int) -> UInt32 { u32(data + position * 36 + 28) >> 2 }

    /// The positions of the parents of the commit at a position, in the commit's order; nil when
    /// the file is inconsistent (then the commit is read through libgit2).
    func parents(at position: Int) -> [Int]? {
        let entry = data + position * 36
        let first = u32(entry + 20), second = u32(entry + 24)
        if first == Self.noParent { return [] }
        guard Int(first) < count else { return nil }
        if second == Self.noParent { return [Int(first)] }
        if second & Self.edgeList == 0 {
            guard Int(second) < count else { return nil }
            return [Int(first), Int(second)]
        }
        // An octopus merge: the second parent onwards are in the extra edge list, the last one
        // flagged.
        guard let extraEdges else { return nil }
        var result = [Int(first)]
        var index = Int(second & ~Self.edgeList)
        while extraEdges + index * 4 + 4 <= size {
            let edge = u32(extraEdges + index * 4)
            let parent = Int(edge & ~Self.edgeList)
            guard parent < count else { return nil }
            result.append(parent)
            if edge & Self.edgeList != 0 { return result }
            index += 1
        }
        return nil
    }
}

extension Repository {
    /// Whether the commit-graph lists this id (then it is a commit, known without reading the
    /// object); false without a usable graph.
    package func commitGraphContains(_ id: ObjectID) -> Bool {
        CommitGraphFile.of(self)?.position(of: id.oid) != nil
    }
}
