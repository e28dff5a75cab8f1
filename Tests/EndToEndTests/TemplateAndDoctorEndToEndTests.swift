import Foundation
import Testing
import ShipshapeTestSupport

/// `shipshape install --template` (git's init.templateDir), with real git.
@Suite struct TemplateAndDoctorEndToEndTests {
    let bin = productsDirectory()

    @Test func templateGivesEveryLaterInitAndCloneTheHooks() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        let install = try sandbox.run(bin + "/shipshape", ["install", "--template"])
        #expect(install.status == 0, "\(install)")
        let template = sandbox.home + "/.git-template"
        #expect(try sandbox.git("config", "--global", "init.templateDir").trimmedStdout == template)
        #expect(install.stdout.contains("set init.templateDir to \(template)"))

        let fresh = sandbox.temporaryDirectory + "/fresh"
        try sandbox.gitOK("init", "-q", "-b", "main", fresh)
        let refused = try sandbox.git("commit", "--allow-empty", "-m", "feature: add login", in: fresh)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("[type-enum]"))
        #expect(try sandbox.git("commit", "--allow-empty", "-m", "feat: add login", in: fresh).status == 0)

        let clone = sandbox.temporaryDirectory + "/clone"
        try sandbox.gitOK("clone", "-q", sandbox.root, clone)
        #expect(try sandbox.git("commit", "--allow-empty", "-m", "nope", in: clone).status == 1)

        // A second run keeps the setting; uninstall empties the template but leaves the setting.
        let again = try sandbox.run(bin + "/shipshape", ["install", "--template"])
        #expect(again.stdout.contains("already installed"))
        #expect(!again.stdout.contains("set init.templateDir"))
        #expect(try sandbox.run(bin + "/shipshape", ["uninstall", "--template"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: template + "/hooks/commit-msg"))
        let later = sandbox.temporaryDirectory + "/later"
        try sandbox.gitOK("init", "-q", later)
        #expect(try sandbox.git("commit", "--allow-empty", "-m", "nope", in: later).status == 0)
    }

    @Test func templateUsesTheConfiguredDirectoryAndKeepsAForeignHook() throws {
        let sandbox = try GitSandbox()
        let template = sandbox.temporaryDirectory + "/my template"
        try FileManager.default.createDirectory(atPath: template + "/hooks", withIntermediateDirectories: true)
        try "#!/bin/sh\necho foreign ran >&2\n".write(toFile: template + "/hooks/commit-msg", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: template + "/hooks/commit-msg")
        try sandbox.gitOK("config", "--global", "init.templateDir", template)
        let install = try sandbox.run(bin + "/shipshape", ["install", "--template"])
        #expect(install.status == 0, "\(install)")
        #expect(install.stdout.contains("kept as"))
        let fresh = sandbox.temporaryDirectory + "/fresh"
        try sandbox.gitOK("init", "-q", fresh)
        let refused = try sandbox.git("commit", "--allow-empty", "-m", "nope", in: fresh)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("foreign ran"))
    }

    @Test func templateRefusesARepositoryOption() throws {
        let sandbox = try GitSandbox()
        let result = try sandbox.run(bin + "/shipshape", ["install", "--template", "--repo", "."])
        #expect(result.status == 2)
        #expect(result.stderr.contains("drop --repo"))
    }
}
