import Foundation
import ShipshapeConfiguration
import ShipshapeDiagnostics
import ShipshapeFrontEnd
import ShipshapePolicy
import ShipshapeVersioning
import Testing

@testable import ShipshapeHooks

/// `shipshape rules`: every rule id a finding can carry, with its default and the setting in effect.
@Suite struct RulesListingTests {
    @Test func everyReportableRuleIsListed() {
        let ids = RuleCatalogueEntry.all(for: ShipshapeConfiguration()).map(\.id)
        #expect(Set(ids).count == ids.count)
        let expected = RuleCatalog.descriptors.map(\.id) + ["message-bytes", BranchPolicy.ruleID] + VersionCheck.allCases.map(\.rawValue)
        #expect(Set(ids) == Set(expected))
        for entry in RuleCatalogueEntry.all(for: ShipshapeConfiguration()) {
            #expect(!entry.summary.isEmpty && !entry.passing.isEmpty && !entry.failing.isEmpty, "\(entry.id)")
            #expect(entry.effectiveSetting == entry.defaultSetting, "\(entry.id)")
        }
    }

    @Test func settingsInEffectComeFromTheConfiguration() throws {
        let toml = """
            [commit.rules]
            header-max-length = { level = "warning", value = 72 }
            [branches]
            level = "off"
            [versions.checks]
            bump-level = false
            """
        var configuration = try ShipshapeConfiguration.parse(text: toml, path: ".shipshape.toml")
        configuration.sourcePath = "/repo/.shipshape.toml"
        let entries = Dictionary(uniqueKeysWithValues: RuleCatalogueEntry.all(for: configuration).map { ($0.id, $0) })
        let header = try #require(entries["header-max-length"])
        #expect(header.effectiveSetting.level == .warning && header.effectiveSetting.value == .integer(72))
        #expect(header.defaultSetting.level == .error && header.defaultSetting.value == .integer(100))
        #expect(entries["branch-name"]?.effectiveSetting.level == .off)
        #expect(entries["bump-level"]?.effectiveSetting.level == .off)
        #expect(entries["version-agreement"]?.effectiveSetting.level == .error)

        let text = RulesListing.document(configuration: configuration).closing
        #expect(text.hasPrefix("Settings in effect: from /repo/.shipshape.toml\n"))
        #expect(text.contains("header-max-length  [error, always, 100]\n    The header is at most N characters long.\n    in effect: warning, always, 72\n"))
        #expect(text.contains("bump-level  [error]\n"))

        let json = JSONReporter().render(RulesListing.document(configuration: configuration))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let bump = try #require(list.first { $0["id"] as? String == "bump-level" })
        #expect(bump["kind"] as? String == "push")
        let effective = try #require(bump["effective"] as? [String: Any])
        #expect(effective["level"] as? String == "off")
        #expect(effective["from"] as? String == "/repo/.shipshape.toml")
    }

    @Test func defaultsSayWhereNoFileWasFound() throws {
        #expect(RulesListing.document(root: "/work/repo").closing.hasPrefix(
            "Settings in effect: the defaults (no .shipshape.toml in /work/repo)\n"))
        #expect(RulesListing.document().closing.hasPrefix("Settings in effect: the defaults (not in a repository)\n"))
        #expect(RulesListing.document().subjects.isEmpty, "a listing judges nothing: no annotations")
    }
}
