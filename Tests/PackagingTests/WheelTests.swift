import Foundation
import Testing
import ShipshapeTestSupport

/// The wheel, installed with pip into a fresh virtual environment on a machine without Swift,
/// libgit2 or PCRE2.
@Suite(.enabled(if: Artefacts.dist != nil, "set SHIPSHAPE_DIST (SHIPSHAPE_PACKAGING=1 ./scripts/test.sh does)"))
struct WheelTests {
    @Test func wheelInAFreshVirtualEnvironmentPutsWorkingHooksOnPath() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        let venv = sandbox.temporaryDirectory + "/venv"
        let python = try Artefacts.python()
        let create = try run(python, ["-m", "venv", venv], in: sandbox.temporaryDirectory, environment: sandbox.env)
        #expect(create.status == 0, "\(create)")
        let pip = try run(
            venv + "/bin/python", ["-m", "pip", "install", "--no-index", "--disable-pip-version-check", "-q", try Artefacts.wheel()],
            in: sandbox.temporaryDirectory, environment: sandbox.env)
        #expect(pip.status == 0, "\(pip)")
        for program in ["shipshape", "commit-msg", "pre-push", "post-merge", "changelog-sync"] {
            #expect(FileManager.default.isExecutableFile(atPath: venv + "/bin/" + program), "\(program)")
        }
        #expect(FileManager.default.fileExists(atPath: venv + "/share/shipshape/hooks/commit-msg"))

        // As with an activated environment: its bin first on PATH, no Swift.
        sandbox.env["PATH"] = Artefacts.pathWithoutSwift(prepending: [venv + "/bin"])
        let unpacked = try Artefacts.unpack(into: sandbox.temporaryDirectory + "/list")
        let hidden = try HiddenLibraries.exceptGits(of: unpacked)
        let install = try hidden.run("shipshape", ["install"], in: sandbox.root, environment: sandbox.env)
        #expect(install.status == 0, "\(install)")
        let refused = try hidden.run("git", ["commit", "--allow-empty", "-m", "feature: add login"], in: sandbox.root, environment: sandbox.env)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("[type-enum]"))
        let accepted = try hidden.run("git", ["commit", "--allow-empty", "-m", "feat: add login"], in: sandbox.root, environment: sandbox.env)
        #expect(accepted.status == 0, "\(accepted)")

        let doctor = try hidden.run("shipshape", ["doctor"], in: sandbox.root, environment: sandbox.env)
        #expect(doctor.status == 0, "\(doctor)")
        #expect(doctor.stdout.contains("ok       commit-msg hook: runs \(venv)/bin/commit-msg (found on PATH)"), "\(doctor.stdout)")
        // Linked into the programs, not loaded from the system.
        #expect(doctor.stdout.contains("libgit2: 1."), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("from \(venv)/bin/shipshape\nok       PCRE2: 10."), "\(doctor.stdout)")
        #expect(doctor.stdout.split(separator: "\n").filter { $0.contains("from \(venv)/bin/shipshape") }.count == 2, "\(doctor.stdout)")
    }
}
