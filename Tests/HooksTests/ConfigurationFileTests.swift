import Foundation
import Testing
import ShipshapeConfiguration
@testable import ShipshapeHooks

/// `.shipshape.toml` is read through the hooks' one capped reader.
@Suite struct ConfigurationFileTests {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "shipshape-config-file-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aMissingFileGivesTheDefaults() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try ShipshapeConfiguration.load(repositoryRoot: directory).sourcePath == nil)
    }

    @Test func aDirectoryIsUnreadable() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/.shipshape.toml", withIntermediateDirectories: true)
        do {
            _ = try ShipshapeConfiguration.load(repositoryRoot: directory)
            Issue.record("expected an error")
        } catch {
            guard case .unreadable(".shipshape.toml", _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.hasPrefix(".shipshape.toml: cannot read the configuration"))
        }
    }

    @Test func aLinkToAnEndlessDeviceIsRefusedAtTheCap() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(atPath: directory + "/.shipshape.toml", withDestinationPath: "/dev/zero")
        do {
            _ = try ShipshapeConfiguration.load(repositoryRoot: directory)
            Issue.record("expected an error")
        } catch {
            guard case let .unreadable(file, reason) = error else { Issue.record("wrong error \(error)"); return }
            #expect(file == ".shipshape.toml")
            #expect(reason.contains("larger than 64 MiB"))
        }
    }
}
