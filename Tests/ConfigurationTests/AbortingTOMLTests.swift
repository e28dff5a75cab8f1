import ShipshapeConfiguration
import Testing

/// Found by fuzzing: TOMLKit's toml++ aborted the process on a table header without a key and on
/// a `}` inside an array, so these are reported before the document reaches it.
@Suite struct AbortingTOMLTests {
    @Test(arguments: [
        ("[=commy\ntypes = [\n", 1, 2), ("[commit]\n  [ #x\n", 2, 5), ("[[ =\n", 1, 4), ("[\n", 1, 2),
        ("a = 1\n[é]\n", 2, 2), ("[[[\nt = 1\n", 1, 3), ("\u{FEFF}[\u{1D} +]\n", 1, 3),
    ])
    func aHeaderWithoutAKeyIsASyntaxErrorNotACrash(_ text: String, _ line: Int, _ column: Int) throws {
        let error = try #require(failure(text))
        guard case let .syntax(_, foundLine, foundColumn, message) = error else { Issue.record("wrong case \(error)"); return }
        #expect(foundLine == line && foundColumn == column)
        #expect(message.contains("table header"))
    }

    @Test(arguments: [("cvs = [}\n", 1, 8), ("x = [\n  {a = 1},\n  }\n", 3, 3), ("x = [[1], }]\n", 1, 11)])
    func aBraceClosingAnArrayIsASyntaxErrorNotACrash(_ text: String, _ line: Int, _ column: Int) throws {
        let error = try #require(failure(text))
        guard case let .syntax(_, foundLine, foundColumn, message) = error else { Issue.record("wrong case \(error)"); return }
        #expect(foundLine == line && foundColumn == column)
        #expect(message.contains("array"))
    }

    @Test(arguments: [("x = 2024-01-15 1\n", 1, 17), ("y =0001-02-0y 2 4\n", 1, 16), ("[t]\nz = [2024-01-15 1]\n", 2, 18)])
    func aDateWithALoneDigitAfterASpaceIsASyntaxErrorNotACrash(_ text: String, _ line: Int, _ column: Int) throws {
        let error = try #require(failure(text))
        guard case let .syntax(_, foundLine, foundColumn, message) = error else { Issue.record("wrong case \(error)"); return }
        #expect(foundLine == line && foundColumn == column)
        #expect(message.contains("a date"))
        // A whole date-time, and a date at the end of the file, reach TOMLKit.
        #expect(failure("x = 2024-01-15 12:00:00\n").map { if case .unknownKey = $0 { true } else { false } } == true)
    }

    /// The key scanner now reads text TOMLKit has not accepted yet: deep nesting must not
    /// exhaust its stack (toml++ refuses more than 256 levels itself).
    @Test func deeplyNestedArraysAreLeftToTheParser() throws {
        let error = try #require(failure("x = " + String(repeating: "[", count: 100_000) + "\n"))
        guard case .syntax = error else { Issue.record("wrong case \(error)"); return }
    }

    /// Brackets inside strings, comments, multi-line strings and nested arrays are not headers.
    @Test func bracketsThatAreNotHeadersReachTheParser() throws {
        let text = #"""
            a = [
              [{ x = 1 }],
            ]
            b = """
            [=
            """
            c = '''
            [#'''''
            d = "[=\"" # [=
            [  "q"  ]
            """#
        let error = try #require(failure(text))
        // TOMLKit read the whole document: the first mistake is the unknown key on line 1.
        guard case let .unknownKey(_, key, line, _) = error else { Issue.record("wrong case \(error)"); return }
        #expect(key == "a" && line == 1)
    }
}
