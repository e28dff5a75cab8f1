import PropertyBased
import Testing
import ShipshapeChangelog

/// A commit id whose first seven digits are unique per index.
func commitID(_ index: Int) -> String {
    let digits = String(index, radix: 16)
    return String(repeating: "0", count: max(0, 7 - digits.count)) + digits + String(repeating: "e", count: 33)
}

/// Commit messages: Conventional ones with scopes, `!` and breaking footers, and a few that are not.
var messages: Generator<String, some Sequence & SendableMetatype> {
    zip(
    pick(["feat", "fix", "perf", "docs", "refactor", "chore", "build"]),
    pick([String?.none, "api", "ui", "core", "changelog"]),
    Gen.bool(0.15),
    pick(["add export", "handle empty names", "speed up the walk", "tidy", "rename the table"]),
    Gen.int(in: 0...9)
).map { type, scope, bang, subject, shape in
    switch shape {
    case 0: return "Update the readme"
    case 1: return "\(type): \(subject)\n\nBREAKING CHANGE: \(subject) changes the API\n"
    default: return "\(type)\(scope.map { "(\($0))" } ?? "")\(bang ? "!" : ""): \(subject)\n"
    }
    }
}

/// Lines a person may have written in the Unreleased section.
var handWritten: Generator<[String], some Sequence & SendableMetatype> {
    pick([
    "- A hand-written note", "### Added", "### Notes", "", "Some prose about the release.", "- **api:** reworded by hand",
    "  - nested detail", "### Fixed", "- fixed the thing (#12)",
]).array(of: 0...6)
}

/// A changelog with a hand-written Unreleased section and one release.
func document(unreleased lines: [String]) throws -> ChangelogDocument {
    let text = (["# Changelog", "", "## [Unreleased]"] + lines + ["", "## [1.0.0] - 2026-01-02", "", "- First release", ""])
        .joined(separator: "\n")
    return try ChangelogDocument(parsing: Array(text.utf8))
}

let synchronizer = ChangelogSynchronizer(settings: ChangelogSettings(), repositoryURL: nil)

/// Lines of a changelog, from fragments that exercise every kind of line the parser knows.
var changelogLines: Generator<String, some Sequence & SendableMetatype> {
    Gen.oneOf(
    pick([
        "# Changelog", "## [Unreleased]", "## Unreleased", "## [1.2.0] - 2026-03-04", "## 0.9.0", "### Added", "",
        "- entry (abc1234)", "<!-- shipshape-changelog synced=\(commitID(1)) -->", "[1.2.0]: https://example.com/v1.2.0",
        "[Unreleased]: https://example.com/compare/v1.2.0...HEAD", "  ", "\t- café ✓", "<!-- note -->",
    ]).eraseToAnySequence(),
    Gen.letterOrNumber.string(of: 0...12).eraseToAnySequence()
)
}

@Suite struct ChangelogPropertyTests {
    @Test func syncingTwiceEqualsSyncingOnce() async throws {
        await propertyCheck(count: 300, input: messages.array(of: 1...12), handWritten) { messages, lines in
            let commits = messages.enumerated().map { ChangelogCommit(id: commitID($0.offset + 1), message: $0.element) }
            let head = commits[commits.count - 1].id
            let once = synchronizer.sync(try document(unreleased: lines), SyncRequest(commits: commits, head: head)).document
            let again = synchronizer.sync(once, SyncRequest(commits: [], head: head))
            #expect(!again.changed && again.document.text == once.text)
            let rebuilt = synchronizer.sync(once, SyncRequest(commits: commits, head: head, full: true))
            #expect(rebuilt.document.text == once.text, "a full rebuild of a synced file changed it")
        }
    }

    @Test func syncingInTwoStepsEqualsSyncingAtOnce() async throws {
        await propertyCheck(count: 300, input: messages.array(of: 2...12), Gen.int(in: 1...11), handWritten) { messages, cut, lines in
            let commits = messages.enumerated().map { ChangelogCommit(id: commitID($0.offset + 1), message: $0.element) }
            let split = min(cut, commits.count - 1)
            let head = commits[commits.count - 1].id
            let atOnce = synchronizer.sync(try document(unreleased: lines), SyncRequest(commits: commits, head: head)).document
            let first = synchronizer.sync(
                try document(unreleased: lines), SyncRequest(commits: Array(commits[..<split]), head: commits[split - 1].id))
            let second = synchronizer.sync(first.document, SyncRequest(commits: Array(commits[split...]), head: head)).document
            // A run that changes no entry leaves the file alone, marker included (the next run
            // walks those commits again); and where a new category lands among runs of blank
            // lines written by hand may differ. So the text lines are compared, in order.
            let entries = { (document: ChangelogDocument) in
                document.lines.map(\.text).filter { !$0.isEmpty && !$0.contains(ChangelogMarker.keyword) }
            }
            #expect(entries(second) == entries(atOnce))
        }
    }

    @Test func everyHandWrittenLineSurvivesASync() async throws {
        await propertyCheck(count: 300, input: messages.array(of: 0...12), handWritten) { messages, lines in
            let commits = messages.enumerated().map { ChangelogCommit(id: commitID($0.offset + 1), message: $0.element) }
            let original = try document(unreleased: lines)
            let synced = synchronizer.sync(original, SyncRequest(commits: commits, head: commitID(99))).document
            var remaining = original.lines.map(\.text).filter { !$0.isEmpty }[...]
            for line in synced.lines where line.text == remaining.first { remaining.removeFirst() }
            #expect(remaining.isEmpty, "lost or reordered: \(remaining.first ?? "")")
        }
    }

    @Test func parsingThenRenderingIsTheIdentity() async throws {
        await propertyCheck(
            count: 1_000, input: zip(changelogLines, pick(["\n", "\r\n"])).array(of: 0...30), Gen.bool
        ) { lines, finalNewline in
            var text = lines.map { $0.0 + $0.1 }.joined()
            if !finalNewline, text.hasSuffix("\n") { text.removeLast(text.hasSuffix("\r\n") ? 2 : 1) }
            let bytes = Array(text.utf8)
            guard let document = try? ChangelogDocument(parsing: bytes) else { return }
            #expect(document.rendered() == bytes)
        }
    }
}
