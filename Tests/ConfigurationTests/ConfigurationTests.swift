import Foundation
import ShipshapeConfiguration
import ShipshapePolicy
import Testing
import ShipshapePatterns

@Suite struct SchemaTests {
    @Test func emptyTextGivesDefaults() throws {
        let configuration = try parse("")
        #expect(configuration.lint.rules.isEmpty)
        #expect(configuration.lint.ignores.useDefaults)
        #expect(configuration.branches.level == .error)
        #expect(configuration.branches.patterns == nil)
    }

    @Test func commitShortcutsAndRelief() throws {
        let configuration = try parse(#"""
            # Shipshape settings
            [commit]
            types = ["feat", "fix", "chore"]
            scopes = ["api", "ui"]
            ignore-defaults = false
            ignore-patterns = ['^WIP\b', '(?i)^draft']
            bot-authors = ["dependabot[bot]", "renovate@example.com"]
            header-pattern = '^(?<type>\w+)(?:\((?<scope>[^)]+)\))?(?<breaking>!)?: (?<subject>.+)$'
            subject-pattern = '^[a-z]'
            exempt-url-lines = true
            exempt-trailers = true
            acronyms = ["API", "CLI"]
            """#)
        let lint = configuration.lint
        #expect(lint.rules["type-enum"] == RuleConfiguration(.error, .always, .strings(["feat", "fix", "chore"])))
        #expect(lint.rules["scope-enum"] == RuleConfiguration(.error, .always, .strings(["api", "ui"])))
        #expect(!lint.ignores.useDefaults)
        #expect(lint.ignores.patterns.map(\.source) == [#"^WIP\b"#, "(?i)^draft"])
        #expect(try lint.ignores.patterns[0].matches("WIP: stuff"))
        #expect(lint.ignores.botAuthors == ["dependabot[bot]", "renovate@example.com"])
        #expect(lint.headerPattern?.groupNames.keys.sorted() == ["breaking", "scope", "subject", "type"])
        #expect(lint.subjectPattern?.source == "^[a-z]")
        #expect(lint.exemptURLLines && lint.exemptTrailers)
        #expect(lint.acronyms == ["API", "CLI"])
    }

    @Test func typesShortcutKeepsTheRuleLevel() throws {
        let configuration = try parse("""
            [commit]
            types = ["feat"]
            [commit.rules]
            type-enum = "warning"
            """)
        #expect(configuration.lint.rules["type-enum"] == RuleConfiguration(.warning, .always, .strings(["feat"])))
    }

    @Test func everyRuleForm() throws {
        let configuration = try parse("""
            [commit.rules]
            header-max-length = 72
            subject-case = "off"
            body-max-line-length = { level = "warning", value = 120 }
            scope-enum = { level = "error", when = "always", value = ["api", "ui"] }
            type-enum = ["error", "always", ["feat", "fix"]]
            body-leading-blank = [1, "never"]
            footer-leading-blank = [0]
            scope-case = "kebab-case"
            type-case = ["upper-case", "lower-case"]
            signed-off-by = "Signed-off-by:"
            trailer-exists = { value = "Reviewed-by:", level = "error" }
            subject-full-stop = { when = "always" }
            """)
        let rules = configuration.lint.rules
        #expect(rules["header-max-length"] == RuleConfiguration(.error, .always, .integer(72)))
        #expect(rules["subject-case"]?.level == .off)
        #expect(rules["subject-case"]?.applicability == .never)
        #expect(rules["body-max-line-length"] == RuleConfiguration(.warning, .always, .integer(120)))
        #expect(rules["scope-enum"] == RuleConfiguration(.error, .always, .strings(["api", "ui"])))
        #expect(rules["type-enum"] == RuleConfiguration(.error, .always, .strings(["feat", "fix"])))
        #expect(rules["body-leading-blank"] == RuleConfiguration(.warning, .never))
        #expect(rules["footer-leading-blank"] == RuleConfiguration(.off, .always))
        #expect(rules["scope-case"] == RuleConfiguration(.off, .always, .strings(["kebab-case"])))
        #expect(rules["type-case"] == RuleConfiguration(.error, .always, .strings(["upper-case", "lower-case"])))
        #expect(rules["signed-off-by"] == RuleConfiguration(.off, .always, .string("Signed-off-by:")))
        #expect(rules["trailer-exists"] == RuleConfiguration(.error, .always, .string("Reviewed-by:")))
        #expect(rules["subject-full-stop"] == RuleConfiguration(.error, .always, .string(".")))
    }

    @Test func branchSettings() throws {
        let configuration = try parse("""
            [branches]
            level = "warning"
            patterns = ['^main$', '^feature/[a-z0-9-]+$']
            extra-patterns = ['^renovate/.+$']
            """)
        #expect(configuration.branches.level == .warning)
        #expect(configuration.branches.patterns?.map(\.source) == ["^main$", "^feature/[a-z0-9-]+$"])
        #expect(configuration.branches.extraPatterns.map(\.source) == ["^renovate/.+$"])
        let extraOnly = try parse("[branches]\nextra-patterns = ['^deps/.+$']\n")
        #expect(extraOnly.branches.patterns == nil)
        #expect(extraOnly.branches.extraPatterns.count == 1)
    }

    @Test func dottedKeysAndInlineTablesAtTopLevel() throws {
        let configuration = try parse("""
            commit.types = ["feat"]
            branches = { level = "off" }
            """)
        #expect(configuration.lint.rules["type-enum"]?.value == .strings(["feat"]))
        #expect(configuration.branches.level == .off)
    }
}

@Suite struct ErrorTests {
    @Test func syntaxErrorHasLineAndColumn() throws {
        let error = try #require(failure("[commit]\ntypes = [\"feat\"\nscopes = 3\n"))
        guard case let .syntax(file, line, column, _) = error else { Issue.record("wrong case \(error)"); return }
        #expect(file == ".shipshape.toml")
        #expect(line == 3)
        #expect(column >= 1)
        #expect(error.description.hasPrefix(".shipshape.toml:3:"))
    }

    @Test func unknownKeysWithSuggestions() throws {
        let error = try #require(failure("""
            [commit]
            types = ["feat"]

            [commit.rulez]
            header-max-length = 72
            """))
        #expect(error == .unknownKey(file: ".shipshape.toml", key: "commit.rulez", line: 4, suggestion: "commit.rules"))
        #expect(error.description == #".shipshape.toml:4: unknown key "commit.rulez" — did you mean "commit.rules"?"#)

        let top = try #require(failure("\n[comit]\ntypes = []\n"))
        #expect(top == .unknownKey(file: ".shipshape.toml", key: "comit", line: 2, suggestion: "commit"))

        let far = try #require(failure("[branches]\nlevel = \"error\"\ncolour = true\n"))
        #expect(far == .unknownKey(file: ".shipshape.toml", key: "branches.colour", line: 3, suggestion: nil))

        let inline = try #require(failure("[commit.rules]\nheader-max-length = { level = \"error\", valeu = 3 }\n"))
        #expect(inline == .unknownKey(file: ".shipshape.toml", key: "commit.rules.header-max-length.valeu", line: 2, suggestion: "commit.rules.header-max-length.value"))
    }

    @Test func earliestErrorIsReported() throws {
        let error = try #require(failure("""
            [commit]
            zzz = 1
            aaa = 2
            """))
        #expect(error.line == 2)
    }

    @Test func unknownRuleWithSuggestion() throws {
        let error = try #require(failure("# rules\n[commit.rules]\nheader-max-lenght = 72\n"))
        #expect(error == .unknownRule(file: ".shipshape.toml", rule: "header-max-lenght", line: 3, suggestion: "header-max-length"))
        #expect(error.description.contains(#"did you mean "header-max-length"?"#))
    }

    @Test func wrongTypes() throws {
        let notTable = try #require(failure("commit = 3\n"))
        #expect(notTable == .wrongType(file: ".shipshape.toml", key: "commit", line: 1, expected: "a table", actual: "an integer (3)"))

        let types = try #require(failure("[commit]\n\ntypes = \"feat\"\n"))
        #expect(types == .wrongType(file: ".shipshape.toml", key: "commit.types", line: 3, expected: "an array of strings", actual: #"a string ("feat")"#))
        #expect(types.description == #".shipshape.toml:3: "commit.types" must be an array of strings, not a string ("feat")"#)

        let element = try #require(failure("[commit]\nacronyms = [\"API\", 2]\n"))
        #expect(element == .wrongType(file: ".shipshape.toml", key: "commit.acronyms", line: 2, expected: "an array of strings", actual: "an array containing an integer (2)"))

        let flag = try #require(failure("[commit]\nignore-defaults = \"yes\"\n"))
        #expect(flag == .wrongType(file: ".shipshape.toml", key: "commit.ignore-defaults", line: 2, expected: "true or false", actual: #"a string ("yes")"#))

        let length = try #require(failure("[commit.rules]\n\n\nheader-max-length = \"72\"\n"))
        #expect(length == .badValue(file: ".shipshape.toml", key: "commit.rules.header-max-length", line: 4, value: #""72""#,
                                    reason: #"a string here is a level: "off", "warning" or "error""#, suggestion: nil))

        let tableValue = try #require(failure("[commit.rules]\nheader-max-length = { value = \"x\" }\n"))
        #expect(tableValue == .wrongType(file: ".shipshape.toml", key: "commit.rules.header-max-length.value", line: 2, expected: "an integer", actual: #"a string ("x")"#))
    }

    @Test func badValues() throws {
        let level = try #require(failure("[commit.rules]\nsubject-case = { level = \"eror\" }\n"))
        #expect(level == .badValue(file: ".shipshape.toml", key: "commit.rules.subject-case.level", line: 2, value: #""eror""#,
                                   reason: #"the level must be "off", "warning" or "error""#, suggestion: "error"))

        let when = try #require(failure("[commit.rules]\nsubject-case = [\"error\", \"always\", \"lower-case\"]\ntype-case = { when = \"allways\" }\n"))
        #expect(when.line == 3)
        #expect(when.description.contains(#"did you mean "always"?"#))

        let caseName = try #require(failure("[commit.rules]\nsubject-case = { value = [\"lower-case\", \"kebabcase\"] }\n"))
        #expect(caseName == .badValue(file: ".shipshape.toml", key: "commit.rules.subject-case.value", line: 2, value: #""kebabcase""#,
                                      reason: "unknown case; use one of " + caseNames.joined(separator: ", "), suggestion: "kebab-case"))

        let negative = try #require(failure("[commit.rules]\nbody-max-line-length = -1\n"))
        #expect(negative == .badValue(file: ".shipshape.toml", key: "commit.rules.body-max-line-length", line: 2, value: "-1", reason: "a length cannot be negative", suggestion: nil))

        let noValue = try #require(failure("[commit.rules]\nheader-trim = { level = \"error\", value = 3 }\n"))
        guard case .badValue(_, "commit.rules.header-trim.value", 2, "3", _, _) = noValue else { Issue.record("wrong error \(noValue)"); return }

        let numericLevel = try #require(failure("[commit.rules]\nheader-trim = [3]\n"))
        // [3] is not a commitlint array (3 is no level), so it is read as a value.
        #expect(numericLevel.line == 2)

        let branchLevel = try #require(failure("[branches]\nlevel = \"warn\"\n"))
        #expect(branchLevel == .badValue(file: ".shipshape.toml", key: "branches.level", line: 2, value: #""warn""#,
                                         reason: #"the level must be "off", "warning" or "error""#, suggestion: "warning"))

        let tooLong = try #require(failure("[commit.rules]\ntype-enum = [\"error\", \"always\", [\"feat\"], 4]\n"))
        #expect(tooLong.line == 2)
    }

    @Test func badPatterns() throws {
        let error = try #require(failure("""
            [branches]
            patterns = [
              '^main$',
              '^feature/(.+$',
            ]
            """))
        guard case let .badPattern(file, key, line, pattern, offset, reason) = error else { Issue.record("wrong case \(error)"); return }
        #expect(file == ".shipshape.toml")
        #expect(key == "branches.patterns")
        #expect(line == 2)
        #expect(pattern == "^feature/(.+$")
        #expect(offset == 13)
        #expect(reason.contains("missing closing parenthesis"))
        #expect(error.description.hasPrefix(#".shipshape.toml:2: invalid regular expression "^feature/(.+$" for "branches.patterns" at offset 13"#))

        let ignore = try #require(failure("[commit]\nignore-patterns = ['a)']\n"))
        #expect(ignore.line == 2)
    }

    @Test func headerPatternNeedsTypeAndSubject() throws {
        let error = try #require(failure("[commit]\nheader-pattern = '^(?<kind>\\w+): (?<subject>.+)$'\n"))
        #expect(error == .missingGroups(file: ".shipshape.toml", key: "commit.header-pattern", line: 2, pattern: #"^(?<kind>\w+): (?<subject>.+)$"#, groups: ["type"]))
        #expect(error.description.contains("(?<type>...)"))
        let both = try #require(failure("[commit]\nheader-pattern = '^.+$'\n"))
        guard case let .missingGroups(_, _, _, _, groups) = both else { Issue.record("wrong case"); return }
        #expect(groups == ["type", "subject"])
    }
}

@Suite struct LoadingTests {
    /// The file's bytes, nil when absent (the hooks pass FileSystem.read; see HooksTests).
    private let read: ShipshapeConfiguration.FileReader = { path, _ in
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "shipshape-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func missingFileGivesDefaults() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = try ShipshapeConfiguration.load(repositoryRoot: directory, reading: read)
        #expect(configuration.sourcePath == nil)
        #expect(configuration.lint.rules.isEmpty)
        #expect(try ShipshapeConfiguration.load(repositoryRoot: nil, reading: read).sourcePath == nil)
    }

    @Test func loadsFileFromRepositoryRoot() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "[commit.rules]\nheader-max-length = 50\n".write(toFile: directory + "/.shipshape.toml", atomically: true, encoding: .utf8)
        let configuration = try ShipshapeConfiguration.load(repositoryRoot: directory + "/", reading: read)
        #expect(configuration.sourcePath == directory + "/.shipshape.toml")
        #expect(configuration.lint.rules["header-max-length"]?.value == .integer(50))
    }

    @Test func errorsNameTheFileRelativeToTheRoot() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "[commit]\ntypo = 1\n".write(toFile: directory + "/.shipshape.toml", atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.unknownKey(file: ".shipshape.toml", key: "commit.typo", line: 2, suggestion: "commit.types")) {
            try ShipshapeConfiguration.load(repositoryRoot: directory, reading: read)
        }
        #expect(throws: ConfigurationError.unknownKey(file: directory + "/.shipshape.toml", key: "commit.typo", line: 2, suggestion: "commit.types")) {
            try ShipshapeConfiguration.load(path: directory + "/.shipshape.toml", reading: read)
        }
    }

    @Test func aFileThatIsNotUTF8IsUnreadable() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let binary = directory + "/binary.toml"
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x61, 0x3D, 0xFF]))
        #expect(throws: ConfigurationError.self) { try ShipshapeConfiguration.load(path: binary, reading: read) }
    }
}
