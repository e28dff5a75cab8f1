import ShipshapeConfiguration
import Testing
import ShipshapePatterns
import ShipshapePolicy

/// Lines of keys in documents whose layout could mislead a naive line scanner.
@Suite struct KeyLinesTests {
    private func line(of text: String) -> Int? {
        do {
            _ = try ShipshapeConfiguration.parse(text: text)
            Issue.record("expected an error")
            return nil
        } catch {
            return error.line
        }
    }

    @Test func multiLineStringsAndArraysDoNotHideOrFakeKeys() {
        #expect(line(of: #"""
            [commit]
            subject-pattern = """
            bogus = 1
            [commit.rulez]
            """
            acronyms = [
              "API",  # a comment with key = "value"
              "CLI",
            ]
            typo = true
            """#) == 10)
    }

    @Test func quotedAndDottedKeys() {
        #expect(line(of: """
            [commit]
            "types" = ["feat"]
            rules."header-max-length" = 50
            rules . 'bogus-rule' = 1
            """) == 4)
    }

    @Test func keysInsideInlineTablesOfLaterLines() {
        #expect(line(of: """
            [commit.rules]
            header-max-length = { level = "error", value = 50 }
            body-max-line-length = { level = "error", value = 50 }
            footer-max-line-length = { level = "error", vlaue = 50 }
            """) == 4)
    }

    @Test func arrayOfTablesIsAWrongType() throws {
        do {
            _ = try ShipshapeConfiguration.parse(text: "\n[[commit]]\ntypes = []\n")
            Issue.record("expected an error")
        } catch {
            #expect(error == .wrongType(file: ".shipshape.toml", key: "commit", line: 2, expected: "a table", actual: "an array"))
        }
    }

    @Test func literalStringsKeepBackslashes() throws {
        let configuration = try ShipshapeConfiguration.parse(text: #"""
            [commit]
            ignore-patterns = ['^Merge \w+', "^Revert \"", '''^chore\(deps\)''']
            """#)
        #expect(configuration.lint.ignores.patterns.map(\.source) == [#"^Merge \w+"#, #"^Revert ""#, #"^chore\(deps\)"#])
    }
}
