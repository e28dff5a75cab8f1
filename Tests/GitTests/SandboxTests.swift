import Foundation
import ShipshapeTestSupport
import Testing

@Suite struct SandboxTests {
    @Test func initCommitAndReadBack() throws {
        let sandbox = try GitSandbox()
        let id = try sandbox.commit(file: "docs/readme.md", contents: "hello\n", message: "feat: first\n\nbody\n")
        #expect(id.count == 40)
        #expect(try sandbox.read("docs/readme.md") == "hello\n")
        #expect(try sandbox.gitOK("log", "-1", "--format=%B").stdout == "feat: first\n\nbody\n\n")
        #expect(try sandbox.gitOK("log", "-1", "--format=%an <%ae> %cI").trimmedStdout
            == "Shipshape Tester <tester@example.com> 2024-01-15T12:00:00+00:00")
        #expect(try sandbox.gitOK("symbolic-ref", "HEAD").trimmedStdout == "refs/heads/main")
    }

    /// A descriptor the test process holds open (here without close-on-exec, as Foundation
    /// sometimes opens files) must not reach a child: a hook written that way could not run.
    @Test func childrenDoNotInheritTheTestProcesssDescriptors() throws {
        let sandbox = try GitSandbox()
        let descriptor = open(sandbox.path("held-open"), O_WRONLY | O_CREAT, 0o644)
        #expect(descriptor > 2)
        defer { close(descriptor) }
        let listing = try run("/bin/sh", ["-c", "ls /proc/$$/fd"], in: sandbox.root, environment: sandbox.env)
        let inherited = Set(listing.stdout.split(separator: "\n").compactMap { Int32($0) })
        #expect(inherited.isSuperset(of: [0, 1, 2]), "\(listing)")
        #expect(!inherited.contains(descriptor), "descriptor \(descriptor) reached the child: \(inherited.sorted())")
    }

    @Test func environmentIsHermetic() throws {
        let sandbox = try GitSandbox(initialBranch: "trunk")
        #expect(sandbox.env["HOME"] == sandbox.home)
        #expect(sandbox.env["GIT_CONFIG_NOSYSTEM"] == "1")
        // The global config is the sandbox's empty file: no user.name from the developer.
        let globalName = try sandbox.git("config", "--global", "--get", "user.name")
        #expect(globalName.status == 1)
        #expect(try sandbox.gitOK("config", "--show-origin", "--list").stdout.contains(sandbox.home) == false)
        #expect(try sandbox.gitOK("symbolic-ref", "--short", "HEAD").trimmedStdout == "trunk")
    }

    @Test func sandboxDirectoryIsRemovedOnDeinit() throws {
        var sandbox: GitSandbox? = try GitSandbox()
        let directory = sandbox!.temporaryDirectory
        #expect(FileManager.default.fileExists(atPath: directory))
        sandbox = nil
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test func failingGitThrowsWithStderr() throws {
        let sandbox = try GitSandbox()
        do {
            try sandbox.gitOK("rev-parse", "--verify", "no-such-thing")
            Issue.record("expected failure")
        } catch let error as TestSupportError {
            #expect("\(error)".contains("no-such-thing"))
        }
    }

    @Test func largeOutputAndInputDoNotDeadlock() throws {
        let sandbox = try GitSandbox()
        let big = String(repeating: "0123456789abcdef\n", count: 200_000)  // 3.4 MB
        let result = try run("cat", [], in: sandbox.root, environment: sandbox.env, stdin: big)
        #expect(result.status == 0)
        #expect(result.stdoutBytes.count == big.utf8.count)
        let both = try run("sh", ["-c", "head -c 2000000 /dev/zero; head -c 2000000 /dev/zero >&2; exit 3"],
                           in: nil, environment: sandbox.env)
        #expect(both.status == 3)
        #expect(both.stdoutBytes.count == 2_000_000 && both.stderrBytes.count == 2_000_000)
    }

    @Test func childGetsWorkingDirectoryAndEarlyExitWithInputIsSafe() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("sub/dir/x.txt", "x")
        #expect(try sandbox.run("pwd", [], in: "sub/dir").trimmedStdout == sandbox.path("sub/dir"))
        let early = try run("true", [], in: nil, environment: sandbox.env, stdin: String(repeating: "y", count: 1_000_000))
        #expect(early.status == 0)
        #expect(throws: TestSupportError.self) { try run("no-such-executable-xyz", [], in: nil, environment: sandbox.env) }
    }

    @Test func timeoutKillsAHangingChild() throws {
        let sandbox = try GitSandbox()
        let result = try sandbox.run("sh", ["-c", "echo started; sleep 30"], timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.status == 137)
        #expect(result.stdout == "started\n")
        #expect(try !sandbox.run("true", [], timeout: 10).timedOut)
    }

    @Test func bareRemoteAcceptsPush() throws {
        let sandbox = try GitSandbox()
        let remote = try sandbox.makeBareRemote()
        try sandbox.commit(message: "chore: init")
        try sandbox.gitOK("push", "-q", "origin", "main")
        #expect(try sandbox.gitOK("rev-parse", "main", in: remote).trimmedStdout == sandbox.gitOK("rev-parse", "HEAD").trimmedStdout)
        let bare = try GitSandbox(bare: true)
        #expect(try bare.gitOK("rev-parse", "--is-bare-repository").trimmedStdout == "true")
    }

    @Test func productsDirectoryPointsAtBuildOutput() {
        let directory = productsDirectory()
        #expect(directory.hasPrefix("/"))
        #expect(!directory.hasSuffix("/"))
        #expect(FileManager.default.isExecutableFile(atPath: directory + "/shipshape"))
    }
}
