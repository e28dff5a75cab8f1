import Testing

@testable import ShipshapeDiagnostics

/// The format-free report model: what a command says before a reporter encodes it.
@Suite struct ReportDocumentTests {
    @Test func subjectsAreFoundWhereverTheBodyHoldsThem() {
        let a = SubjectReport(origin: "refs/heads/a"), b = SubjectReport(origin: "refs/heads/b")
        let body = ReportValue.record([("n", .int(1)), ("refs", .list([.subject(a), .record([("inner", .subject(b))])]))])
        #expect(ReportDocument(body: body).subjects.map(\.origin) == ["refs/heads/a", "refs/heads/b"])
        #expect(ReportDocument(body: .strings(["no", "subjects"])).subjects.isEmpty)
    }

    @Test func oneSubjectStandsAloneUnlessAListIsAskedFor() {
        let one = [SubjectReport(origin: "m")]
        guard case .subject = ReportDocument.subjects(one, asList: false).body else { Issue.record("one subject alone"); return }
        guard case let .list(values) = ReportDocument.subjects(one, asList: true).body, values.count == 1 else {
            Issue.record("a list of one")
            return
        }
        guard case .list = ReportDocument.subjects(one + one, asList: false).body else { Issue.record("two make a list"); return }
    }

    @Test func closingLinesEachEndWithALineFeed() {
        #expect(ReportDocument(body: .null, closing: ["a", "b"]).closing == "a\nb\n")
        #expect(ReportDocument(body: .null).closing == "")
    }

    @Test func numericVerdictsMapToTheThreeStatuses() {
        #expect(ExitStatus(code: 0) == .ok)
        #expect(ExitStatus(code: 1) == .violation)
        #expect(ExitStatus(code: 2) == .trouble)
        #expect(ExitStatus(code: 64) == .trouble)
    }
}
