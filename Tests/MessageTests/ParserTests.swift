import Testing

@testable import ShipshapeMessage

@Suite("Conventional Commits parser")
struct ParserTests {
    @Test func headerFieldsAndPositions() throws {
        let fields = try #require(parseConventionalHeader("feat(api)!: drop v1", line: 3))
        #expect(fields.type == "feat")
        #expect(fields.typeSpan == MessageSpan(line: 3, column: 1, length: 4))
        #expect(fields.scope == "api")
        #expect(fields.scopeSpan == MessageSpan(line: 3, column: 6, length: 3))
        #expect(fields.subject == "drop v1")
        #expect(fields.subjectSpan == MessageSpan(line: 3, column: 13, length: 7))
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
        #expect(parsed.references.first?.span == MessageSpan(line: 10, column: 8, length: 4))
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
        #expect(reference.footerLines == 3...4)
        #expect(reference.references.first?.repository == "owner/repo")
        let headerRef = parseCommitMessage("fix: handle null ids (#321)\n")
        #expect(headerRef.references.map(\.issue) == ["321"])
        #expect(parseCommitMessage("fix: use C# 10\n").references.isEmpty)
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
