import Foundation
import Testing
import ShipshapeTestSupport

/// `shipshape lint` and the other manual commands, run as processes.
@Suite struct LintCommandTests {
    let shipshape = productsDirectory() + "/shipshape"

    func jsonObject(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func singleMessagePrintsOneJSONObject() throws {
        let result = try run(shipshape, ["lint", "--format", "json", "--message", "Feat: Add Stuff."], in: "/", environment: [:])
        #expect(result.status == 1)
        let object = try #require(try jsonObject(result.stdout) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        #expect(object["ignored"] as? Bool == false)
        let rules = Set((object["errors"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        #expect(rules.isSuperset(of: ["type-case", "subject-full-stop"]))
    }

    @Test func standardInputAndFiles() throws {
        let ok = try run(shipshape, ["lint", "-"], in: "/", environment: [:], stdin: "fix: handle tabs\n")
        #expect(ok.status == 0, "\(ok)")
        let sandbox = try GitSandbox()
        try sandbox.write("MSG", "docs: explain\n# a comment line that git strips\n")
        let file = try sandbox.run(shipshape, ["lint", "--message-file", "MSG"])
        #expect(file.status == 0, "\(file)")
        let missing = try sandbox.run(shipshape, ["lint", "--message-file", "NOPE"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("NOPE"))
    }

    @Test func findingsPointAtTheLinesOfTheFileAsWritten() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("MSG", "# a comment git strips\n\n\nFeat: x\n")
        let result = try sandbox.run(shipshape, ["lint", "--message-file", "MSG"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("MSG:4:1: error: [type-case]"))
        #expect(result.stdout.contains("   4 | Feat: x"))
    }

    @Test func textAndStandardInputAreJudgedLikeGitCommitDashM() throws {
        // git keeps '#' lines of a message given with -m; so must lint of such a message.
        let text = try run(shipshape, ["lint", "--message", "#42 fix login"], in: "/", environment: [:])
        #expect(text.status == 1)
        #expect(text.stdout.contains("[type-empty]"))
        let piped = try run(shipshape, ["lint", "-"], in: "/", environment: [:], stdin: "fix: login\n\n#42 is the report\n")
        #expect(piped.status == 0, "\(piped)")
        for (arguments, input) in [(["lint", "-"], ""), (["lint", "--message", " \n"], nil)] {
            let empty = try run(shipshape, arguments, in: "/", environment: [:], stdin: input)
            #expect(empty.status == 2, "\(arguments)")
            #expect(empty.stderr.contains("empty"))
        }
    }

    @Test func rangePrintsAnArrayWithCommits() throws {
        let sandbox = try GitSandbox()
        let first = try sandbox.commit(message: "chore: start")
        try sandbox.commit(message: "feat: add export")
        let bad = try sandbox.commit(message: "Added stuff")
        try sandbox.commit(message: "Merge branch 'x' into main")
        let result = try sandbox.run(shipshape, ["lint", "--from", first, "--to", "HEAD", "--format", "json"])
        #expect(result.status == 1)
        let array = try #require(try jsonObject(result.stdout) as? [[String: Any]])
        #expect(array.count == 3)
        #expect(array.map { $0["valid"] as? Bool } == [true, false, true])
        #expect(array[1]["commit"] as? String == bad)
        #expect(array[2]["ignored"] as? Bool == true)

        let github = try sandbox.run(shipshape, ["lint", "--from", first, "--format", "github"])
        #expect(github.stdout.contains("::error title=type-empty::commit \(bad.prefix(7)) (Added stuff)"))
        let text = try sandbox.run(shipshape, ["lint", "--from", first])
        #expect(text.stdout.contains("checked 3 commits: 1 valid, 1 invalid, 1 skipped"))
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [["lint"], ["lint", "--message", "a", "--from", "HEAD"], ["lint", "--bogus"], ["nope"], ["lint", "--format", "xml", "--message", "a"]] {
            let result = try run(shipshape, arguments, in: "/", environment: [:])
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(!result.stderr.isEmpty)
        }
        let range = try run(shipshape, ["lint", "--from", "HEAD"], in: "/", environment: [:])
        #expect(range.status == 2)
        #expect(range.stderr.contains("not inside a git repository"))
    }

    @Test func versionHelpAndRules() throws {
        let version = try run(shipshape, ["--version"], in: "/", environment: [:])
        #expect(version.status == 0)
        #expect(version.stdout.first?.isNumber == true)
        let help = try run(shipshape, ["lint", "--help"], in: "/", environment: [:])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--message-file"))
        let rules = try run(shipshape, ["rules", "--format", "json"], in: "/", environment: [:])
        let list = try #require(try jsonObject(rules.stdout) as? [[String: Any]])
        let ids = Set(list.compactMap { $0["id"] as? String })
        #expect(ids.isSuperset(of: ["type-enum", "header-max-length", "subject-case", "scope-enum", "signed-off-by"]))
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        // `script` gives the command a pseudo-terminal as its standard output.
        guard (try? resolveExecutable("script", environment: ProcessInfo.processInfo.environment)) != nil else { return }
        let command = "\(shipshape) lint --message 'feature: x'"
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TERM": "xterm"]
        let tty = try run("script", ["-qec", command, "/dev/null"], in: "/", environment: env)
        #expect(tty.stdout.contains("\u{1B}[1;31merror"))
        env["NO_COLOR"] = "1"
        let noColor = try run("script", ["-qec", command, "/dev/null"], in: "/", environment: env)
        #expect(noColor.stdout.contains("error: [type-enum]"))
        #expect(!noColor.stdout.contains("\u{1B}["))
        let piped = try run(shipshape, ["lint", "--message", "feature: x"], in: "/", environment: [:])
        #expect(!piped.stdout.contains("\u{1B}["))
    }

    @Test func installIntoABareRepositoryUsesItsHooksDirectory() throws {
        let sandbox = try GitSandbox(bare: true)
        let result = try sandbox.run(shipshape, ["install"])
        #expect(result.status == 0, "\(result)")
        #expect(sandbox.exists("hooks/pre-push"))
        #expect(sandbox.exists("hooks/commit-msg"))
    }

    @Test func installOutsideARepositoryIsAnEnvironmentError() throws {
        let result = try run(shipshape, ["install", "--repo", "/"], in: "/", environment: [:])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not inside a git repository"))
    }

    #if os(Linux)
    /// libgit2 is loaded on first use (CGit2Loader), never at start-up: a `git_*` call without a
    /// generated forwarder would link it again and cost every process 2-3 ms.
    @Test func executablesDoNotLinkLibgit2AtStartUp() throws {
        for program in ["shipshape", "commit-msg", "pre-push", "post-merge", "changelog-sync"] {
            let result = try run("ldd", [productsDirectory() + "/" + program], in: "/", environment: ProcessInfo.processInfo.environment)
            #expect(result.status == 0)
            #expect(!result.stdout.contains("libgit2"), "\(program) links libgit2; run python3 scripts/gen-git2-loader.py")
        }
    }
    #endif

    /// The shared conformance cases (`../shared/conformance`), run through the built binary by
    /// their own checker; enabled where that folder exists beside the package.
    @Test(.enabled(if: conformanceChecker != nil, "../shared/conformance/check.py is not present"))
    func sharedConformanceCasesPass() throws {
        let checker = try #require(conformanceChecker)
        let result = try run("python3", [checker, "--bin", shipshape], in: packageRoot, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
    }
}

/// The package's root directory, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The shared conformance checker beside the package, when present.
let conformanceChecker: String? = {
    let path = URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared/conformance/check.py").path
    return FileManager.default.fileExists(atPath: path) ? path : nil
}()
