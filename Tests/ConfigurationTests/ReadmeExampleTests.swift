import Foundation
import ShipshapeChangelog
import ShipshapeConfiguration
import ShipshapeVersioning
import Testing

/// The ```toml blocks of README.md are valid configuration.
@Suite struct ReadmeExampleTests {
    /// README.md of the package, found from this file's path.
    private func readme() throws -> String {
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)  // Tests/ConfigurationTests/<file>
        return try String(contentsOfFile: components.joined(separator: "/") + "/README.md", encoding: .utf8)
    }

    /// The contents of every fenced block with the given info string.
    private func blocks(_ language: String, in text: String) -> [String] {
        var result: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil {
                if line == "```" + language { current = [] }
            } else if line == "```" {
                result.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current!.append(line)
            }
        }
        return result
    }

    @Test func tomlExamplesLoad() throws {
        let examples = blocks("toml", in: try readme())
        #expect(!examples.isEmpty)
        for example in examples {
            do {
                let configuration = try ShipshapeConfiguration.parse(text: example, path: "README.md")
                // The documented [versions], [push] and [changelog] values are the defaults.
                if example.contains("[changelog]") {
                    #expect(configuration.changelog == ChangelogSettings())
                    #expect(configuration.push == PushSettings())
                    let versions = configuration.prePushSettings
                    #expect(versions.enabledChecks == Set(VersionCheck.allCases))
                    #expect(versions.tagFormat == VersionSettings().tagFormat)
                    #expect(versions.changelogPath == VersionSettings().changelogPath)
                    #expect(versions.sources.map(\.path) == ["deploy/Dockerfile"])
                }
            } catch {
                Issue.record("README.md's TOML example does not load: \(error)")
            }
        }
    }
}
