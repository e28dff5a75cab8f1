import ShipshapeGit
import ShipshapeTestSupport
import Testing
import ShipshapeModel

@Suite struct TreeListingTests {
    @Test func listsTheSubdirectoriesOfADirectoryAtACommit() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("src/sklearn/__init__.py", "__version__ = \"1.0.0\"\n")
        try sandbox.write("src/tools/run.py", "")
        try sandbox.write("src/setup.txt", "")
        try sandbox.write("top/a.txt", "")
        try sandbox.gitOK("add", "-A")
        let first = try sandbox.commit(file: "top/a.txt", message: "chore: layout")
        try sandbox.write("src/later/x.py", "")
        try sandbox.commit(file: "src/later/x.py", message: "chore: later")
        try GitLibrary.ignoreUserAndSystemConfiguration()
        let repository = try #require(try Repository.discover(startingAt: sandbox.root, honoringEnvironment: false))
        let commit = try #require(ObjectID(hex: first))
        #expect(try repository.subdirectoryNames(in: "src", at: commit) == ["sklearn", "tools"])
        #expect(try repository.subdirectoryNames(in: "src/", at: commit) == ["sklearn", "tools"])
        #expect(try repository.subdirectoryNames(in: "", at: commit) == ["src", "top"])
        #expect(try repository.subdirectoryNames(in: "src", at: try #require(ObjectID(hex: try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout))) == ["later", "sklearn", "tools"])
        #expect(try repository.subdirectoryNames(in: "missing", at: commit) == nil)
        #expect(try repository.subdirectoryNames(in: "src/setup.txt", at: commit) == nil)
    }
}
