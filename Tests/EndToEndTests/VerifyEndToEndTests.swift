import Foundation
import Testing
import ShipshapeTestSupport

/// A CI job's clone: the team's repository pushed to a plain bare remote (no hooks: a hosted
/// forge), then fetched back, so the clone has the pushed refs, as GitHub Actions' and GitLab
/// CI's checkouts do.
final class CIClone {
    let sandbox: GitSandbox
    let bin = productsDirectory()

    init() throws {
        sandbox = try GitSandbox()
        try sandbox.makeBareRemote()
        try sandbox.write("VERSION", "1.0.0\n")
        try sandbox.write("package.json", "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\"\n}\n")
        try sandbox.write("CHANGELOG.md", changelog(["1.0.0"]))
        try sandbox.gitOK("add", "-A")
        try sandbox.commit(file: "README", contents: "app\n", message: "chore: start at 1.0.0")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "Release version 1.0.0")
        try sandbox.gitOK("branch", "develop")
        try sandbox.gitOK("push", "-q", "origin", "main", "develop", "v1.0.0")
    }

    func changelog(_ versions: [String]) -> String {
        "# Changelog\n\n## [Unreleased]\n" + versions.map { "\n## [\($0)] - 2026-12-01\n\n### Added\n\n- release \($0)\n" }.joined()
    }

    func setVersion(_ version: String, packageJSON: String? = nil) throws {
        try sandbox.write("VERSION", version + "\n")
        try sandbox.write("package.json", "{\n  \"name\": \"app\",\n  \"version\": \"\(packageJSON ?? version)\"\n}\n")
        try sandbox.gitOK("add", "-A")
    }

    func rev(_ name: String) throws -> String { try sandbox.gitOK("rev-parse", name).trimmedStdout }

    /// Pushes (nothing refuses: the forge has no hook) and fetches, as the CI clone sees it; the
    /// update line a workflow gets.
    func publish(_ ref: String, local: String) throws -> String {
        let old = try sandbox.git("rev-parse", "-q", "--verify", "refs/remotes/origin/" + ref.split(separator: "/").dropFirst(2).joined(separator: "/"))
        let before = ref.hasPrefix("refs/heads/") && old.status == 0 ? old.trimmedStdout : String(repeating: "0", count: 40)
        try sandbox.gitOK("push", "-q", "origin", "\(local):\(ref)")
        try sandbox.gitOK("fetch", "-q", "origin")
        return "\(before) \(try rev(local == ref ? ref : local)) \(ref)\n"
    }

    func verify(_ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
        try sandbox.run(bin + "/shipshape", ["verify"] + arguments, stdin: stdin)
    }
}

/// The refused cases of the server hook, as `shipshape verify` reports them in each format.
enum VerifyCase: String, CaseIterable, CustomTestStringConvertible {
    case badMessage, badBranchName, lightweightTag, disagreeingFiles, skippedVersion, minorOverBreaking, configurationEdit
    case invalidConfiguration

    var testDescription: String { rawValue }

    /// Makes the case's commits in the clone and publishes them; returns the update line, the
    /// ref and the rule it breaks.
    func prepare(_ clone: CIClone) throws -> (line: String, ref: String, rule: String) {
        let s = clone.sandbox
        switch self {
        case .badMessage:
            try s.commit(file: "a.txt", message: "added stuff")
            return (try clone.publish("refs/heads/main", local: "main"), "refs/heads/main", "pushed-commit-lint")
        case .badBranchName:
            try s.gitOK("checkout", "-q", "-b", "Feature_Export")
            try s.commit(file: "a.txt", message: "feat: export to CSV")
            return (try clone.publish("refs/heads/Feature_Export", local: "Feature_Export"), "refs/heads/Feature_Export", "branch-name")
        case .lightweightTag:
            try s.commit(file: "a.txt", message: "feat: export to CSV")
            try clone.setVersion("1.1.0")
            try s.write("CHANGELOG.md", clone.changelog(["1.1.0", "1.0.0"]))
            try s.commit(file: "CHANGELOG.md", contents: clone.changelog(["1.1.0", "1.0.0"]), message: "chore: bump version to 1.1.0")
            _ = try clone.publish("refs/heads/main", local: "main")
            try s.gitOK("tag", "v1.1.0")
            return (try clone.publish("refs/tags/v1.1.0", local: "refs/tags/v1.1.0"), "refs/tags/v1.1.0", "tag-matches")
        case .disagreeingFiles:
            try s.commit(file: "a.txt", message: "feat: export to CSV")
            try clone.setVersion("1.1.0", packageJSON: "1.0.0")
            try s.commit(file: "CHANGELOG.md", contents: clone.changelog(["1.1.0", "1.0.0"]), message: "chore: bump version to 1.1.0")
            try s.gitOK("tag", "-a", "v1.1.0", "-m", "Release version 1.1.0")
            return (try clone.publish("refs/tags/v1.1.0", local: "refs/tags/v1.1.0"), "refs/tags/v1.1.0", "version-agreement")
        case .skippedVersion:
            try s.commit(file: "a.txt", message: "feat: export to CSV")
            try clone.setVersion("1.2.0")
            try s.commit(file: "VERSION", contents: "1.2.0\n", message: "chore: bump version to 1.2.0")
            return (try clone.publish("refs/heads/main", local: "main"), "refs/heads/main", "version-monotonic")
        case .minorOverBreaking:
            try s.commit(file: "a.txt", message: "feat!: drop the legacy API")
            try clone.setVersion("1.1.0")
            try s.commit(file: "VERSION", contents: "1.1.0\n", message: "chore: bump version to 1.1.0")
            return (try clone.publish("refs/heads/main", local: "main"), "refs/heads/main", "bump-level")
        case .invalidConfiguration:
            try s.write(".shipshape.toml", "[commit]\ntypoo = 1\n")
            try s.gitOK("add", ".shipshape.toml")
            try s.commit(file: "a.txt", message: "chore: configure shipshape")
            return (try clone.publish("refs/heads/main", local: "main"), "refs/heads/main", "configuration-valid")
        case .configurationEdit:
            try s.write(".shipshape.toml", "[push]\nlint-commits = false\n")
            try s.gitOK("add", ".shipshape.toml")
            try s.commit(file: "a.txt", message: "added stuff")
            return (try clone.publish("refs/heads/main", local: "main"), "refs/heads/main", "pushed-commit-lint")
        }
    }
}

@Suite struct VerifyEndToEndTests {
    static let formats = ["text", "json", "github"]

    /// Asserts a refusal of `ref` for `rule` in the format's own terms; returns the output.
    @discardableResult
    func expectRefused(
        _ result: ProcessResult, format: String, ref: String, rule: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
        let out = result.stdout
        switch format {
        case "json":
            let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
            #expect(object?["valid"] as? Bool == false, "\(out)", sourceLocation: sourceLocation)
            let refs = object?["refs"] as? [[String: Any]] ?? []
            let entry = refs.first { $0["ref"] as? String == ref }
            #expect(entry?["valid"] as? Bool == false, "\(out)", sourceLocation: sourceLocation)
            let rules = (entry?["errors"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            #expect(rules.contains(rule), "\(out)", sourceLocation: sourceLocation)
        case "github":
            let annotations = out.split(separator: "\n").filter { $0.hasPrefix("::error ") }
            #expect(annotations.contains { $0.contains("title=\(rule)::\(ref): ") }, "\(out)", sourceLocation: sourceLocation)
            #expect(out.contains("shipshape verify: refused \(ref): "), "\(out)", sourceLocation: sourceLocation)
        default:
            #expect(out.split(separator: "\n").contains { $0.hasPrefix(ref) && $0.contains("error: [\(rule)]") }, "\(out)", sourceLocation: sourceLocation)
            #expect(out.contains("shipshape verify: refused \(ref): "), "\(out)", sourceLocation: sourceLocation)
            #expect(out.split(separator: "\n").last?.hasPrefix("shipshape verify: failed: ") == true, "\(out)", sourceLocation: sourceLocation)
        }
        return out
    }

    @Test(arguments: VerifyCase.allCases, formats) func refusesWhatTheServerRefuses(_ kind: VerifyCase, _ format: String) throws {
        let clone = try CIClone()
        let (line, ref, rule) = try kind.prepare(clone)
        let out = try expectRefused(try clone.verify(["--format", format], stdin: line), format: format, ref: ref, rule: rule)
        if kind == .disagreeingFiles && format == "github" {
            #expect(out.contains("::error file=package.json,line=3,col=15,title=version-agreement::refs/tags/v1.1.0: at "), "\(out)")
        }
        if kind == .disagreeingFiles && format == "json" {
            #expect(out.contains(#""file":"package.json","line":3,"column":15"#), "\(out)")
        }
        if kind == .lightweightTag && format == "github" {
            // A lightweight tag is about no file: the annotation names none.
            #expect(out.contains("::error title=tag-matches::refs/tags/v1.1.0: tag v1.1.0 is a lightweight tag"), "\(out)")
        }
        if kind == .skippedVersion && format == "github" {
            #expect(out.contains("::error file=VERSION,line=1,col=1,title=version-monotonic::refs/heads/main: "), "\(out)")
        }
        if kind == .invalidConfiguration && format == "github" {
            #expect(out.contains("::error file=.shipshape.toml,line=2,title=configuration-valid::refs/heads/main: "), "\(out)")
        }
        if kind == .configurationEdit && format == "text" {
            #expect(out.contains("shipshape verify: rules from the defaults (no .shipshape.toml at refs/heads/main ("), "\(out)")
        }
    }

    @Test(arguments: formats) func takesOneUpdateFromTheCommandLine(_ format: String) throws {
        let clone = try CIClone()
        let old = try clone.rev("main")
        try clone.sandbox.commit(file: "a.txt", message: "feat: export to CSV")
        try clone.setVersion("1.2.0")
        try clone.sandbox.commit(file: "VERSION", contents: "1.2.0\n", message: "chore: bump version to 1.2.0")
        _ = try clone.publish("refs/heads/main", local: "main")
        let result = try clone.verify(["--ref", "main", "--old", old, "--new", try clone.rev("main"), "--format", format])
        try expectRefused(result, format: format, ref: "refs/heads/main", rule: "version-monotonic")
    }

    @Test(arguments: formats) func acceptsGoodUpdatesAndDeletions(_ format: String) throws {
        let clone = try CIClone()
        try clone.sandbox.gitOK("checkout", "-q", "-b", "feature/export", "develop")
        try clone.sandbox.commit(file: "a.txt", message: "feat: export to CSV")
        var lines = try clone.publish("refs/heads/feature/export", local: "feature/export")
        lines += "\(try clone.rev("develop")) \(String(repeating: "0", count: 40)) refs/heads/old-branch\n"
        let result = try clone.verify(["--format", format], stdin: lines)
        #expect(result.status == 0, "\(result)")
        switch format {
        case "json":
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect(object?["valid"] as? Bool == true, "\(result)")
            #expect((object?["refs"] as? [Any])?.count == 2, "\(result)")
        default:
            #expect(!result.stdout.contains("::error"), "\(result)")
            #expect(result.stdout.contains("shipshape verify: ok (2 refs, 1 new commit checked"), "\(result)")
        }
    }

    /// GitLab's `CI_COMMIT_SHA` names the tagged commit, not the tag: the clone's annotated tag
    /// of that name is what is judged.
    @Test func aTagGivenByItsCommitIsJudgedByTheTagItself() throws {
        let clone = try CIClone()
        try clone.sandbox.commit(file: "a.txt", message: "feat: export to CSV")
        try clone.setVersion("1.1.0")
        try clone.sandbox.commit(file: "CHANGELOG.md", contents: clone.changelog(["1.1.0", "1.0.0"]), message: "chore: bump version to 1.1.0")
        try clone.sandbox.gitOK("tag", "-a", "v1.1.0", "-m", "Release version 1.1.0")
        _ = try clone.publish("refs/tags/v1.1.0", local: "refs/tags/v1.1.0")
        let commit = try clone.rev("v1.1.0^{commit}")
        let result = try clone.verify(["--ref", "refs/tags/v1.1.0", "--old", String(repeating: "0", count: 40), "--new", commit])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("lightweight"), "\(result)")
    }

    @Test func theConfigurationComesFromTheDefaultBranchOrTheCommandLine() throws {
        let clone = try CIClone()
        let (line, _, _) = try VerifyCase.configurationEdit.prepare(clone)
        let relaxed = clone.sandbox.temporaryDirectory + "/relaxed.toml"
        try "[push]\nlint-commits = false\n".write(toFile: relaxed, atomically: true, encoding: .utf8)
        let accepted = try clone.verify(["--config", relaxed], stdin: line)
        #expect(accepted.status == 0, "\(accepted)")
        #expect(accepted.stdout.contains("rules from \(relaxed)"), "\(accepted)")
        // A feature branch is judged by main's file as it is now.
        let relaxedMain = try clone.rev("main")
        try clone.sandbox.gitOK("checkout", "-q", "-b", "feature/x", "main")
        try clone.sandbox.commit(file: "b.txt", message: "more stuff")
        let branch = try clone.publish("refs/heads/feature/x", local: "feature/x")
        let judged = try clone.verify(["--default-branch", "main"], stdin: branch)
        #expect(judged.status == 0, "\(judged)")
        #expect(judged.stdout.contains("rules from .shipshape.toml at refs/remotes/origin/main (\(relaxedMain.prefix(7)))"), "\(judged)")
    }

    @Test func reportsAMissingCommitAsAnEnvironmentError() throws {
        let clone = try CIClone()
        let result = try clone.verify(["--ref", "refs/heads/main", "--new", String(repeating: "a", count: 40)])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("is not in this repository; fetch it first"), "\(result)")
        let usage = try clone.verify([], stdin: "main\n")
        #expect(usage.status == 2, "\(usage)")
        #expect(usage.stderr.contains("line 1 of standard input is not \"<old sha> <new sha> <ref name>\""), "\(usage)")
    }
}
