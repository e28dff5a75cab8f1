import Foundation
import Testing
import ShipshapeTestSupport

/// Shipshape through the hook managers teams already use, each the real tool from PyPI:
/// pre-commit and prek (with `.pre-commit-hooks.yaml` and `integrations/pre-commit-config.yaml`)
/// and lefthook (with `integrations/lefthook.yml`). The Shipshape programs come from the release
/// tarball, on PATH as after `install.sh --from`.
@Suite(.enabled(if: Artefacts.dist != nil && Artefacts.toolsBin != nil, "set SHIPSHAPE_DIST and SHIPSHAPE_TOOLS_VENV (SHIPSHAPE_PACKAGING=1 ./scripts/test.sh does)"))
struct HookManagerTests {
    /// A repository with a bare remote holding its first commit, and PATH with the release's
    /// programs and the hook managers.
    func userRepository() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        let release = try Artefacts.unpack(into: sandbox.temporaryDirectory + "/release")
        sandbox.env["PATH"] = Artefacts.pathWithoutSwift(prepending: [release + "/bin", Artefacts.toolsBin ?? ""])
        try sandbox.makeBareRemote()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("push", "-q", "--no-verify", "origin", "main")
        return sandbox
    }

    /// A copy of Shipshape's hook repository as pre-commit fetches it: `.pre-commit-hooks.yaml`
    /// and the pre-push adapter, committed and tagged v0.1.0.
    func hookRepository(in sandbox: GitSandbox) throws -> String {
        let repo = sandbox.temporaryDirectory + "/shipshape-hooks"
        try FileManager.default.createDirectory(atPath: repo + "/integrations", withIntermediateDirectories: true)
        for file in [".pre-commit-hooks.yaml", "integrations/pre-commit-pre-push.sh"] {
            try FileManager.default.copyItem(atPath: Artefacts.packageRoot + "/" + file, toPath: repo + "/" + file)
        }
        try sandbox.gitOK("init", "-q", "-b", "main", repo)
        try sandbox.gitOK("add", ".", in: repo)
        try sandbox.gitOK("commit", "-q", "-m", "chore: hooks", in: repo)
        try sandbox.gitOK("tag", "-a", "v0.1.0", "-m", "v0.1.0", in: repo)
        return repo
    }

    /// Commits the integration file (with `--no-verify`: nothing is installed yet).
    func commitConfiguration(_ sandbox: GitSandbox, _ name: String, _ text: String) throws {
        try sandbox.write(name, text)
        try sandbox.gitOK("add", name)
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "chore: add \(name)")
        try sandbox.gitOK("push", "-q", "--no-verify", "origin", "main")
    }

    /// A refused and an accepted commit, then a refused push of a commit made with --no-verify.
    func expectHooksWork(_ sandbox: GitSandbox, pushRefused: Bool = true) throws {
        let refused = try sandbox.git("commit", "--allow-empty", "-m", "feature: add login")
        #expect(refused.status != 0, "\(refused)")
        #expect((refused.stdout + refused.stderr).contains("[type-enum]"), "\(refused)")
        let accepted = try sandbox.git("commit", "--allow-empty", "-m", "feat: add login")
        #expect(accepted.status == 0, "\(accepted)")
        try sandbox.gitOK("commit", "-q", "--no-verify", "--allow-empty", "-m", "feature: sneak this in")
        let push = try sandbox.git("push", "origin", "main")
        #expect(push.status != 0, "\(push)")
        #expect((push.stdout + push.stderr).contains("[pushed-commit-lint]"), "\(push)")
    }

    func preCommitConfiguration(pointingAt repo: String) throws -> String {
        let example = try String(contentsOfFile: Artefacts.packageRoot + "/integrations/pre-commit-config.yaml", encoding: .utf8)
        #expect(example.contains("repo: https://github.com/OWNER/shipshape"))
        return example.replacingOccurrences(of: "https://github.com/OWNER/shipshape", with: repo)
    }

    @Test(arguments: ["pre-commit", "prek"])
    func preCommitCompatibleManagerRunsTheHooks(_ tool: String) throws {
        let sandbox = try userRepository()
        let repo = try hookRepository(in: sandbox)
        try commitConfiguration(sandbox, ".pre-commit-config.yaml", try preCommitConfiguration(pointingAt: repo))
        let install = try sandbox.run(tool, ["install"])
        #expect(install.status == 0, "\(install)")
        for hook in ["commit-msg", "pre-push", "post-merge"] {
            #expect(sandbox.exists(".git/hooks/" + hook), "\(tool) did not install \(hook): \(install)")
        }
        try expectHooksWork(sandbox)
    }

    @Test func shipshapeInstallBesidePreCommitChainsItsHook() throws {
        let sandbox = try userRepository()
        let repo = try hookRepository(in: sandbox)
        try commitConfiguration(sandbox, ".pre-commit-config.yaml", try preCommitConfiguration(pointingAt: repo))
        #expect(try sandbox.run("pre-commit", ["install", "--hook-type", "pre-push"]).status == 0)
        let install = try sandbox.run("shipshape", ["install"])
        #expect(install.stdout.contains("pre-push.shipshape-chained"), "\(install)")
        try expectHooksWork(sandbox)
    }

    @Test func lefthookRunsTheHooksWithGitsArgumentsAndInput() throws {
        let sandbox = try userRepository()
        try commitConfiguration(sandbox, "lefthook.yml", try String(contentsOfFile: Artefacts.packageRoot + "/integrations/lefthook.yml", encoding: .utf8))
        let install = try sandbox.run("lefthook", ["install"])
        #expect(install.status == 0, "\(install)")
        try expectHooksWork(sandbox)
    }
}
