import Foundation
import Testing
import ShipshapeTestSupport

/// One vocabulary for a finding in every command's JSON, `--format github` wherever a command
/// offers it, and a clear usage error (exit 2) for a format a command cannot give.
@Suite struct OutputFormatEndToEndTests {
    let bin = productsDirectory()

    /// The keys a finding may have, whichever command reports it.
    static let findingKeys: Set<String> = ["rule", "severity", "message", "line", "column", "help", "file"]

    /// A repository whose version files disagree, with a bad commit message on top.
    func troubledRepository() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.write("VERSION", "1.2.0\n")
        try sandbox.write("package.json", "{ \"version\": \"1.1.0\" }\n")
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "-m", "chore: start")
        try sandbox.commit(file: "a.txt", contents: "a\n", message: "Added things.")
        return sandbox
    }

    func json(_ result: ProcessResult) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// Every finding object under `errors` and `warnings` of a subject object.
    func findings(of subject: [String: Any]) -> [[String: Any]] {
        ((subject["errors"] as? [[String: Any]]) ?? []) + ((subject["warnings"] as? [[String: Any]]) ?? [])
    }

    func expectOneVocabulary(_ subject: [String: Any], _ command: String) {
        #expect(subject["valid"] as? Bool == false, "\(command): \(subject)")
        #expect(subject["ignored"] as? Bool == false, "\(command)")
        let all = findings(of: subject)
        #expect(!all.isEmpty, "\(command) reports its findings")
        for finding in all {
            #expect(Set(finding.keys).isSubset(of: Self.findingKeys), "\(command): \(finding.keys.sorted())")
            #expect(finding["rule"] is String && finding["message"] is String, "\(command)")
            #expect(["error", "warning"].contains(finding["severity"] as? String), "\(command): \(finding)")
        }
    }

    @Test func lintCheckAndVerifySpeakTheSameJSON() throws {
        let sandbox = try troubledRepository()
        let lint = try sandbox.run(bin + "/shipshape", ["lint", "--from", "HEAD~1", "--format", "json"])
        #expect(lint.status == 1, "\(lint)")
        let commits = try #require(try json(lint) as? [[String: Any]])
        #expect(commits.count == 1)
        expectOneVocabulary(commits[0], "lint")
        #expect(findings(of: commits[0]).contains { $0["rule"] as? String == "subject-full-stop" })

        let check = try sandbox.run(bin + "/shipshape", ["check", "--format", "json"])
        #expect(check.status == 1, "\(check)")
        let checked = try #require(try json(check) as? [String: Any])
        expectOneVocabulary(checked, "check")
        #expect(checked["commit"] as? String == (try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout))
        #expect((checked["sources"] as? [[String: Any]])?.count == 2)
        let agreement = try #require(findings(of: checked).first { $0["rule"] as? String == "version-agreement" })
        #expect(agreement["file"] as? String == "package.json" && agreement["line"] as? Int == 1, "\(agreement)")

        let head = try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
        let verify = try sandbox.run(
            bin + "/shipshape", ["verify", "--ref", "refs/heads/feature/x", "--new", head, "--format", "json", "--default-branch", "main"])
        #expect(verify.status == 1, "\(verify)")
        let verified = try #require(try json(verify) as? [String: Any])
        #expect(verified["valid"] as? Bool == false)
        let ref = try #require((verified["refs"] as? [[String: Any]])?.first)
        #expect(ref["ref"] as? String == "refs/heads/feature/x" && ref["new"] as? String == head)
        expectOneVocabulary(ref, "verify")
    }

    @Test func githubAnnotationsComeFromEveryCommandThatOffersThem() throws {
        let sandbox = try troubledRepository()
        let head = try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
        let runs: [(String, [String])] = [
            ("lint", ["lint", "--from", "HEAD~1", "--format", "github"]),
            ("check", ["check", "--format", "github"]),
            ("verify", ["verify", "--ref", "refs/heads/feature/x", "--new", head, "--format", "github", "--default-branch", "main"]),
        ]
        for (name, arguments) in runs {
            let result = try sandbox.run(bin + "/shipshape", arguments)
            #expect(result.status == 1, "\(name): \(result)")
            let annotations = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") }
            #expect(!annotations.isEmpty, "\(name): \(result.stdout)")
            #expect(annotations.allSatisfy { $0.contains("title=") && $0.contains("::") }, "\(name)")
            #expect(!result.stdout.contains("\u{1B}["), "\(name): no colour in annotations")
        }
    }

    @Test func aFormatACommandCannotGiveIsAUsageError() throws {
        let sandbox = try troubledRepository()
        let refusals: [([String], String)] = [
            (["rules", "--format", "github"], "shipshape rules cannot give --format github; use text or json"),
            (["version", "--format", "github"], "shipshape version cannot give --format github; use text or json"),
            (["changelog", "sync", "--format", "github"], "changelog-sync cannot give --format github; use text or json"),
        ]
        for (arguments, message) in refusals {
            let result = try sandbox.run(bin + "/shipshape", arguments)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments): nothing half-printed")
        }
        let sync = try sandbox.run(bin + "/changelog-sync", ["--format", "github"])
        #expect(sync.status == 2 && sync.stderr.contains("changelog-sync cannot give --format github"), "\(sync)")
        for arguments in [["lint", "--message", "feat: x", "--format", "xml"], ["check", "--format", "yaml"]] {
            let unknown = try sandbox.run(bin + "/shipshape", arguments)
            #expect(unknown.status == 2, "\(arguments): \(unknown)")
            #expect(unknown.stderr.contains("--format"), "\(arguments): \(unknown.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/CHANGELOG.md"), "a refused sync writes nothing")
    }

    @Test func changelogAndVersionDocumentsAreJSONWithTheirProseLeftOut() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("VERSION", "1.0.0\n")
        try sandbox.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n")
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "-m", "chore: start")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "Release version 1.0.0")
        try sandbox.commit(file: "a.txt", contents: "a\n", message: "feat: add a")
        let dry = try sandbox.run(bin + "/changelog-sync", ["--dry-run", "--format", "json"])
        #expect(dry.status == 0, "\(dry)")
        let plan = try #require(try json(dry) as? [String: Any])
        #expect(plan["mode"] as? String == "dryRun" && plan["changed"] as? Bool == true)
        #expect((plan["diff"] as? String)?.contains("+- add a (") == true, "\(plan)")
        let text = try sandbox.run(bin + "/changelog-sync", ["--dry-run"])
        #expect(text.stdout.contains("+- add a (") && text.stdout.contains("CHANGELOG.md: would change (1 entry added)"), "\(text.stdout)")

        let version = try sandbox.run(bin + "/shipshape", ["version", "--next", "--format", "json"])
        #expect(version.status == 0, "\(version)")
        let report = try #require(try json(version) as? [String: Any])
        #expect(report["version"] as? String == "1.0.0")
        #expect((report["next"] as? [String: Any])?["version"] as? String == "1.1.0", "\(report)")
    }
}
