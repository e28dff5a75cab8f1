import Testing
@testable import ShipshapeDiagnostics

@Suite struct RendererTests {
    let typeEnum = Finding(
        rule: "type-enum", severity: .error, message: "unknown type \"feature\"",
        span: SourceSpan(line: 1, column: 1, length: 7), help: "did you mean \"feat\"?")
    let leadingBlank = Finding(rule: "body-leading-blank", severity: .warning, message: "body must begin with a blank line", span: SourceSpan(line: 2, column: 1))

    @Test func textShowsLocationRuleLineCaretAndHelp() {
        let report = SubjectReport(origin: ".git/COMMIT_EDITMSG", text: "feature: add login\nbody", findings: [typeEnum, leadingBlank])
        let out = Renderer(format: .text).render([report], asArray: false)
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
    func reportsRenderedOneAtATimeGiveTheTextOfAllAtOnce(_ format: OutputFormat) {
        let reports = [
            SubjectReport(origin: "commit 1a2b3c4", text: "feature: add login\nbody", commit: "1a2b3c4", findings: [typeEnum, leadingBlank]),
            SubjectReport(origin: "commit 5d6e7f8", text: "feat: fine", commit: "5d6e7f8"),
            SubjectReport(origin: "commit 9a0b1c2", ignored: true, ignoreReason: "a merge"),
        ]
        let renderer = Renderer(format: format)
        for count in 0...reports.count {
            let some = Array(reports.prefix(count))
            let streamed = renderer.streamStart
                + some.enumerated().map { renderer.streamItem($0.element, isFirst: $0.offset == 0) }.joined()
                + renderer.streamEnd
            #expect(streamed == renderer.render(some, asArray: true), "\(format) with \(count) reports")
        }
    }

    @Test func caretAccountsForWideCharactersAndTabs() {
        let f = Finding(rule: "subject-full-stop", severity: .error, message: "x", span: SourceSpan(line: 1, column: 10, length: 1))
        let report = SubjectReport(origin: "m", text: "docs: 界面\t.", findings: [f])
        let out = Renderer(format: .text).render([report], asArray: false)
        let lines = out.split(separator: "\n")
        // "docs: " is 6 columns, the two ideographs 4, the tab 4: the caret sits at column 15.
        #expect(lines[2] == "     | " + String(repeating: " ", count: 14) + "^")
    }

    @Test func colourOnlyWhenAsked() {
        let report = SubjectReport(origin: "m", text: "feature: x", findings: [typeEnum])
        #expect(!Renderer(format: .text, color: false).render([report], asArray: false).contains("\u{1B}["))
        #expect(Renderer(format: .text, color: true).render([report], asArray: false).contains("\u{1B}[1;31merror"))
    }

    @Test func longLinesAreWindowedAroundTheSpan() {
        let line = String(repeating: "a", count: 100_000)
        let f = Finding(rule: "body-max-line-length", severity: .error, message: "too long", span: SourceSpan(line: 1, column: 101))
        let out = Renderer(format: .text).render([SubjectReport(origin: "m", text: line, findings: [f])], asArray: false)
        #expect(out.count < 400)
        #expect(out.contains("…"))
    }

    @Test func jsonSingleObjectOrArray() {
        let report = SubjectReport(origin: "m", text: "feature: x", findings: [typeEnum, leadingBlank])
        let single = Renderer(format: .json).render([report], asArray: false)
        #expect(single == #"{"valid":false,"ignored":false,"errors":[{"rule":"type-enum","severity":"error","message":"unknown type \"feature\"","line":1,"column":1,"help":"did you mean \"feat\"?"}],"warnings":[{"rule":"body-leading-blank","severity":"warning","message":"body must begin with a blank line","line":2,"column":1}]}"# + "\n")
        let ranged = SubjectReport(origin: "c", commit: "0123456789abcdef", summary: "ok", ignored: true, ignoreReason: "merge commit")
        let array = Renderer(format: .json).render([ranged], asArray: true)
        #expect(array == #"[{"commit":"0123456789abcdef","summary":"ok","valid":true,"ignored":true,"ignoreReason":"merge commit","errors":[],"warnings":[]}]"# + "\n")
    }

    @Test func controlCharactersFromTheMessageNeverReachTheTerminal() {
        let f = Finding(rule: "type-case", severity: .error, message: "type \"F\u{1B}]0;pwned\u{07}\" is not lower-case", span: SourceSpan(line: 1, column: 1), help: "x\u{1B}[2J")
        let report = SubjectReport(origin: "m", text: "F\u{1B}]0;pwned\u{07}: x", findings: [f])
        for format in [OutputFormat.text, .github] {
            let out = Renderer(format: format).render([report], asArray: false)
            #expect(!out.contains("\u{1B}") && !out.contains("\u{07}"), "\(format)")
            #expect(out.contains("\u{FFFD}"))
        }
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONValue.string("a\u{0}b\u{1F}\t\"\\é").serialized() == #""a\u0000b\u001f\t\"\\é""#)
    }

    @Test func githubAnnotationsEscapeDataAndProperties() {
        let f = Finding(rule: "type-enum", severity: .error, message: "50% bad\nnext", span: SourceSpan(line: 1, column: 2))
        let out = Renderer(format: .github).render([SubjectReport(origin: "dir,a:b/MSG", findings: [f])], asArray: false)
        #expect(out == "::error file=dir%2Ca%3Ab/MSG,title=type-enum,line=1,col=2::50%25 bad%0Anext\n")
        let w = Finding(rule: "body-leading-blank", severity: .warning, message: "m", help: "h")
        let ranged = Renderer(format: .github).render([SubjectReport(origin: "c", commit: "abcdef0123", summary: "feat: x", findings: [w])], asArray: true)
        #expect(ranged == "::warning title=body-leading-blank::commit abcdef0 (feat: x): m — help: h\n")
    }

    @Test func ignoredSubjectsAreQuietUnlessVerbose() {
        let report = SubjectReport(origin: "m", ignored: true, ignoreReason: "merge commit")
        #expect(Renderer(format: .text).render([report], asArray: false) == "")
        #expect(Renderer(format: .text, verbose: true).render([report], asArray: false) == "m: skipped (merge commit)\n")
    }
}
