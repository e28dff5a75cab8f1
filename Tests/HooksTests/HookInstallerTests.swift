import Foundation
import Testing
@testable import ShipshapeHooks

/// The installer on plain directories (the end-to-end tests cover it inside real repositories).
@Suite struct HookInstallerTests {
    let root: String
    let hooks: String
    let programs: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-hooks-\(UUID().uuidString)").path
        hooks = root + "/hooks"
        programs = root + "/bin"
        try FileManager.default.createDirectory(atPath: programs, withIntermediateDirectories: true)
        for hook in HookKind.allCases {
            _ = FileManager.default.createFile(atPath: programs + "/" + hook.programName, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        }
    }

    var installer: HookInstaller { HookInstaller(hooksDirectory: hooks, programDirectory: programs) }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func committedShimsMatchWhatInstallWrites() throws {
        let repoHooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("hooks")
        for hook in HookKind.allCases {
            let committed = try read(repoHooks.appendingPathComponent(hook.fileName).path)
            #expect(committed == HookShim.render(hook, program: ""), "hooks/\(hook.fileName) is out of date")
        }
    }

    @Test func installCreatesTheDirectoryAndIsIdempotent() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try installer.install([.commitMsg])
        #expect(first == [.installed(.commitMsg, path: hooks + "/commit-msg")])
        let text = try read(hooks + "/commit-msg")
        #expect(HookShim.isShim(text))
        #expect(text.contains("then program='\(programs)/commit-msg'; fi"))
        #expect(HookShim.recordedProgram(in: text) == programs + "/commit-msg")
        #expect(HookShim.missingPolicy(in: text) == .refuse)
        #expect(FileManager.default.isExecutableFile(atPath: hooks + "/commit-msg"))
        #expect(try installer.install([.commitMsg]) == [.unchanged(.commitMsg, path: hooks + "/commit-msg")])
        let moved = HookInstaller(hooksDirectory: hooks, programDirectory: programs + "/../bin")
        #expect(try moved.install([.commitMsg]) == [.updated(.commitMsg, path: hooks + "/commit-msg")])
    }

    @Test func foreignHookIsChainedAndRestoredEvenWhenItIsASymlink() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: hooks + "/commit-msg", withDestinationPath: "/usr/bin/true")
        let actions = try installer.install([.commitMsg])
        #expect(actions == [.chained(.commitMsg, path: hooks + "/commit-msg", chainedPath: hooks + "/commit-msg.shipshape-chained")])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: hooks + "/commit-msg.shipshape-chained") == "/usr/bin/true")
        #expect(try installer.uninstall([.commitMsg]) == [.restored(.commitMsg, path: hooks + "/commit-msg")])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: hooks + "/commit-msg") == "/usr/bin/true")
        #expect(try installer.uninstall([.commitMsg]) == [.leftForeign(.commitMsg, path: hooks + "/commit-msg")])
    }

    @Test func conflictingChainedHookIsRefusedWithoutTouchingEither() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        try "#!/bin/sh\necho new\n".write(toFile: hooks + "/commit-msg", atomically: true, encoding: .utf8)
        try "#!/bin/sh\necho old\n".write(toFile: hooks + "/commit-msg.shipshape-chained", atomically: true, encoding: .utf8)
        #expect(throws: HookError.self) { try installer.install([.commitMsg]) }
        #expect(try read(hooks + "/commit-msg") == "#!/bin/sh\necho new\n")
        #expect(try read(hooks + "/commit-msg.shipshape-chained") == "#!/bin/sh\necho old\n")
    }

    @Test func missingProgramIsReportedBeforeAnythingIsWritten() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let broken = HookInstaller(hooksDirectory: hooks, programDirectory: root + "/nowhere")
        do {
            _ = try broken.install()
            Issue.record("expected programMissing")
        } catch {
            guard case .programMissing = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.contains(root + "/nowhere/commit-msg"))
        }
        #expect(!FileManager.default.fileExists(atPath: hooks))
    }

    @Test func uninstallWithNothingInstalledSaysSo() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try installer.uninstall([.commitMsg]) == [.absent(.commitMsg, path: hooks + "/commit-msg")])
    }

    @Test func shimRecordsAQuotedPathAndThePolicyItWasGiven() {
        let text = HookShim.render(.prePush, program: "/opt/it's here/pre-push", ifMissing: .allow)
        #expect(HookShim.recordedProgram(in: text) == "/opt/it's here/pre-push")
        #expect(HookShim.missingPolicy(in: text) == .allow)
        let bare = HookShim.render(.commitMsg, program: "")
        #expect(HookShim.recordedProgram(in: bare) == nil)
        #expect(HookShim.missingPolicy(in: bare) == .refuse)
    }

    @Test func shimQuotesProgramPathsWithQuotes() {
        #expect(HookShim.shellQuoted("/opt/it's here/commit-msg") == #"'/opt/it'\''s here/commit-msg'"#)
    }
}
