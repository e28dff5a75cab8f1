import ShipshapeTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The test-support `git daemon`: serves pushes and clones on 127.0.0.1 and is gone once stopped.
@Suite struct GitDaemonTests {
    @Test func servesPushesAndClonesThenStops() throws {
        let sandbox = try GitSandbox()
        let head = try sandbox.commit(message: "chore: start")
        try sandbox.makeBareRemote()
        let daemon = try GitDaemon(basePath: sandbox.temporaryDirectory + "/remotes", environment: sandbox.env)
        let url = daemon.url("origin.git")
        #expect(url.hasPrefix("git://127.0.0.1:\(daemon.port)/"))
        try sandbox.gitOK("push", "-q", url, "main")
        let clone = sandbox.temporaryDirectory + "/clone"
        try sandbox.gitOK(arguments: ["clone", "-q", url, clone], in: sandbox.temporaryDirectory)
        #expect(try sandbox.gitOK(arguments: ["rev-parse", "HEAD"], in: clone).trimmedStdout == head)
        daemon.stop()
        daemon.stop()  // a second stop is harmless
        let refused = try sandbox.git("ls-remote", url)
        #expect(refused.status != 0, "still serving after stop: \(refused)")
    }
}
