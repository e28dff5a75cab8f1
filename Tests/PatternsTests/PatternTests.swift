import Testing
@testable import ShipshapePatterns

@Suite struct PatternTests {
    @Test func matchesAndCapturesNamedGroups() throws {
        let p = try Pattern(#"LABEL version="(?<version>[^"]+)""#)
        let m = try #require(try p.firstMatch(in: "FROM x\nLABEL version=\"1.2.0\"\n"))
        #expect(m.group(named: "version") == "1.2.0")
        #expect(m.group(named: "nope") == nil)
        #expect(p.groupNames == ["version": 1])
    }

    @Test func wholeMatchIsAnchoredAtBothEnds() throws {
        let p = try Pattern("feature/[a-z]+")
        #expect(try p.matchesWhole("feature/login"))
        #expect(try !p.matchesWhole("feature/login2"))
        #expect(try !p.matchesWhole("xfeature/login"))
        // An alternation whose first branch matches a prefix must still be tried to the end.
        #expect(try Pattern("main|main2").matchesWhole("main2"))
    }

    @Test func invalidPatternReportsOffsetAndReason() {
        #expect(throws: PatternError.self) { try Pattern("feat(") }
        do {
            _ = try Pattern("a)b")
            Issue.record("expected a compile error")
        } catch {
            guard case let .invalid(pattern, offset, reason) = error else { Issue.record("wrong case \(error)"); return }
            #expect(pattern == "a)b")
            #expect(offset == 1)
            #expect(!reason.isEmpty)
            #expect(error.description.contains("offset 1"))
        }
    }

    @Test func catastrophicBacktrackingIsAnErrorNotAHang() throws {
        let p = try Pattern("^(a+)+$", matchLimit: 100_000)
        let subject = String(repeating: "a", count: 40) + "!"
        #expect(throws: PatternError.self) { try p.matches(subject) }
        do { _ = try p.matches(subject) } catch {
            guard case .limitExceeded = error else { Issue.record("wrong case \(error)"); return }
        }
    }

    @Test func allMatchesAdvancesOverEmptyMatchesAndMultibyteText() throws {
        let p = try Pattern("x*")
        let ms = try p.allMatches(in: "éxé")
        #expect(ms.map(\.text) == ["", "x", "", ""])
        let words = try Pattern(#"\w+"#).allMatches(in: "fix: a b")
        #expect(words.map(\.text) == ["fix", "a", "b"])
    }

    @Test func requireGroupNamesTheMissingGroup() throws {
        let p = try Pattern("(?<v>1)")
        try p.requireGroup("v")
        #expect(throws: PatternError.missingGroup(pattern: "(?<v>1)", group: "version")) { try p.requireGroup("version") }
    }

    @Test func caseInsensitiveAndEmptySubject() throws {
        #expect(try Pattern("wip", caseInsensitive: true).matches("WIP: later"))
        #expect(try Pattern("^$").matches(""))
        #expect(try !Pattern("a").matches(""))
    }
}
