import ShipshapeDiagnostics
import ShipshapeMessage
import Testing

@testable import ShipshapePolicy

/// Shipshape against what commitlint's own test suites establish, case by case: the default
/// ignores of `@commitlint/is-ignored` (20.4.4), the body/footer split of
/// conventional-commits-parser 5 (what `@commitlint/parse` 20 calls through its `sync` export),
/// and the verdicts of `@commitlint/config-conventional`. The messages are written for this
/// suite; each group follows the shapes the upstream tests cover.
@Suite("Differential: commitlint's published behaviour")
struct CommitlintDifferentialTests {
    func verdict(_ message: String) throws -> (errors: Set<String>, warnings: Set<String>, ignored: Bool) {
        let cleaned = cleanMessage(message, mode: .default, commentChar: .hash, editorUsed: true)
        let report = try Linter(settings: LintSettings()).lint(cleaned)
        return (Set(report.errors.map(\.rule)), Set(report.warnings.map(\.rule)), report.ignored)
    }

    // MARK: is-ignored

    static let versions = [
        "0.0.7", "3.1.0", "2.0.0", "0.3.1-beta", "0.3.1-my-odd-label", "0.3.1-0", "0.3.1-451", "0.3.1-beta.0",
        "0.3.1-beta.451", "0.3.1-my-odd-label.2", "0.3.1-9f2c1e0", "v0.3.1", "  v4.0.0",
    ]
    static let trailers = [
        "Signed-off-by: Grace <grace@example.org>", "Change-Id: I0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
        "Signed-off-by: Grace <grace@example.org>\nChange-Id: I0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
    ]

    @Test func versionsAloneWithChoreAndWithTrailersAreIgnored() throws {
        for version in Self.versions {
            for message in [version, "chore: \(version)", "chore(release): \(version)"] {
                #expect(matchDefaultIgnore(message) == .version, "\(message)")
            }
            for trailer in Self.trailers {
                #expect(matchDefaultIgnore("\(version)\n\n\(trailer)") == .version, "\(version) + \(trailer)")
            }
            for marker in ["[skip ci]", "[ci skip]", "[skip-ci]", "[ci-skip]", "(skip ci)", "(ci skip)", "(skip-ci)", "(ci-skip)"] {
                #expect(matchDefaultIgnore("chore(release): \(version) \(marker)") == .version, "\(version) \(marker)")
            }
        }
    }

    @Test(arguments: [
        "Merge branch 'topic/x'", "Merge branch 'a-b'\n", "Merge branch 'a-b'\r\n", "Merge branch 'a-b'\n\n\n",
        "Merge branch 'a-b'\r\n\r\n", "Merge branch 'a-b'\n ", "Merge branch 'a-b'\r\n # a note", "Merge pull request #7",
        "Merge tag '2.2.2'", "Merge tag 'some tag'\n", "Merge tag '2.2.2'\r\n\r\n", "Merge tag '2.2.2'\n # a note",
        "Revert \"feat: add it (#9)\"\n\nThis reverts commit 0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6.",
        "revert \"feat: add it\"\n\nThis reverts commit 0f1e2d3c.", "Reapply \"feat: add it\"\n\nThis reverts commit 0f1e2d3c.",
        "reapply \"feat: add it\"", "fixup! feat: first", "squash! feat: first", "amend! feat: first",
        "Merged in feature/sync-friends (pull request #3)", "Merged develop into feature/form-card", "Automatic merge",
        "Auto-merged develop into main", "Merge remote-tracking branch", "Merge remote-tracking branch 'origin/dev'",
        "Merged PR 77: Add the thing",
    ])
    func commitlintIgnores(_ message: String) {
        #expect(matchDefaultIgnore(message) != nil, "\(message.debugDescription)")
    }

    @Test(arguments: [
        "", "first commit", "foo bar Merge branch yyy", "foo bar Merge tag '2.2.2'", "revert: feat: add it",
        "Revert: feat: add it", "Reapplied \"x\"", "fixup feat: first", "chore(release): 2.0", "chore: release v2.0.0",
        "2.0.0 [skip ci] extra", "chore(release): 2.0.0 [skip cd]",
    ])
    func commitlintLints(_ message: String) {
        #expect(matchDefaultIgnore(message) == nil, "\(message.debugDescription)")
    }

    /// A merge line anywhere ignores the message; the other patterns look at the start only.
    @Test func whichLinesThePatternsLookAt() {
        #expect(matchDefaultIgnore("feat: x\n\nMerge branch 'a' into b") != nil)
        #expect(matchDefaultIgnore("feat: x\n\nMerge tag 'v1'") != nil)
        #expect(matchDefaultIgnore("feat: x\n\nMerge pull request #4 from a/b") != nil)
        for later in ["Revert \"y\"", "Reapply \"y\"", "fixup! y", "1.2.3", "Merged PR 4: y", "Automatic merge", "Auto-merged a into b"] {
            #expect(matchDefaultIgnore("feat: x\n\n\(later)") == nil, "\(later)")
        }
    }

    // MARK: conventional-commits-parser

    /// (message, body, footer): where commitlint's parser puts the lines.
    @Test(arguments: [
        // Everything from the first reference line on is footer, later prose included.
        ("feat(list): allow separators\nmore text\n\nCloses #123\nCloses #25\nFixes #33\n", "more text" as String?, "Closes #123\nCloses #25\nFixes #33" as String?),
        ("feat: x\nline one\nline two\nFixes #1, #2\nprose\nclosed #3\ntail", "line one\nline two", "Fixes #1, #2\nprose\nclosed #3\ntail"),
        // A note right after the body starts the footer; references after it stay there.
        ("feat: x\nline one\nBREAKING CHANGE: a thing breaks\nFixes #1", "line one", "BREAKING CHANGE: a thing breaks\nFixes #1"),
        ("feat: x\nline one\nFixes #1\nBREAKING CHANGE: later note", "line one", "Fixes #1\nBREAKING CHANGE: later note"),
        ("fix: x\n\nFixes #7\n\n* BREAKING CHANGE:\n\nOld behaviour\nis gone.\nCloses #8", nil, "Fixes #7\n\n* BREAKING CHANGE:\n\nOld behaviour\nis gone.\nCloses #8"),
        // "BREAKING CHANGES:" is not the keyword followed by ":" or white space.
        ("fix: x\n\nBREAKING CHANGES:\n\nprose\n", "BREAKING CHANGES:\n\nprose", nil),
        ("fix: x\n\nbody\n\nBREAKING CHANGES:\nprose\n\nCloses #9", "body\n\nBREAKING CHANGES:\nprose", "Closes #9"),
        // Trailers alone (`Token: value`): the footer, as the Conventional Commits footer form.
        ("docs: x\n\nSigned-off-by: A <a@b.c>\nCo-authored-by: B <b@c.d>", nil, "Signed-off-by: A <a@b.c>\nCo-authored-by: B <b@c.d>"),
    ])
    func parserSplit(_ message: String, _ body: String?, _ footer: String?) {
        let parsed = parseCommitMessage(message)
        #expect(parsed.body == body, "\(message.debugDescription)")
        #expect(parsed.footer == footer, "\(message.debugDescription)")
    }

    @Test func parserReferences() {
        // With a closing keyword on the line, references before the first keyword do not count.
        let line = "handle x Kills #1, #123 closed #25 fixes #33, Closes #100 resolves repo#77 fix owner/project#5"
        let refs = issueReferences(in: line, line: 1)
        #expect(refs.map(\.issue) == ["25", "33", "100", "77", "5"])
        #expect(refs.map(\.action) == ["closed", "fixes", "Closes", "resolves", "fix"])
        #expect(refs.map(\.repository) == [nil, nil, nil, "repo", "owner/project"])
        // Without a keyword on the line every reference counts, with no action.
        let plain = issueReferences(in: "* #25 and maybe #33, not sure about #3", line: 1)
        #expect(plain.map(\.issue) == ["25", "33", "3"] && plain.allSatisfy { $0.action == nil })
        // A reference in the header counts for references-empty, as in the parser.
        #expect(parseCommitMessage("fix: subject #1").references.map(\.issue) == ["1"])
    }

    // MARK: config-conventional

    /// (message, errors, warnings) under `@commitlint/config-conventional`.
    @Test(arguments: [
        ("bar: add a widget", ["type-enum"], [String]()),
        ("FEAT: add a widget", ["type-case", "type-enum"], []),
        (": add a widget", ["type-empty"], []),
        ("feat(ui): Add a widget", ["subject-case"], []),
        ("feat(ui): Add A Widget", ["subject-case"], []),
        ("feat(ui): AddWidget", ["subject-case"], []),
        ("feat(ui): ADD A WIDGET", ["subject-case"], []),
        ("feat:", ["subject-empty", "type-empty"], []),
        ("feat: add a widget.", ["subject-full-stop"], []),
        ("feat: " + String(repeating: "widgets ", count: 12) + "and more", ["header-max-length"], []),
        ("feat: add a widget\n\nprose\nBREAKING CHANGE: widgets change", [], ["footer-leading-blank"]),
        ("feat: add a widget\n\nprose\n\nBREAKING CHANGE: several lines\n" + String(repeating: "long ", count: 21), ["footer-max-line-length"], []),
        ("feat: add a widget\nprose", [], ["body-leading-blank"]),
        ("feat: add a widget\n\nprose\n" + String(repeating: "long ", count: 21), ["body-max-line-length"], []),
        ("feat: add a widget", [], []),
        ("feat(ui): add a widget", [], []),
        ("feat(ui): add a Widget", [], []),
        ("feat(ui): add a widget\n\nBREAKING CHANGE: widgets change!", [], []),
        ("feat(ui): add a widget\n\nprose", [], []),
        ("feat(ui)!: add a widget\n\nprose", [], []),
    ])
    func configConventional(_ message: String, _ errors: [String], _ warnings: [String]) throws {
        let got = try verdict(message)
        #expect(got.errors == Set(errors), "\(message.debugDescription)")
        #expect(got.warnings == Set(warnings), "\(message.debugDescription)")
        #expect(!got.ignored)
    }
}
