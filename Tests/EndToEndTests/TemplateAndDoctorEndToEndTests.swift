import Foundation
import Testing
import ShipshapeTestSupport

/// `shipshape install --template` (git's init.templateDir) and `shipshape doctor`, with real git.
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

    @Test func doctorReportsHealthyHooksTheirProgramsAndLibraries() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try "#!/bin/sh\nexit 0\n".write(toFile: sandbox.root + "/.git/hooks/commit-msg", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.root + "/.git/hooks/commit-msg")
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        try sandbox.write(".shipshape.toml", "[commit]\n")
        let doctor = try sandbox.run(bin + "/shipshape", ["doctor"])
        #expect(doctor.status == 0, "\(doctor)")
        #expect(doctor.stdout.contains("ok       hooks directory: \(sandbox.root)/.git/hooks"))
        for hook in ["commit-msg", "pre-push", "post-merge"] {
            #expect(doctor.stdout.contains("ok       \(hook) hook: runs \(bin)/\(hook) (the path recorded at install; not on PATH), version "), "\(doctor.stdout)")
        }
        #expect(doctor.stdout.contains("note     commit-msg hook: runs \(sandbox.root)/.git/hooks/commit-msg.shipshape-chained"))
        #expect(doctor.stdout.contains("ok       configuration: \(sandbox.root)/.shipshape.toml is valid"))
        #expect(doctor.stdout.contains("ok       libgit2: 1."))
        #expect(doctor.stdout.contains("ok       PCRE2: 10."))
        #expect(doctor.stdout.contains("everything Shipshape needs is in place"))
    }

    @Test func doctorNamesEachProblemWithItsFix() throws {
        var sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.write(".shipshape.toml", "[commit]\nbogus = 1\n")
        try "#!/bin/sh\nexit 0\n".write(toFile: sandbox.root + "/.git/hooks/pre-push", atomically: true, encoding: .utf8)
        let doctor = try sandbox.run(bin + "/shipshape", ["doctor"])
        #expect(doctor.status == 2, "\(doctor)")
        #expect(doctor.stdout.contains("problem  commit-msg hook: not installed at \(sandbox.root)/.git/hooks/commit-msg; run shipshape install"))
        #expect(doctor.stdout.contains("problem  pre-push hook: \(sandbox.root)/.git/hooks/pre-push is not Shipshape's"))
        #expect(doctor.stdout.contains("problem  configuration: \(sandbox.root)/.shipshape.toml is invalid"))
        #expect(doctor.stdout.contains("bogus"))

        // A committed shim whose program is nowhere: a problem by default, a warning when allowed.
        try sandbox.gitOK("config", "core.hooksPath", ".githooks")
        try FileManager.default.createDirectory(atPath: sandbox.root + "/.githooks", withIntermediateDirectories: true)
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("hooks/commit-msg").path
        try FileManager.default.copyItem(atPath: committed, toPath: sandbox.root + "/.githooks/commit-msg")
        sandbox.env["PATH"] = "/usr/bin:/bin"
        let missing = try sandbox.run(bin + "/shipshape", ["doctor"])
        #expect(missing.stdout.contains("problem  commit-msg hook: the commit-msg program is not on PATH, so git stops"), "\(missing.stdout)")
        sandbox.env["SHIPSHAPE_IF_MISSING"] = "allow"
        let allowed = try sandbox.run(bin + "/shipshape", ["doctor"])
        #expect(allowed.stdout.contains("warning  commit-msg hook: the commit-msg program is not on PATH, so git goes on without the check"))
    }

    @Test func doctorOutsideARepositoryStillReportsTheProgramsAndTemplate() throws {
        let sandbox = try GitSandbox()
        let outside = sandbox.temporaryDirectory + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let doctor = try sandbox.run(bin + "/shipshape", ["doctor"], in: outside)
        #expect(doctor.status == 0, "\(doctor)")
        #expect(doctor.stdout.contains("is not inside a git repository"))
        #expect(doctor.stdout.contains("note     template: init.templateDir is not set"))
    }
}
