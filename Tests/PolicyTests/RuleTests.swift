import ShipshapeDiagnostics
import ShipshapeMessage
import ShipshapePatterns
import Testing

@testable import ShipshapePolicy

private func lint(_ message: String, _ configure: (inout LintSettings) -> Void = { _ in }) throws -> LintReport {
    var settings = LintSettings()
    configure(&settings)
    return try Linter(settings: settings).lint(message)
}

private func rules(_ report: LintReport) -> [String] { report.findings.map(\.rule) }

@Suite("Commit-message rules")
struct RuleTests {
    @Test func typeEnumSuggestsTheClosestType() throws {
        let report = try lint("feature: add a thing\n")
        let finding = try #require(report.findings.first { $0.rule == "type-enum" })
        #expect(finding.message == "unknown type \"feature\"")
        #expect(finding.help?.hasPrefix("did you mean \"feat\"?") == true)
        #expect(finding.span == SourceSpan(line: 1, column: 1, length: 7))
        #expect(finding.severity == .error)
        #expect(!report.isValid)
        for (typo, expected) in [("fxi", "fix"), ("doc", "docs"), ("tests", "test"), ("bugfix", "fix"), ("refactr", "refactor")] {
            let help = try lint("\(typo): x\n").findings.first { $0.rule == "type-enum" }?.help
            #expect(help?.hasPrefix("did you mean \"\(expected)\"?") == true, "\(typo)")
        }
    }

    @Test func typeEnumNever() throws {
        let report = try lint("chore: x\n") { $0.rules["type-enum"] = .init(.error, .never, .strings(["chore"])) }
        #expect(rules(report) == ["type-enum"])
    }

    @Test func typeCaseSuggestsTheLowerCaseType() throws {
        let report = try lint("FIX: handle tabs\n")
        let finding = try #require(report.findings.first { $0.rule == "type-case" })
        #expect(finding.help == "did you mean \"fix\"?")
        #expect(Set(rules(report)) == ["type-case", "type-enum"])
    }

    @Test func emptyTypeAndSubjectExplainTheHeader() throws {
        let report = try lint("feat : add a thing\n")
        #expect(Set(rules(report)) == ["type-empty", "subject-empty"])
        #expect(report.findings.first { $0.rule == "type-empty" }?.help == "remove the space before \":\", e.g. \"feat: add a thing\"")
        let plain = try lint("Update the changelog.\n")
        #expect(plain.findings.first { $0.rule == "type-empty" }?.help?.contains("chore: update the changelog") == true)
        #expect(Set(rules(plain)) == ["type-empty", "subject-empty", "subject-full-stop"])
    }

    @Test func missingDescriptionAsksForOne() throws {
        for header in ["feat:", "feat(api):", "feat!:", "feat: "] {
            let finding = try #require(try lint(header + "\n").findings.first { $0.rule == "subject-empty" }, "\(header)")
            #expect(finding.help == "write a description after \": \", e.g. \"\(header.trimmingSuffix()) add dark mode\"", "\(header)")
        }
        #expect(try lint("feat:x\n").findings.first { $0.rule == "subject-empty" }?.help == "put a space after \":\", e.g. \"feat: x\"")
    }

    /// Each header hint names the fix and gives the header with it made, and that header passes
    /// every default rule: following a hint never leads to another refusal.
    @Test(arguments: [
        ("feat(webhooks) add retries", "put \":\" after the scope", "feat(webhooks): add retries"),
        ("feat add retries", "put \":\" after the type", "feat: add retries"),
        ("Fix(api) handle tabs", "put \":\" after the scope", "fix(api): handle tabs"),
        ("feat:add retries", "put a space after \":\"", "feat: add retries"),
        ("feat(api)!:drop v1", "put a space after \":\"", "feat(api)!: drop v1"),
        ("feat : add retries", "remove the space before \":\"", "feat: add retries"),
        ("feat(api) :add retries", "remove the space before \":\" and put a space after \":\"", "feat(api): add retries"),
        ("feat[api]: add retries", "put the scope in parentheses", "feat(api): add retries"),
        ("feat{api} add retries", "put the scope in parentheses and \":\" after it", "feat(api): add retries"),
        ("feat<api>!: drop v1", "put the scope in parentheses", "feat(api)!: drop v1"),
        ("WIP", "start the header with a type and \": \"", "chore: wip"),
        ("Update README.md", "start the header with a type and \": \"", "chore: update README.md"),
    ])
    func headerHintsRepairTheHeader(_ header: String, _ fix: String, _ repaired: String) throws {
        let report = try lint(header + "\n")
        let help = try #require(report.findings.first { $0.rule == "type-empty" }?.help, "\(header)")
        #expect(help == "\(fix), e.g. \"\(repaired)\"", "\(header)")
        #expect(try lint(repaired + "\n").findings.isEmpty, "\(repaired)")
    }

    /// type-empty keeps commitlint's verdict for a header it cannot read, but says why when the
    /// type is visibly there.
    @Test func typeEmptyDoesNotDenyAVisibleType() throws {
        for header in ["feat:", "feat(api):", "feat(webhooks) add retries", "feat : x", "feat add x"] {
            let finding = try #require(try lint(header + "\n").findings.first { $0.rule == "type-empty" }, "\(header)")
            #expect(finding.message.hasPrefix("\"feat\" is not read as a type"), "\(header)")
            #expect(!finding.message.contains("no type"), "\(header)")
        }
        for header in ["Update README.md", "WIP", ": no type"] {
            let finding = try #require(try lint(header + "\n").findings.first { $0.rule == "type-empty" }, "\(header)")
            #expect(finding.message == "the header has no type", "\(header)")
        }
    }

    /// A subject-case hint lower-cases the first word without mangling it.
    @Test(arguments: [
        ("feat: WIP stuff", "start the subject with a lower-case letter: \"wip stuff\", or list \"WIP\" under [commit] acronyms in .shipshape.toml"),
        ("feat: Add dark mode", "start the subject with a lower-case letter: \"add dark mode\""),
        ("fix: ADD DARK MODE", "start the subject with a lower-case letter: \"add DARK MODE\", or list \"ADD\" under [commit] acronyms in .shipshape.toml"),
        ("feat: GitHub Actions Cache", "start the subject with a lower-case word, e.g. \"update GitHub Actions Cache\""),
        ("feat: PRs Get Labels", "start the subject with a lower-case word, e.g. \"update PRs Get Labels\""),
    ])
    func subjectCaseHintsKeepWordsWhole(_ message: String, _ help: String) throws {
        let finding = try #require(try lint(message + "\n").findings.first { $0.rule == "subject-case" })
        #expect(finding.help == help)
        let suggested = try #require(help.split(separator: "\"").dropFirst().first.map(String.init))
        let header = String(message.prefix { $0 != ":" }) + ": " + suggested
        #expect(try lint(header + "\n").findings.isEmpty, "\(header)")
    }

    @Test func emptyTypeEnumSaysSo() throws {
        let report = try lint("feat: x\n") { $0.rules["type-enum"] = .init(.error, .always, .strings([])) }
        let finding = try #require(report.findings.first { $0.rule == "type-enum" })
        #expect(finding.message == "type \"feat\" is not allowed: type-enum lists no types")
        #expect(finding.help == "list the allowed types in type-enum (or [commit] types), or turn type-enum off")
    }

    @Test func subjectCaseFollowsEnsureCase() throws {
        let report = try lint("feat: Add dark mode\n")
        let finding = try #require(report.findings.first)
        #expect(finding.rule == "subject-case")
        #expect(finding.help == "start the subject with a lower-case letter: \"add dark mode\"")
        #expect(finding.span == SourceSpan(line: 1, column: 7, length: 13))
        for valid in ["feat: add Swift support", "fix: 3D Touch", "docs: 更新", "fix: ǅungla", "feat: `Eslint` config"] {
            #expect(try lint(valid + "\n").findings.isEmpty, "\(valid)")
        }
        for invalid in ["fix: X", "fix: Ärger", "fix: İstanbul", "feat: AddDarkMode"] {
            #expect(try rules(lint(invalid + "\n")) == ["subject-case"], "\(invalid)")
        }
    }

    @Test func subjectCaseAcronyms() throws {
        #expect(try rules(lint("feat: API tokens can expire\n")) == ["subject-case"])
        #expect(try lint("feat: API tokens can expire\n") { $0.acronyms = ["API"] }.findings.isEmpty)
        #expect(try rules(lint("feat: API Tokens\n") { $0.acronyms = ["API"] }) == ["subject-case"])
    }

    @Test func subjectCaseAlways() throws {
        let settings: (inout LintSettings) -> Void = { $0.rules["subject-case"] = .init(.error, .always, .strings(["kebab-case"])) }
        #expect(try lint("fix: handle-tabs\n", settings).findings.isEmpty)
        let report = try lint("fix: handle tabs\n", settings)
        #expect(report.findings.first?.help == "write it as \"handle-tabs\"")
    }

    @Test func caseConversionsMatchLodash() {
        #expect(toCase("add dark mode", "start-case") == "Add Dark Mode")
        #expect(toCase("useMemo in the list", "start-case") == "Use Memo In The List")
        #expect(toCase("Add dark mode", "camel-case") == "addDarkMode")
        #expect(toCase("Add dark mode", "pascal-case") == "AddDarkMode")
        #expect(toCase("APIToken v2", "kebab-case") == "api-token-v-2")
        #expect(toCase("Crème brûlée", "snake-case") == "creme_brulee")
        #expect(toCase("don't stop", "camel-case") == "dontStop")
        #expect(ensureCase("\"Quoted\"", "lower-case"))
        #expect(ensureCase("3D", "lower-case"))
        #expect(!ensureCase("fIx", "lower-case"))
        #expect(ensureCase("FIX", "upper-case"))
    }

    @Test func subjectFullStopLooksAtTheHeader() throws {
        let report = try lint("fix: handle tabs.\n")
        let finding = try #require(report.findings.first)
        #expect(finding.rule == "subject-full-stop")
        #expect(finding.help == "remove the trailing \".\"")
        #expect(finding.span == SourceSpan(line: 1, column: 17, length: 1))
        #expect(try lint("fix: wait...\n").findings.isEmpty)
        #expect(try lint("fix: wait....\n").findings.isEmpty)
        #expect(try rules(lint("fix: x\n") { $0.rules["subject-full-stop"] = .init(.error, .always, .string(".")) }) == ["subject-full-stop"])
    }

    @Test func subjectFullStopComparesLikeStrings() throws {
        // The last UTF-16 unit is compared as a string: canonical equivalents count (U+037E is
        // ";"), a non-ASCII stop works, and a trailing emoji's low surrogate decodes to U+FFFD.
        func ends(_ header: String, _ stop: String) throws -> Bool {
            try rules(lint(header + "\n") { $0.rules["subject-full-stop"] = .init(.error, .never, .string(stop)) }).contains("subject-full-stop")
        }
        #expect(try ends("fix: x\u{37E}", ";"))
        #expect(try ends("fix: x;", ";"))
        #expect(try !ends("fix: x.", ";"))
        #expect(try ends("docs: 更新文档。", "。"))
        #expect(try !ends("docs: 更新文档.", "。"))
        #expect(try ends("fix: x🎉", "\u{FFFD}"))
        #expect(try !ends("fix: x🎉", "🎉"))
        #expect(try !ends("fix: x!", "."))
    }

    @Test func headerMaxLengthCountsUTF16() throws {
        let header = "feat: " + String(repeating: "a", count: 93) + "🎉"
        #expect(header.count == 100)
        let report = try lint(header + "\n")
        let finding = try #require(report.findings.first)
        #expect(finding.rule == "header-max-length")
        #expect(finding.message == "header is 101 characters long, more than the allowed 100")
        #expect(finding.span == SourceSpan(line: 1, column: 100, length: 1))
        #expect(try lint("feat: " + String(repeating: "界", count: 94) + "\n").findings.isEmpty)
    }

    @Test func headerTrim() throws {
        let report = try lint(" fix: x\u{00A0}\n")
        #expect(report.findings.filter { $0.rule == "header-trim" }.count == 2)
        #expect(report.findings.first?.span == SourceSpan(line: 1, column: 1, length: 1))
    }

    @Test func leadingBlankLines() throws {
        let report = try lint("feat: x\nbody line\n\nRefs: #1\n")
        #expect(report.warnings.map(\.rule) == ["body-leading-blank"])
        #expect(report.warnings.first?.span?.line == 2)
        #expect(report.isValid)
        let footer = try lint("feat: x\n\nbody\nBREAKING CHANGE: y\n")
        #expect(footer.warnings.map(\.rule) == ["footer-leading-blank"])
        #expect(footer.warnings.first?.span?.line == 4)
    }

    @Test func lineLengthsAndExemptions() throws {
        let url = "https://example.org/" + String(repeating: "x", count: 100)
        let message = "fix: x\n\n\(url)\n\nSee #12: \(url)\n"
        #expect(try lint(message).findings.isEmpty)
        #expect(Set(rules(try lint(message) { $0.exemptURLLines = false })) == ["body-max-line-length", "footer-max-line-length"])
        #expect(try lint("fix: x\n\n- <\(url)>\n[1]: \(url)\n").findings.isEmpty)
        // A trailer after the body starts the footer.
        let trailer = "fix: x\n\nBody.\n\nReviewed-by: " + String(repeating: "r", count: 100) + "\n"
        #expect(try rules(lint(trailer)) == ["footer-max-line-length"])
        let trailerInFooter = "fix: x\n\nBody.\n\nCloses #4\n\nReviewed-by: " + String(repeating: "r", count: 100) + "\n"
        #expect(try rules(lint(trailerInFooter)) == ["footer-max-line-length"])
        #expect(try lint(trailerInFooter) { $0.exemptTrailers = true }.findings.isEmpty)
        #expect(try lint(trailer) { $0.exemptTrailers = true }.findings.isEmpty)
        let body = try lint("fix: x\n\n" + String(repeating: "b", count: 101) + "\nok\n" + String(repeating: "c", count: 120) + "\n")
        #expect(body.findings.map { $0.span?.line } == [3, 5])
        #expect(body.findings.first?.span == SourceSpan(line: 3, column: 101, length: 1))
    }

    @Test func linesContainingAURLAreExemptAsInCommitlint() throws {
        // commitlint #4486: any line matching \bhttps?://\S+ escapes the shared max-line-length check.
        let filler = String(repeating: "w", count: 90)
        let prose = "See the discussion at https://example.org/issues/2112 for the \(filler) details"
        let message = "fix: x\n\n\(prose)\n\nRefs: #7 \(filler) http://example.org/a\n"
        #expect(try lint(message).findings.isEmpty)
        #expect(Set(rules(try lint(message) { $0.exemptURLLines = false })) == ["body-max-line-length", "footer-max-line-length"])
        // Not URLs in commitlint's sense: no word boundary, an upper-case scheme, nothing after "//", another scheme.
        for line in ["xhttps://example.org/a", "HTTPS://example.org/a", "https:// spaced", "ftp://example.org/a"] {
            let long = "fix: x\n\n\(line) \(filler)\n"
            #expect(try rules(lint(long)) == ["body-max-line-length"], "\(line)")
        }
        #expect(try lint("fix: x\n\n(https://example.org/\(filler)) \(filler)\n").findings.isEmpty)
    }

    @Test func repeatedLineLengthFindingsAreCapped() throws {
        let long = String(repeating: "b", count: 101)
        let many = "fix: x\n\n" + Array(repeating: long, count: 1_234).joined(separator: "\n") + "\n"
        let findings = try lint(many).findings
        #expect(findings.count == 10)
        #expect(findings.allSatisfy { $0.rule == "body-max-line-length" })
        #expect(findings.map { $0.span?.line } == Array(3...12))
        #expect(findings[0].message == "body line is 101 characters long, more than the allowed 100")
        #expect(findings[9].message.hasSuffix("…and 1,224 more lines longer than 100 characters"))
        let eleven = "fix: x\n\n" + Array(repeating: long, count: 11).joined(separator: "\n") + "\n"
        #expect(try lint(eleven).findings.last?.message.hasSuffix("…and 1 more line longer than 100 characters") == true)
        let ten = "fix: x\n\n" + Array(repeating: long, count: 10).joined(separator: "\n") + "\n"
        #expect(try lint(ten).findings.allSatisfy { !$0.message.contains("more line") })
        #expect(try lint(ten).findings.count == 10)
    }

    @Test func scopeRules() throws {
        let on: (inout LintSettings) -> Void = {
            $0.rules["scope-enum"] = .init(.error, .always, .strings(["api", "ui"]))
            $0.rules["scope-case"] = .init(.error, .always, .strings(["lower-case"]))
            $0.rules["scope-empty"] = .init(.warning, .never)
        }
        #expect(try lint("fix(api, ui): x\n", on).findings.isEmpty)
        let report = try lint("fix(apj/UI): x\n", on)
        #expect(Set(rules(report)) == ["scope-enum", "scope-case"])
        #expect(report.findings.first { $0.rule == "scope-enum" }?.help?.hasPrefix("did you mean \"api\"?") == true)
        #expect(report.findings.first { $0.rule == "scope-case" }?.span == SourceSpan(line: 1, column: 5, length: 6))
        #expect(try lint("fix: x\n", on).warnings.map(\.rule) == ["scope-empty"])
    }

    @Test func scopeEnumAcceptsTheWholeScopeWhenListed() throws {
        // commitlint: every segment listed, or the whole scope listed.
        let always: (inout LintSettings) -> Void = { $0.rules["scope-enum"] = .init(.error, .always, .strings(["@acme/ui-kit", "api"])) }
        #expect(try lint("build(@acme/ui-kit): bump\n", always).findings.isEmpty)
        #expect(try lint("build(api): bump\n", always).findings.isEmpty)
        #expect(try rules(lint("build(@acme/other): bump\n", always)) == ["scope-enum", "scope-enum"])
        #expect(try rules(lint("build(api,@acme/ui-kit): bump\n", always)) == ["scope-enum", "scope-enum"])
        let never: (inout LintSettings) -> Void = { $0.rules["scope-enum"] = .init(.error, .never, .strings(["@acme/ui-kit", "api"])) }
        let whole = try lint("build(@acme/ui-kit): bump\n", never)
        #expect(rules(whole) == ["scope-enum"])
        #expect(whole.findings.first?.message == "scope \"@acme/ui-kit\" is not allowed")
        #expect(try rules(lint("fix(api/ui): x\n", never)) == ["scope-enum"])
        #expect(try lint("build(@acme/other): bump\n", never).findings.isEmpty)
    }

    @Test func bodyEmptySignedOffTrailersReferences() throws {
        let on: (inout LintSettings) -> Void = {
            $0.rules["body-empty"] = .init(.error, .never)
            $0.rules["signed-off-by"] = .init(.error, .always, .string("Signed-off-by:"))
            $0.rules["trailer-exists"] = .init(.error, .always, .string("Signed-off-by:"))
            $0.rules["references-empty"] = .init(.error, .never)
        }
        #expect(try Set(rules(lint("fix: x\n", on))) == ["body-empty", "signed-off-by", "trailer-exists", "references-empty"])
        let good = "fix: x\n\nWhy.\n\nCloses #7\nSigned-off-by: Ada <ada@example.org>\n"
        #expect(try lint(good, on).findings.isEmpty)
    }

    @Test func breakingChangeExclamationMark() throws {
        let on: (inout LintSettings) -> Void = { $0.rules["breaking-change-exclamation-mark"] = .init(.error, .always) }
        #expect(try lint("feat!: x\n\nBREAKING CHANGE: y\n", on).findings.isEmpty)
        #expect(try lint("feat: x\n", on).findings.isEmpty)
        #expect(try rules(lint("feat!: x\n", on)) == ["breaking-change-exclamation-mark"])
        #expect(try rules(lint("feat: x\n\nBREAKING-CHANGE: y\n", on)) == ["breaking-change-exclamation-mark"])
    }

    @Test func breakingChangeExclamationMarkUsesCommitlintsTests() throws {
        // commitlint: /!:/ anywhere in the header, /BREAKING[ -]CHANGE:/ anywhere in the footer.
        let on: (inout LintSettings) -> Void = { $0.rules["breaking-change-exclamation-mark"] = .init(.error, .always) }
        #expect(try lint("feat!: x\n\n* BREAKING CHANGE: y\n", on).findings.isEmpty)
        #expect(try lint("feat(ui)!:x\n\nBREAKING CHANGE: y\n", on).findings.filter { $0.rule == "breaking-change-exclamation-mark" }.isEmpty)
        #expect(try rules(lint("feat: say hi!: now\n", on)) == ["breaking-change-exclamation-mark"])
        let star = try lint("feat: x\n\nRefs: #1\n* BREAKING CHANGE: y\n", on)
        #expect(rules(star) == ["breaking-change-exclamation-mark"])
        #expect(star.findings.first?.span?.line == 4)
        #expect(try lint("feat: x\n\nbreaking change: y\n", on).findings.isEmpty)
        let never: (inout LintSettings) -> Void = { $0.rules["breaking-change-exclamation-mark"] = .init(.error, .never) }
        #expect(try rules(lint("feat!: x\n\n* BREAKING CHANGE: y\n", never)) == ["breaking-change-exclamation-mark"])
    }

    @Test func offRulesAndLevels() throws {
        let report = try lint("feature: X\n") {
            $0.rules["type-enum"] = .init(.off)
            $0.rules["subject-case"] = .init(.warning, .never, .strings(["upper-case", "sentence-case"]))
        }
        #expect(report.errors.isEmpty)
        #expect(report.warnings.map(\.rule) == ["subject-case"])
        #expect(report.isValid)
    }

    @Test func emptyAndIgnoredMessages() throws {
        let empty = try lint("")
        #expect(empty.isEmpty && empty.isValid && !empty.ignored && empty.findings.isEmpty)
        let merge = try lint("Merge branch 'main' into feature/x\n")
        #expect(merge.ignored && merge.isValid)
        #expect(merge.ignoreReason == DefaultIgnore.mergeInto.description)
        let noDefaults = try lint("Merge branch 'main' into feature/x\n") { $0.ignores.useDefaults = false }
        #expect(!noDefaults.ignored && !noDefaults.isValid)
        let custom = try lint("WIP: later\n") { $0.ignores.patterns = [try! Pattern("^WIP\\b")] }
        #expect(custom.ignored && custom.ignoreReason?.contains("^WIP") == true)
    }

    @Test func customHeaderPatternReplacesTheGrammar() throws {
        let pattern = try Pattern(#"^\[(?<type>[a-z]+)\](?<breaking>!)? (?<subject>.+)$"#)
        let report = try lint("[feat]! add dark mode\n") { $0.headerPattern = pattern }
        #expect(report.findings.isEmpty)
        #expect(report.parsed.type == "feat" && report.parsed.hasExclamationMark)
        #expect(report.parsed.fields.subjectSpan == SourceSpan(line: 1, column: 9, length: 13))
        #expect(try Set(rules(lint("feat: add\n") { $0.headerPattern = pattern })) == ["type-empty", "subject-empty"])
    }

    @Test func subjectPattern() throws {
        let pattern = try Pattern(#"^[a-z].*\(#\d+\)$"#)
        #expect(try lint("fix: x (#12)\n") { $0.subjectPattern = pattern }.findings.isEmpty)
        #expect(try rules(lint("fix: x\n") { $0.subjectPattern = pattern }) == ["subject-pattern"])
    }

    @Test func findingsAreSortedByPosition() throws {
        let report = try lint("Feat: X.\nbody\n" + String(repeating: "z", count: 101) + "\n")
        let positions = report.findings.compactMap { $0.span.map { ($0.line, $0.column) } }
        #expect(positions.map(\.0) == positions.map(\.0).sorted())
        #expect(report.findings.first?.rule == "type-case")
    }

    @Test func patternLimitErrorsAreThrown() throws {
        let evil = try Pattern("^(a+)+$", matchLimit: 1000)
        #expect(throws: PatternError.self) {
            try lint(String(repeating: "a", count: 40) + "!\n") { $0.ignores.patterns = [evil] }
        }
    }
}

extension String {
    /// The text without trailing spaces.
    fileprivate func trimmingSuffix() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
