import Foundation
import ShipshapeChangelog
import Testing

@Suite struct ChangelogMergeTests {
    func doc(_ text: String) throws -> ChangelogDocument { try ChangelogDocument(parsing: Array(text.utf8)) }
    func marker(_ c: Character) -> String { "<!-- shipshape-changelog synced=\(String(repeating: c, count: 40)) -->" }
    func merge(_ base: String, _ ours: String, _ theirs: String) throws -> (text: String, conflicted: Bool) {
        let outcome = try ChangelogMerge(settings: ChangelogSettings()).merge(base: doc(base), ours: doc(ours), theirs: doc(theirs))
        return (String(decoding: outcome.bytes, as: UTF8.self), outcome.conflicted)
    }

    @Test func lineMergeTakesOneSidedChangesAndMarksConflicts() {
        let clean = threeWayMerge(base: ["a", "b", "c"], ours: ["a", "B", "c"], theirs: ["a", "b", "c", "d"])
        #expect(clean.lines == ["a", "B", "c", "d"] && !clean.conflicted)
        let same = threeWayMerge(base: ["a"], ours: ["x"], theirs: ["x"])
        #expect(same.lines == ["x"] && !same.conflicted)
        let conflict = threeWayMerge(base: ["a", "b"], ours: ["a", "x"], theirs: ["a", "y"])
        #expect(conflict.conflicted)
        #expect(conflict.lines == ["a", "<<<<<<< ours", "x", "=======", "y", ">>>>>>> theirs"])
    }

    @Test func twoSyncsMergeByEntryWithBothMarkers() throws {
        let base = "# C\n\n## [Unreleased]\n\(marker("a"))\n\n### Added\n\n- one (1111111)\n\n## [1.0.0] - 2026-01-01\n"
        let ours = "# C\n\n## [Unreleased]\n\(marker("b"))\n\n### Added\n\n- one (1111111)\n- two (2222222)\n\n## [1.0.0] - 2026-01-01\n"
        let theirs = "# C\n\n## [Unreleased]\n\(marker("c"))\n\n### Added\n\n- one (1111111)\n\n### Fixed\n\n- three (3333333)\n\n## [1.0.0] - 2026-01-01\n"
        let merged = try merge(base, ours, theirs)
        #expect(!merged.conflicted)
        #expect(merged.text == "# C\n\n## [Unreleased]\n<!-- shipshape-changelog synced=\(String(repeating: "b", count: 40)) \(String(repeating: "c", count: 40)) -->\n\n### Added\n\n- one (1111111)\n- two (2222222)\n\n### Fixed\n\n- three (3333333)\n\n## [1.0.0] - 2026-01-01\n")
    }

    @Test func aRolledReleaseMergedBackKeepsNewEntriesUnreleased() throws {
        let base = "# C\n\n## [Unreleased]\n\(marker("a"))\n\n### Added\n\n- one (1111111)\n\n## [1.0.0] - 2026-01-01\n"
        let develop = "# C\n\n## [Unreleased]\n\(marker("b"))\n\n### Added\n\n- one (1111111)\n- two (2222222)\n\n## [1.0.0] - 2026-01-01\n"
        let release = "# C\n\n## [Unreleased]\n\n## [1.1.0] - 2026-02-01\n\(marker("a"))\n\n### Added\n\n- one (1111111)\n\n## [1.0.0] - 2026-01-01\n"
        let merged = try merge(base, develop, release)
        #expect(!merged.conflicted)
        let unreleased = merged.text.components(separatedBy: "## [1.1.0]")[0]
        #expect(unreleased.contains("- two (2222222)") && !unreleased.contains("1111111"), "\(merged.text)")
        #expect(merged.text.components(separatedBy: "- one (1111111)").count == 2)
        #expect(merged.text.components(separatedBy: "shipshape-changelog").count == 2)
    }

    @Test func conflictsOutsideTheUnreleasedSectionStayConflicts() throws {
        let base = "# C\n\nintro\n\n## [Unreleased]\n"
        let merged = try merge(base, "# C\n\nours\n\n## [Unreleased]\n", "# C\n\ntheirs\n\n## [Unreleased]\n")
        #expect(merged.conflicted)
        #expect(merged.text.contains("<<<<<<< ours\nours\n=======\ntheirs\n>>>>>>> theirs"))
    }

    @Test func aDryRunDiffShowsTheRemovedLineFirst() {
        let diff = unifiedDiff(old: Array("a\nold\nc\n".utf8), new: Array("a\nnew\nc\n".utf8), path: "CHANGELOG.md")
        #expect(diff.contains("-old\n+new\n"), "\(diff)")
    }
}

@Suite struct ChangelogRollTests {
    func doc(_ text: String) throws -> ChangelogDocument { try ChangelogDocument(parsing: Array(text.utf8)) }

    @Test func aRollKeepsAnEmptyUnreleasedSectionAndMovesTheLinks() throws {
        var document = try doc("# C\n\n## [Unreleased]\n<!-- shipshape-changelog synced=\(String(repeating: "a", count: 40)) -->\n\n### Added\n\n- x (1111111)\n\n## [1.0.0] - 2026-01-01\n\n[Unreleased]: https://h/o/r/compare/v1.0.0...HEAD\n")
        let rolled = document.rollUnreleased(version: "1.1.0", date: "2026-02-01", tag: "v1.1.0")
        #expect(rolled)
        #expect(document.text == "# C\n\n## [Unreleased]\n<!-- shipshape-changelog synced=\(String(repeating: "a", count: 40)) -->\n\n## [1.1.0] - 2026-02-01\n\n### Added\n\n- x (1111111)\n\n## [1.0.0] - 2026-01-01\n\n[Unreleased]: https://h/o/r/compare/v1.1.0...HEAD\n[1.1.0]: https://h/o/r/compare/v1.0.0...v1.1.0\n")
        let again = document.rollUnreleased(version: "1.1.0", date: "2026-02-01", tag: "v1.1.0")
        #expect(!again)
        #expect(document.releaseNotes(for: "1.1.0") == "### Added\n\n- x (1111111)\n")
    }

    @Test func absorbingMovesCategoriesWithTheirHandWrittenLines() throws {
        var document = try doc("## [Unreleased]\n\n### Fixed\n\n- late fix (2222222)\n  more words\n\n## [1.1.0] - 2026-02-01\n\n### Added\n\n- x (1111111)\n")
        let moved = document.absorbUnreleased(into: "1.1.0", order: ChangelogSettings().orderedTitles)
        #expect(moved == 1)
        #expect(document.text == "## [Unreleased]\n\n## [1.1.0] - 2026-02-01\n\n### Added\n\n- x (1111111)\n\n### Fixed\n\n- late fix (2222222)\n  more words\n")
    }
}
