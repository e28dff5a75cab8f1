@testable import ShipshapeGit
import ShipshapeModel
import ShipshapeTestSupport
import Testing

/// The commit-graph reader gives the times and parents libgit2 reads from the objects.
@Suite struct CommitGraphFileTests {
    @Test func timesAndParentsAgreeWithTheObjectsOctopusMergesIncluded() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "root", date: "2024-01-01T00:00:00Z")
        for branch in ["a", "b", "c"] {
            try sandbox.gitOK("checkout", "-q", "-b", branch, "main")
            try sandbox.commit(file: "\(branch).txt", message: "on \(branch)", date: "2024-01-02T00:00:00Z")
        }
        try sandbox.gitOK("checkout", "-q", "main")
        try sandbox.gitOK("merge", "-q", "--no-ff", "--no-edit", "a", "b", "c")
        for i in 0..<20 { try sandbox.commit(file: "f.txt", contents: "\(i)\n", message: "c\(i)", date: "2023-06-0\(i % 9 + 1)T00:00:00Z") }
        try sandbox.gitOK("commit-graph", "write", "--reachable")
        let repository = try #require(try Repository.discover(startingAt: sandbox.root))
        let graph = try #require(CommitGraphFile.of(repository))
        let ids = try repository.libgit2CommitIDs(CommitRange(included: [repository.resolve("HEAD")]))
        #expect(graph.count == ids.count)
        for id in ids {
            let position = try #require(graph.position(of: id.oid))
            let commit = try repository.commit(id)
            #expect(graph.commitTime(at: position) == commit.time.secondsSince1970)
            #expect(graph.parents(at: position)?.map { ObjectID(graph.oid(at: $0)) } == commit.parentIDs)
        }
        let octopus = try repository.commit(repository.resolve("HEAD~20"))
        #expect(octopus.parentIDs.count == 4)
        #expect(graph.position(of: ObjectID(hex: String(repeating: "f", count: 40))!.oid) == nil)
    }

    @Test func aGraphIsNotUsedWhereGitWouldNotUseIt() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "one")
        try sandbox.commit(message: "two")
        try sandbox.gitOK("commit-graph", "write", "--reachable")
        try sandbox.gitOK("config", "core.commitGraph", "false")
        #expect(CommitGraphFile.of(try #require(try Repository.discover(startingAt: sandbox.root))) == nil)
        try sandbox.gitOK("config", "core.commitGraph", "true")
        try sandbox.gitOK("replace", "--graft", "HEAD")
        #expect(CommitGraphFile.of(try #require(try Repository.discover(startingAt: sandbox.root))) == nil)
    }
}
