import Foundation
import Testing
@testable import ShipshapeHooks

/// The client install leaves the server hook out, and the server install writes only it.
@Suite struct ServerHookInstallTests {
    @Test func clientAndServerInstallsWriteTheirOwnHooks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-server-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let programs = root + "/bin"
        try FileManager.default.createDirectory(atPath: programs, withIntermediateDirectories: true)
        for hook in HookKind.allCases {
            _ = FileManager.default.createFile(atPath: programs + "/" + hook.programName, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        }
        let client = HookInstaller(hooksDirectory: root + "/client", programDirectory: programs)
        #expect(try client.install().count == HookKind.clientHooks.count)
        #expect(!FileManager.default.fileExists(atPath: root + "/client/pre-receive"))
        let server = HookInstaller(hooksDirectory: root + "/server", programDirectory: programs)
        #expect(try server.install(HookKind.serverHooks) == [.installed(.preReceive, path: root + "/server/pre-receive")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/server") == ["pre-receive"])
        // git gives pre-receive its input on standard input: a chained hook must see it too.
        let shim = try String(contentsOfFile: root + "/server/pre-receive", encoding: .utf8)
        #expect(shim.contains("exec 3<\"$input\" 4<\"$input\""))
    }
}
