import ShipshapeDiagnostics
import Testing

@testable import ShipshapeMessage

@Suite("Conventional Commits parser")
struct ParserTests {
    @Test func headerFieldsAndPositions() throws {
        let fields = try #require(parseConventionalHeader("feat(api)!: drop v1", line: 3))
        #expect(fields.type == "feat")
        #expect(fields.typeSpan == SourceSpan(line: 3, column: 1, length: 4))
        #expect(fields.scope == "api")
        #expect(fields.scopeSpan == SourceSpan(line: 3, column: 6, length: 3))
        #expect(fields.subject == "drop v1")
        #expect(fields.subjectSpan == SourceSpan(line: 3, column: 13, length: 7))
        #expect(fields.hasExclamationMark)
    }

    @Test(arguments: [
        ("fix(parser(v2)): handle tabs", "fix", "parser(v2)", "handle tabs", false),
        ("fix(api)(v2): handle tabs", "fix", "api)(v2", "handle tabs", false),
        ("chore!: require Swift 6", "chore", nil, "require Swift 6", true),
        ("feat: : add a thing", "feat", nil, ": add a thing", false),
        ("fix: support 'feat!: x' examples", "fix", nil, "support 'feat!: x' examples", false),
        ("fix(a)!: b): c", "fix", "a", "b): c", true),
        ("(scope): no type", nil, "scope", "no type", false),
        ("feat(): empty scope", "feat", nil, "empty scope", false),
        ("feat(界面): 新增深色模式", "feat", "界面", "新增深色模式", false),
    ] as [(String, String?, String?, String?, Bool)])
    func commitlintGrammar(_ header: String, _ type: String?, _ scope: String?, _ subject: String?, _ bang: Bool) throws {
        let fields = try #require(parseConventionalHeader(header))
        #expect(fields.type == type)
        #expect(fields.scope == scope)
        #expect(fields.subject == subject)
        #expect(fields.hasExclamationMark == bang)
    }

    @Test(arguments: ["hot-fix: x", "fëat: x", "feat : x", "feat !: x", "feat(api: x", "fix", " feat: x", "Fixup! feat: x", "feat:x", "feat: x\ry"])
    func rejectsNonConformingHeaders(_ header: String) {
        #expect(parseConventionalHeader(header) == nil)
    }

    @Test func bodyFootersAndReferences() throws {
        let message = """
            fix(cli): keep exit code

            The pager swallowed the status.

            Second paragraph.

            Reviewed-by: Ada Lovelace <ada@example.org>
            Refs: the discussion,
              continued in the sync
            Closes #311
            BREAKING CHANGE: exit codes changed

            """
        let parsed = parseCommitMessage(message)
        #expect(parsed.headerLine == 1)
        // The first trailer starts the footer.
        #expect(parsed.body == "The pager swallowed the status.\n\nSecond paragraph.")
        #expect(parsed.bodyLines == 3...5)
        #expect(parsed.footerLines == 7...11)
        #expect(parsed.footers.map(\.token) == ["Reviewed-by", "Refs", "Closes", "BREAKING CHANGE"])
        #expect(parsed.footers[1].value == "the discussion,\n  continued in the sync")
        #expect(parsed.footers[1].lines == 8...9)
        #expect(parsed.footers[2].separator == " #")
        #expect(parsed.footers[2].value == "311")
        #expect(parsed.references.map(\.issue) == ["311"])
        #expect(parsed.references.first?.action == "Closes")
        #expect(parsed.references.first?.span == SourceSpan(line: 10, column: 8, length: 4))
        #expect(parsed.isBreaking && !parsed.hasExclamationMark && parsed.hasBreakingChangeNote)
    }

    @Test func footerStartsAtTheFirstFooterLikeLine() {
        let note = parseCommitMessage("docs: x\n\nNote: per user\nlong line\n")
        #expect(note.body == nil)
        #expect(note.footer == "Note: per user\nlong line")
        #expect(note.footers.first?.value == "per user\nlong line")
        let tokenWithSpace = parseCommitMessage("feat: x\n\nReviewed by: Z\n")
        #expect(tokenWithSpace.footer == nil && tokenWithSpace.body == "Reviewed by: Z")
        let star = parseCommitMessage("feat: x\n\n* feat: a\n\n* BREAKING CHANGE: removes b\n")
        #expect(star.body == "* feat: a")
        #expect(star.hasBreakingChangeNote && !star.isBreaking && star.footers.isEmpty)
        let lower = parseCommitMessage("feat: x\n\nbreaking change: shorter\n")
        #expect(lower.hasBreakingChangeNote && !lower.isBreaking)
        let hyphen = parseCommitMessage("fix: x\n\nBREAKING-CHANGE: y\n")
        #expect(hyphen.isBreaking)
        let reference = parseCommitMessage("fix: x\n\nSee owner/repo#12 for details\nmore\n")
        #expect(reference.body == nil)
        #expect(reference.footerLines == 3...4)
        #expect(reference.references.first?.repository == "owner/repo")
        let headerRef = parseCommitMessage("fix: handle null ids (#321)\n")
        #expect(headerRef.references.map(\.issue) == ["321"])
        #expect(parseCommitMessage("fix: use C# 10\n").references.isEmpty)
    }

    /// Where commitlint's parser starts the footer, one shape at a time: (message, body lines,
    /// footer lines, issues found).
    @Test(arguments: [
        // A reference in running text without a closing keyword starts the footer, mid-paragraph too.
        ("fix: x\n\nThe hook broke (e.g. #4786, and more)\nafter the upgrade.\n", nil as ClosedRange<Int>?, 3...4 as ClosedRange<Int>?, ["4786"]),
        ("fix: x\n\nFirst line of prose\nwhere #77 is named mid-paragraph\nand prose goes on.\n", 3...3, 4...5, ["77"]),
        // With a closing keyword on the line, only references after it count.
        ("fix: x\n\nAfter #1941 switched git to fix the hook,\nthe tests were slow.\n", 3...4, nil, []),
        ("fix: x\n\nAfter #1941 we fixed #2000 too.\n", nil, 3...3, ["2000"]),
        ("fix: x\n\nThe #12 prefix is a keyword inside a word.\n", 3...3, nil, []),
        ("fix: x\n\nprefix  #12 counts after a keyword inside a word.\n", nil, 3...3, ["12"]),
        // A reference on its own line, with and without an action word.
        ("fix: x\n\nBody text.\n\nCloses #12\n", 3...3, 5...5, ["12"]),
        ("fix: x\n\nBody text.\n\n#12\n", 3...3, 5...5, ["12"]),
        ("fix: x\n\nBody text.\n\nRefs: #12, acme/api#3\n", 3...3, 5...5, ["12", "3"]),
        // A `Token: value` trailer starts the footer (the Conventional Commits footer form).
        ("fix: x\n\nBody.\n\nCloses #12\nSigned-off-by: A <a@b.c>\nReviewed-by: B\n", 3...3, 5...7, ["12"]),
        ("fix: x\n\nBody.\n\nSigned-off-by: A <a@b.c>\n", 3...3, 5...5, []),
        ("fix: x\n\nSigned-off-by: A <a@b.c>\nCloses #9\n", nil, 3...4, ["9"]),
        // BREAKING CHANGE starts the footer only at the start of a line (after spaces, | or *).
        ("feat: x\n\nThis is a BREAKING CHANGE: for real\nbut in running text.\n", 3...4, nil, []),
        ("feat: x\n\nProse first.\nBREAKING CHANGE warnings are printed\nfrom now on.\n", 3...3, 4...5, []),
        ("feat: x\n\n  * breaking-change: lower case, after a bullet\n", nil, 3...3, []),
        ("feat: x\n\nBREAKING CHANGE: closes #5 is a note, not a reference\nCloses #6\n", nil, 3...4, ["6"]),
        ("feat: x\n\nBREAKINGCHANGE: not a note\n", nil, 3...3, []),
        // An issue must end in a digit; C# is not a reference.
        ("fix: x\n\nPort it to C# and F#.\n", 3...3, nil, []),
        ("fix: x\n\nSee #JIRA-12 and #12abc.\n", nil, 3...3, ["JIRA-12", "12"]),
    ])
    func footerBoundary(_ message: String, _ body: ClosedRange<Int>?, _ footer: ClosedRange<Int>?, _ issues: [String]) {
        let parsed = parseCommitMessage(message)
        #expect(parsed.bodyLines == body, "\(message.debugDescription)")
        #expect(parsed.footerLines == footer, "\(message.debugDescription)")
        #expect(parsed.references.map(\.issue) == issues, "\(message.debugDescription)")
    }

    @Test func referencePartsAndActions() {
        let refs = issueReferences(in: "Fixes owner/repo#12, #13 and closes  x/y#14 resolved#15", line: 4)
        #expect(refs.map(\.issue) == ["12", "13", "14"])
        #expect(refs.map(\.action) == ["Fixes", "Fixes", "closes"])
        #expect(refs.map(\.repository) == ["owner/repo", nil, "x/y"])
        #expect(refs.first?.span == SourceSpan(line: 4, column: 17, length: 3))
        // The repository never reaches back into the reference before it.
        #expect(issueReferences(in: "#1#2", line: 1).map(\.repository) == [nil, nil])
        #expect(issueReferences(in: "see #1a.b#2", line: 1).map(\.repository) == [nil, "a.b"])
        #expect(issueReferences(in: "naïve #3", line: 1).first?.span == SourceSpan(line: 1, column: 7, length: 2))
        // Any white space after the keyword, Unicode too; none means no sentence.
        #expect(issueReferences(in: "closes\u{A0}#8", line: 1).first?.action == "closes")
        #expect(issueReferences(in: "closes#8", line: 1).first?.action == nil)
    }

    @Test func emptyAndLeadingBlankMessages() {
        #expect(parseCommitMessage("").isEmpty)
        #expect(parseCommitMessage("\n\n").isEmpty)
        let verbatim = parseCommitMessage("\r\n\r\nfix: x\r\nbody\r\n")
        #expect(verbatim.headerLine == 3)
        #expect(verbatim.type == "fix")
        #expect(verbatim.body == "body")
    }

    @Test func semVerSyntax() {
        for valid in ["1.2.0", "0.0.0", "1.2.0-rc.1", "1.2.0-0.3.7", "1.0.0-x-y.7z.92", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85"] {
            #expect(isValidSemVer(Substring(valid)), "\(valid)")
        }
        for invalid in ["1.2", "01.2.0", "1.2.0-01", "1.2.0-", "1.2.0+", "1.2.0-a..b", "v1.2.0", "1.2.3.4", "1.2.0 "] {
            #expect(!isValidSemVer(Substring(invalid)), "\(invalid)")
        }
    }
}
