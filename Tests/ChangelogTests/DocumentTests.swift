import Testing
@testable import ShipshapeChangelog

/// A realistic changelog: preamble, Unreleased, releases in the three heading styles, an unknown
/// heading, an HTML comment with a heading inside, a fenced block, link references.
let realistic = """
    # Changelog
    All notable changes to this project will be documented in this file.

    <!-- ## [9.9.9] this heading is inside a comment
    -->

    ## [Unreleased]

    ### Added

    - **api:** cursor pagination (1111111)
    - a line written by hand

    ## [1.2.0] - 2024-03-15

    ### Fixed

    - crash on start
      with a continuation line

    ```
    ## not a heading (code)
    ```

    ## Migration notes

    Some prose.

    ## v1.1.0

    ## 1.0.0 (2023-01-01)

    [Unreleased]: https://example.com/compare/v1.2.0...HEAD
    [1.2.0]: https://example.com/compare/v1.1.0...v1.2.0
    """

func parse(_ text: String) throws -> ChangelogDocument { try ChangelogDocument(parsing: Array(text.utf8)) }

@Suite struct DocumentTests {
    @Test(arguments: [realistic, realistic + "\n", realistic.replacing("\n", with: "\r\n"), realistic.replacing("\n", with: "\r\n") + "\r\n", "", "\n", "no newline", "# Title\r\n\n## Mixed\r\n"])
    func roundTripIsByteIdentical(text: String) throws {
        let document = try parse(text)
        #expect(document.rendered() == Array(text.utf8))
    }

    @Test func structureIsFound() throws {
        let document = try parse(realistic)
        #expect(document.sections.map(\.kind) == [
            .unreleased, .release(version: "1.2.0", date: "2024-03-15"), .other(title: "Migration notes"),
            .release(version: "v1.1.0", date: nil), .release(version: "1.0.0", date: "2023-01-01"),
        ])
        let unreleased = try #require(document.unreleased)
        #expect(unreleased.subsections.map(\.title) == ["Added"])
        #expect(unreleased.subsections[0].entries.count == 2)
        let release = document.sections[1]
        #expect(release.subsections[0].entries.first?.count == 2)
        #expect(document.linkReferences.count == 2)
        #expect(document.lines[document.linkReferences.lowerBound].text.hasPrefix("[Unreleased]:"))
    }

    @Test func errorsNameTheLine() throws {
        #expect(throws: ChangelogError.duplicateUnreleased(path: "CHANGELOG.md", first: 1, second: 3)) {
            try parse("## [Unreleased]\n\n## Unreleased\n")
        }
        #expect(throws: ChangelogError.unreleasedBelowRelease(path: "CHANGELOG.md", unreleased: 3, release: 1)) {
            try parse("## [1.0.0] - 2024-01-01\n\n## [Unreleased]\n")
        }
        #expect(throws: ChangelogError.invalidMarker(path: "CHANGELOG.md", line: 2, text: "<!-- shipshape-changelog synced=xyz -->")) {
            try parse("## [Unreleased]\n<!-- shipshape-changelog synced=xyz -->\n")
        }
        #expect(throws: ChangelogError.invalidUTF8(path: "CHANGELOG.md", line: 2)) {
            try ChangelogDocument(parsing: Array("# a\n".utf8) + [0xFF, 0x0A])
        }
        let error = ChangelogError.duplicateUnreleased(path: "CHANGELOG.md", first: 1, second: 3)
        #expect(error.description.hasPrefix("CHANGELOG.md:3: error:"))
    }

    /// Found by fuzzing: entries synced below an unclosed comment were invisible, and the next
    /// sync, not seeing them either, added them again.
    @Test func aCommentOrCodeBlockLeftOpenOverTheUnreleasedSectionIsRefused() throws {
        #expect(throws: ChangelogError.unclosedBlock(path: "CHANGELOG.md", line: 3, closing: "-->")) {
            try parse("# Changelog\n## [Unreleased]\n<!-- a note\n### Added\n")
        }
        #expect(throws: ChangelogError.unclosedBlock(path: "CHANGELOG.md", line: 2, closing: "```")) {
            try parse("# Changelog\n```sh\n## [Unreleased]\n")
        }
        #expect(throws: ChangelogError.unclosedBlock(path: "CHANGELOG.md", line: 1, closing: "~~~")) {
            try parse("~~~\n")
        }
        // Below the Unreleased section, or where a release section takes the new one above it,
        // an open block hides nothing new entries need.
        _ = try parse("## [Unreleased]\n\n## [1.0.0]\n<!-- never closed\n")
        _ = try parse("# Changelog\n\n## [1.0.0]\n```\n")
        let message = ChangelogError.unclosedBlock(path: "CHANGELOG.md", line: 3, closing: "-->").description
        #expect(message == "CHANGELOG.md:3: error: the HTML comment opened here is never closed, so it hides the rest of the file, where new entries would go; close it with \"-->\" and sync again")
    }

    @Test func insertionsFollowTheFileConvention() throws {
        var document = try parse("# C\r\n\r\n## [1.0.0] - 2024-01-01\r\n")
        document.insertUnreleasedSection()
        #expect(document.text == "# C\r\n\r\n## [Unreleased]\r\n\r\n## [1.0.0] - 2024-01-01\r\n")
        var bare = try parse("# C")
        bare.insertUnreleasedSection()
        #expect(bare.text == "# C\n\n## [Unreleased]")
    }

    @Test func removingTheLastLinesKeepsAMissingFinalNewline() throws {
        var document = try parse("a\nb\nc")
        document.removeLines([2..<3])
        #expect(document.text == "a\nb")
    }

    @Test func diffShowsInsertions() {
        let diff = unifiedDiff(old: Array("a\nb\nc\n".utf8), new: Array("a\nb\nx\nc\n".utf8), path: "CHANGELOG.md")
        #expect(diff == "--- a/CHANGELOG.md\n+++ b/CHANGELOG.md\n@@ -1,3 +1,4 @@\n a\n b\n+x\n c\n")
    }
}
