import ShipshapeDiagnostics
import ShipshapeHooks
import Testing

@testable import ShipshapeFrontEnd

/// The three reporters: each owns its format's only encoding of a finding.
@Suite struct ReporterTests {
    /// Renders subjects with a format's reporter, as one subject alone or as a list.
    func render(
        _ format: OutputFormat, _ reports: [SubjectReport], asList: Bool = false, color: Bool = false, verbose: Bool = false
    ) -> String {
        format.reporter(color: color, verbose: verbose).render(.subjects(reports, asList: asList))
    }

    let typeEnum = Finding(
        rule: "type-enum", severity: .error, message: "unknown type \"feature\"",
        span: SourceSpan(line: 1, column: 1, length: 7), help: "did you mean \"feat\"?")
    let leadingBlank = Finding(rule: "body-leading-blank", severity: .warning, message: "body must begin with a blank line", span: SourceSpan(line: 2, column: 1))

    @Test func textShowsLocationRuleLineCaretAndHelp() {
        let report = SubjectReport(origin: ".git/COMMIT_EDITMSG", text: "feature: add login\nbody", findings: [typeEnum, leadingBlank])
        let out = render(.text, [report])
        #expect(out == """
            .git/COMMIT_EDITMSG:1:1: error: [type-enum] unknown type "feature"
               1 | feature: add login
                 | ^^^^^^^
                 = help: did you mean "feat"?
            .git/COMMIT_EDITMSG:2:1: warning: [body-leading-blank] body must begin with a blank line
               2 | body
                 | ^

            """)
    }

    @Test(arguments: OutputFormat.allCases)
    func subjectsListedOneAtATimeGiveTheTextOfAllAtOnce(_ format: OutputFormat) {
        let reports = [
            SubjectReport(origin: "commit 1a2b3c4", text: "feature: add login\nbody", commit: "1a2b3c4", findings: [typeEnum, leadingBlank]),
            SubjectReport(origin: "commit 5d6e7f8", text: "feat: fine", commit: "5d6e7f8"),
            SubjectReport(origin: "commit 9a0b1c2", ignored: true, ignoreReason: "a merge"),
        ]
        let reporter = format.reporter()
        for count in 0...reports.count {
            let some = Array(reports.prefix(count))
            let streamed = reporter.listStart
                + some.enumerated().map { reporter.listItem($0.element, isFirst: $0.offset == 0) }.joined()
                + reporter.listEnd(closing: "checked\n")
            #expect(streamed == reporter.render(.subjects(some, asList: true, closing: ["checked"])), "\(format) with \(count) reports")
        }
    }

    @Test func caretAccountsForWideCharactersAndTabs() {
        let f = Finding(rule: "subject-full-stop", severity: .error, message: "x", span: SourceSpan(line: 1, column: 10, length: 1))
        let report = SubjectReport(origin: "m", text: "docs: 界面\t.", findings: [f])
        let out = render(.text, [report])
        let lines = out.split(separator: "\n")
        // "docs: " is 6 columns, the two ideographs 4, the tab 4: the caret sits at column 15.
        #expect(lines[2] == "     | " + String(repeating: " ", count: 14) + "^")
    }

    @Test func colourOnlyWhenAsked() {
        let report = SubjectReport(origin: "m", text: "feature: x", findings: [typeEnum])
        #expect(!render(.text, [report], color: false).contains("\u{1B}["))
        #expect(render(.text, [report], color: true).contains("\u{1B}[1;31merror"))
        #expect(!render(.github, [report], color: true).contains("\u{1B}["), "colour is for text only")
    }

    @Test func longLinesAreWindowedAroundTheSpan() {
        let line = String(repeating: "a", count: 100_000)
        let f = Finding(rule: "body-max-line-length", severity: .error, message: "too long", span: SourceSpan(line: 1, column: 101))
        let out = render(.text, [SubjectReport(origin: "m", text: line, findings: [f])])
        #expect(out.count < 400)
        #expect(out.contains("…"))
    }

    @Test func jsonSingleObjectOrArray() {
        let report = SubjectReport(origin: "m", text: "feature: x", findings: [typeEnum, leadingBlank])
        let single = render(.json, [report])
        #expect(single == #"{"valid":false,"ignored":false,"errors":[{"rule":"type-enum","severity":"error","message":"unknown type \"feature\"","line":1,"column":1,"help":"did you mean \"feat\"?"}],"warnings":[{"rule":"body-leading-blank","severity":"warning","message":"body must begin with a blank line","line":2,"column":1}]}"# + "\n")
        let ranged = SubjectReport(origin: "c", commit: "0123456789abcdef", summary: "ok", ignored: true, ignoreReason: "merge commit")
        let array = render(.json, [ranged], asList: true)
        #expect(array == #"[{"commit":"0123456789abcdef","summary":"ok","valid":true,"ignored":true,"ignoreReason":"merge commit","errors":[],"warnings":[]}]"# + "\n")
    }

    @Test func controlCharactersFromTheMessageNeverReachTheTerminal() {
        let f = Finding(rule: "type-case", severity: .error, message: "type \"F\u{1B}]0;pwned\u{07}\" is not lower-case", span: SourceSpan(line: 1, column: 1), help: "x\u{1B}[2J")
        let report = SubjectReport(origin: "m", text: "F\u{1B}]0;pwned\u{07}: x", findings: [f])
        for format in [OutputFormat.text, .github] {
            let out = render(format, [report])
            #expect(!out.contains("\u{1B}") && !out.contains("\u{07}"), "\(format)")
            #expect(out.contains("\u{FFFD}"))
        }
    }

    @Test func jsonEscapesControlCharacters() {
        var out = ""
        JSONText.quote("a\u{0}b\u{1F}\t\"\\é\u{7F}", to: &out)
        #expect(out == #""a\u0000b\u001f\t\"\\é\u007f""#)
    }

    @Test func githubAnnotationsEscapeDataAndProperties() {
        let f = Finding(rule: "type-enum", severity: .error, message: "50% bad\nnext", span: SourceSpan(line: 1, column: 2))
        let out = render(.github, [SubjectReport(origin: "dir,a:b/MSG", findings: [f])])
        #expect(out == "::error file=dir%2Ca%3Ab/MSG,title=type-enum,line=1,col=2::50%25 bad%0Anext\n")
        let w = Finding(rule: "body-leading-blank", severity: .warning, message: "m", help: "h")
        let ranged = render(.github, [SubjectReport(origin: "c", commit: "abcdef0123", summary: "feat: x", findings: [w])], asList: true)
        #expect(ranged == "::warning title=body-leading-blank::commit abcdef0 (feat: x): m — help: h\n")
    }

    @Test func ignoredSubjectsAreQuietUnlessVerbose() {
        let report = SubjectReport(origin: "m", ignored: true, ignoreReason: "merge commit")
        #expect(render(.text, [report]) == "")
        #expect(render(.text, [report], verbose: true) == "m: skipped (merge commit)\n")
    }

    // MARK: Documents

    /// A command's document: its facts, a subject with facts of its own, and closing prose.
    var checkLike: ReportDocument {
        let versionFile = Finding(
            rule: "version-agreement", severity: .error, message: "package.json says 1.2.0, VERSION says 1.3.0",
            help: "set one version in every file", location: FileLocation(path: "package.json", line: 3, column: 15))
        let subject = SubjectReport(origin: "commit 0123456", commit: "0123456789", findings: [versionFile])
        return ReportDocument(
            body: .record([("tool", .string("x")), ("result", .subject(subject, facts: [("version", .null), ("files", .strings(["VERSION"]))]))]),
            closing: ["version checks failed: 1 error"])
    }

    @Test func jsonIsTheBodyAndLeavesTheProseToPeople() {
        #expect(JSONReporter().render(checkLike) == #"{"tool":"x","result":{"commit":"0123456789","version":null,"files":["VERSION"],"valid":false,"ignored":false,"errors":[{"rule":"version-agreement","severity":"error","message":"package.json says 1.2.0, VERSION says 1.3.0","help":"set one version in every file","file":"package.json","line":3,"column":15}],"warnings":[]}}"# + "\n")
    }

    @Test func textAndAnnotationsShowTheSubjectsThenTheClosingLines() {
        #expect(TextReporter().render(checkLike) == """
            commit 0123456: error: [version-agreement] package.json says 1.2.0, VERSION says 1.3.0
                 = help: set one version in every file
            version checks failed: 1 error

            """)
        #expect(GitHubReporter().render(checkLike) == """
            ::error file=package.json,line=3,col=15,title=version-agreement::commit 0123456: package.json says 1.2.0, VERSION says 1.3.0 — help: set one version in every file
            version checks failed: 1 error

            """)
    }

    @Test func aFormatACommandCannotRenderIsAUsageError() throws {
        #expect(throws: Never.self) { try OutputFormat.json.require([.text, .json], command: "shipshape rules") }
        do {
            try OutputFormat.github.require([.text, .json], command: "shipshape rules")
            Issue.record("github was accepted")
        } catch {
            #expect(error.description == "shipshape rules cannot give --format github; use text or json")
            #expect(ErrorStatus(error)?.status == .trouble)
        }
    }
}
