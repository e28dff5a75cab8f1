import ShipshapeChangelog
import ShipshapeConfiguration
import ShipshapeVersioning
import Testing

private let file = ".shipshape.toml"

@Suite struct VersionsSchemaTests {
    @Test func defaultsWithoutTheTables() throws {
        let configuration = try parse("")
        let settings = configuration.prePushSettings
        #expect(settings.autoDetect)
        #expect(settings.sources.isEmpty)
        #expect(settings.tagFormat == TagFormat("v{version}"))
        #expect(settings.enabledChecks == Set(VersionCheck.allCases))
        #expect(!settings.allowLightweightTags)
        #expect(settings.breakingChangeWhileZeroRequires == .minor)
        #expect(settings.changelogPath == "CHANGELOG.md")
        #expect(settings.protectedBranches == ["main", "develop", "release/*", "hotfix/*"])
        #expect(settings.releaseBranchPrefixes == ["release/", "hotfix/"])
        #expect(configuration.changelog == ChangelogSettings())
        #expect(configuration.push == PushSettings())
    }

    @Test func everyVersionsKey() throws {
        let configuration = try parse(#"""
            [versions]
            auto-detect = false
            tag-format = "release-{version}"
            lightweight-tags = true
            breaking-while-zero = "major"
            changelog-check = false

            [versions.checks]
            version-monotonic = false
            bump-level = false
            tag-matches = true

            [[versions.sources]]
            path = "./deploy//Dockerfile"
            pattern = 'LABEL version="(?<version>[^"]+)"'

            [[versions.sources]]
            path = "src/app.h"
            pattern = '^#define APP_VERSION "(?<version>[^"]+)"$'
            multiple = true
            """#)
        let versions = configuration.versions
        #expect(!versions.autoDetect)
        #expect(versions.tagFormat == TagFormat("release-{version}"))
        #expect(versions.allowLightweightTags)
        #expect(versions.breakingChangeWhileZeroRequires == .major)
        #expect(versions.changelogPath == nil)
        #expect(configuration.prePushSettings.changelogPath == nil)
        #expect(versions.enabledChecks == [.agreement, .valid, .tagMatches, .branchMatches, .pushedCommitLint])
        #expect(versions.sources.map(\.path) == ["deploy/Dockerfile", "src/app.h"])
        #expect(versions.sources.map(\.allowsSeveralMatches) == [false, true])
        // Patterns are multi-line: ^ and $ match at every line.
        let header = Array("#pragma once\n#define APP_VERSION \"1.2.0\"\n#define X 1\n".utf8)
        let readings = try versions.sources[1].read(header)
        #expect(readings.map(\.text) == ["1.2.0"])
        #expect(readings.map(\.line) == [2])
        // One tag format names the releases for every part.
        #expect(configuration.changelog.tagFormat == TagFormat("release-{version}"))
    }

    @Test func inlineSourcesAndChecks() throws {
        let configuration = try parse(#"""
            [versions]
            checks = { version-agreement = false }
            sources = [
              { path = "VERSION.txt", pattern = '(?<version>\S+)' },
              { path = "chart/values.yaml", pattern = 'tag: "(?<version>[^"]+)"', multiple = false },
            ]
            """#)
        #expect(!configuration.versions.isEnabled(.agreement))
        #expect(configuration.versions.sources.map(\.path) == ["VERSION.txt", "chart/values.yaml"])
    }

    @Test func changelogCheckUsesTheChangelogPath() throws {
        let configuration = try parse("""
            [versions]
            changelog-check = true
            [changelog]
            path = "docs/CHANGES.md"
            """)
        #expect(configuration.prePushSettings.changelogPath == "docs/CHANGES.md")
        #expect(try parse("[changelog]\npath = \"HISTORY.md\"\n").prePushSettings.changelogPath == "HISTORY.md")
    }

    @Test func pushKeys() throws {
        let configuration = try parse("""
            [push]
            lint-commits = false
            protected-branches = ["main", "stable/*"]
            release-branch-prefixes = ["release/", "rc/"]
            """)
        #expect(!configuration.push.lintCommits)
        let settings = configuration.prePushSettings
        #expect(!settings.isEnabled(.pushedCommitLint))
        #expect(settings.isEnabled(.agreement))
        #expect(settings.isProtected(branch: "stable/2.x"))
        #expect(!settings.isProtected(branch: "develop"))
        #expect(settings.announcedVersion(ofBranch: "rc/v2.0.0") == (try SemanticVersion.parse("2.0.0")))
        #expect(settings.announcedVersion(ofBranch: "hotfix/v2.0.1") == nil)
    }

    @Test func versionErrorsNameTheLine() throws {
        let missingGroup = try #require(failure("""
            [versions]

            [[versions.sources]]
            path = "VERSION"
            pattern = '^(\\d+\\.\\d+\\.\\d+)$'
            """))
        #expect(missingGroup == .missingGroups(
            file: file, key: "versions.sources[0].pattern", line: 5, pattern: #"^(\d+\.\d+\.\d+)$"#, groups: ["version"]))
        #expect(missingGroup.description.hasPrefix(".shipshape.toml:5: pattern "))
        #expect(missingGroup.description.contains("(?<version>...)"))

        let secondSource = try #require(failure("""
            [[versions.sources]]
            path = "a"
            pattern = '(?<version>.+)'
            [[versions.sources]]
            path = "b"
            pattern = '(?<version>.+'
            """))
        guard case let .badPattern(_, key, line, _, _, _) = secondSource else { Issue.record("wrong case \(secondSource)"); return }
        #expect(key == "versions.sources[1].pattern")
        #expect(line == 6)

        let inline = try #require(failure("""
            [versions]
            sources = [
              { path = "a", pattern = '(?<version>.+)' },
              { path = "b", pattern = '(.+)' },
            ]
            """))
        #expect(inline.line == 4)

        let noPattern = try #require(failure("[versions]\n\n[[versions.sources]]\npath = \"VERSION\"\n"))
        #expect(noPattern == .missingKey(
            file: file, key: "versions.sources[0].pattern", line: 3,
            example: #"path = "Dockerfile" and pattern = 'LABEL version="(?<version>[^"]+)"'"#))
        #expect(noPattern.description.hasPrefix(#".shipshape.toml:3: missing key "versions.sources[0].pattern"; add it"#))
        let noPath = try #require(failure("[[versions.sources]]\npattern = '(?<version>.+)'\n"))
        guard case .missingKey(_, "versions.sources[0].path", 1, _) = noPath else { Issue.record("wrong error \(noPath)"); return }

        let sourceKey = try #require(failure("[[versions.sources]]\npath = \"a\"\npatern = '(?<version>.+)'\n"))
        #expect(sourceKey == .unknownKey(file: file, key: "versions.sources[0].patern", line: 3, suggestion: "versions.sources[0].pattern"))

        let notTables = try #require(failure("[versions]\nsources = [\"VERSION\"]\n"))
        #expect(notTables == .wrongType(file: file, key: "versions.sources[0]", line: 2, expected: "a table with path and pattern", actual: #"a string ("VERSION")"#))
        let notArray = try #require(failure("[versions]\nsources = \"VERSION\"\n"))
        guard case .wrongType(_, "versions.sources", 2, _, _) = notArray else { Issue.record("wrong error \(notArray)"); return }

        let multiple = try #require(failure("[[versions.sources]]\npath = \"a\"\npattern = '(?<version>.+)'\nmultiple = \"yes\"\n"))
        #expect(multiple == .wrongType(file: file, key: "versions.sources[0].multiple", line: 4, expected: "true or false", actual: #"a string ("yes")"#))
    }

    @Test func pathsMustStayInsideTheRepository() throws {
        for (path, reason) in [
            ("/etc/VERSION", "relative"), ("~/VERSION", "relative"), ("C:/VERSION", "relative"), ("../VERSION", "inside"),
            ("a/../../VERSION", "inside"), ("a/../b", "inside"), (".", "name a file"), ("", "name a file"),
        ] {
            let error = try #require(failure("[[versions.sources]]\npath = \"\(path)\"\npattern = '(?<version>.+)'\n"))
            guard case let .badValue(_, key, line, value, message, _) = error else { Issue.record("wrong case \(error)"); continue }
            #expect(key == "versions.sources[0].path")
            #expect(line == 2)
            #expect(value == "\"\(path)\"")
            #expect(message.contains(reason), "\(path): \(message)")
        }
        let changelog = try #require(failure("[changelog]\n# where\npath = \"../CHANGELOG.md\"\n"))
        #expect(changelog == .badValue(
            file: file, key: "changelog.path", line: 3, value: #""../CHANGELOG.md""#,
            reason: #"the path must stay inside the repository (no "..")"#, suggestion: nil))
        #expect(changelog.description == #".shipshape.toml:3: invalid value "../CHANGELOG.md" for "changelog.path": the path must stay inside the repository (no "..")"#)
        let absolute = try #require(failure("[changelog]\npath = \"/tmp/CHANGELOG.md\"\n"))
        #expect(absolute.line == 2)
    }

    @Test func tagFormatErrors() throws {
        for (format, reason) in [
            ("v", "exactly once"), ("{version}-{version}", "exactly once"), ("v{Version}", "exactly once"),
            ("v {version}", "git does not allow"), ("v~{version}", "git does not allow"), ("v..{version}", "git does not allow"),
            ("{version}.lock", "git does not allow"), ("-{version}", "git does not allow"),
        ] {
            let error = try #require(failure("[versions]\n\ntag-format = \"\(format)\"\n"))
            guard case let .badValue(_, key, line, _, message, _) = error else { Issue.record("wrong case \(error)"); continue }
            #expect(key == "versions.tag-format")
            #expect(line == 3)
            #expect(message.contains(reason), "\(format): \(message)")
        }
        #expect(try parse("[versions]\ntag-format = \"{version}\"\n").versions.tagFormat.prefix == "")
        #expect(try parse("[versions]\ntag-format = \"app/v{version}\"\n").versions.tagFormat.prefix == "app/v")
    }

    @Test func otherVersionErrors() throws {
        let breaking = try #require(failure("[versions]\nbreaking-while-zero = \"majr\"\n"))
        #expect(breaking == .badValue(
            file: file, key: "versions.breaking-while-zero", line: 2, value: #""majr""#,
            reason: #"a breaking change before 1.0.0 needs "minor" or "major""#, suggestion: "major"))
        #expect(breaking.description.contains(#"did you mean "major"?"#))

        let unknown = try #require(failure("[versions]\nauto-detct = false\n"))
        #expect(unknown == .unknownKey(file: file, key: "versions.auto-detct", line: 2, suggestion: "versions.auto-detect"))

        let check = try #require(failure("[versions.checks]\nversion-agreement = true\nbump-levle = false\n"))
        #expect(check == .unknownKey(file: file, key: "versions.checks.bump-levle", line: 3, suggestion: "versions.checks.bump-level"))

        let lint = try #require(failure("[versions.checks]\npushed-commit-lint = false\n"))
        #expect(lint == .unknownKey(file: file, key: "versions.checks.pushed-commit-lint", line: 2, suggestion: "push.lint-commits"))

        let checkType = try #require(failure("[versions.checks]\ntag-matches = \"off\"\n"))
        #expect(checkType == .wrongType(file: file, key: "versions.checks.tag-matches", line: 2, expected: "true or false", actual: #"a string ("off")"#))

        let checksType = try #require(failure("[versions]\nchecks = [\"bump-level\"]\n"))
        #expect(checksType == .wrongType(file: file, key: "versions.checks", line: 2, expected: "a table", actual: "an array"))

        for key in ["auto-detect", "lightweight-tags", "changelog-check"] {
            let error = try #require(failure("[versions]\n\(key) = 1\n"))
            #expect(error == .wrongType(file: file, key: "versions.\(key)", line: 2, expected: "true or false", actual: "an integer (1)"))
        }
        let formatType = try #require(failure("[versions]\ntag-format = 1\n"))
        #expect(formatType == .wrongType(file: file, key: "versions.tag-format", line: 2, expected: "a string", actual: "an integer (1)"))
        let table = try #require(failure("versions = 1\n"))
        #expect(table == .wrongType(file: file, key: "versions", line: 1, expected: "a table", actual: "an integer (1)"))
    }

    @Test func pushErrors() throws {
        let unknown = try #require(failure("[push]\nprotected-branch = [\"main\"]\n"))
        #expect(unknown == .unknownKey(file: file, key: "push.protected-branch", line: 2, suggestion: "push.protected-branches"))
        let flag = try #require(failure("[push]\nlint-commits = \"no\"\n"))
        #expect(flag == .wrongType(file: file, key: "push.lint-commits", line: 2, expected: "true or false", actual: #"a string ("no")"#))
        let globs = try #require(failure("[push]\nprotected-branches = \"main\"\n"))
        #expect(globs == .wrongType(file: file, key: "push.protected-branches", line: 2, expected: "an array of strings", actual: #"a string ("main")"#))
        let empty = try #require(failure("[push]\n\nrelease-branch-prefixes = [\"release/\", \"\"]\n"))
        #expect(empty == .badValue(file: file, key: "push.release-branch-prefixes", line: 3, value: #""""#, reason: "an entry cannot be empty", suggestion: nil))
        let table = try #require(failure("[[push]]\n"))
        #expect(table.line == 1)
    }
}

@Suite struct ChangelogSchemaTests {
    @Test func everyChangelogKey() throws {
        let configuration = try parse("""
            [changelog]
            path = "docs/CHANGES.md"
            breaking-title = "Breaking"
            non-conventional = "Other"
            ignored-scopes = ["changelog", "release"]
            repository-url = "https://git.example.com/team/app"
            link-commits = false
            tag-prefix = ""
            prerelease-tags-are-releases = true
            post-merge = false

            [[changelog.categories]]
            title = "Features"
            types = ["feat"]

            [[changelog.categories]]
            title = "Bug Fixes"
            types = ["fix", "perf"]
            """)
        let changelog = configuration.changelog
        #expect(changelog.path == "docs/CHANGES.md")
        #expect(changelog.breakingTitle == "Breaking")
        #expect(changelog.nonConventional == .category("Other"))
        #expect(changelog.ignoredScopes == ["changelog", "release"])
        #expect(changelog.repositoryURL == "https://git.example.com/team/app")
        #expect(!changelog.linkCommits)
        #expect(changelog.tagFormat == TagFormat("{version}"))
        #expect(configuration.versions.tagFormat == TagFormat("{version}"))
        #expect(changelog.prereleaseTagsAreReleases)
        #expect(configuration.prePushSettings.prereleaseTagsAreReleases)
        #expect(!changelog.postMerge)
        #expect(changelog.categories == [
            ChangelogCategory(title: "Features", types: ["feat"]), ChangelogCategory(title: "Bug Fixes", types: ["fix", "perf"]),
        ])
        #expect(changelog.orderedTitles == ["Breaking", "Features", "Bug Fixes", "Other"])
        #expect(changelog.title(forType: "perf") == "Bug Fixes")
    }

    @Test func breakingOffSkipAndInlineCategories() throws {
        let configuration = try parse("""
            [changelog]
            breaking-title = false
            non-conventional = "skip"
            categories = [{ title = "Added", types = ["feat"] }, { title = "Changed", types = ["fix", "refactor"] }]
            """)
        #expect(configuration.changelog.breakingTitle == nil)
        #expect(configuration.changelog.nonConventional == .skip)
        #expect(configuration.changelog.orderedTitles == ["Added", "Changed"])
        #expect(try parse("[changelog]\ncategories = []\n").changelog.categories.isEmpty)
    }

    @Test func aTagPrefixThatContradictsTheTagFormatIsAnError() throws {
        let error = try #require(failure("[versions]\ntag-format = \"release-{version}\"\n[changelog]\ntag-prefix = \"v\"\n"))
        guard case let .badValue(_, key, line, _, reason, _) = error else { Issue.record("\(error)"); return }
        #expect(key == "changelog.tag-prefix")
        #expect(line == 4)
        #expect(reason.contains("release-{version}"))
        let agreeing = try parse("[versions]\ntag-format = \"v{version}\"\n[changelog]\ntag-prefix = \"v\"\n")
        #expect(agreeing.changelog.tagFormat == agreeing.versions.tagFormat)
    }

    @Test func changelogBranchesBumpCommitsAndOffFormatTags() throws {
        let configuration = try parse("[changelog]\nbranches = [\"trunk\", \"support/*\"]\nbump-commits = true\n[versions]\noff-format-tags = \"error\"\n")
        #expect(configuration.changelog.syncs(onBranch: "support/1.x"))
        #expect(!configuration.changelog.syncs(onBranch: "develop"))
        #expect(configuration.changelog.listsBumpCommits)
        #expect(configuration.versions.offFormatTagSeverity.map(String.init(describing:)) == "error")
        #expect(ChangelogSettings().syncs(onBranch: "develop") && ChangelogSettings().syncs(onBranch: "main"))
        #expect(!ChangelogSettings().syncs(onBranch: "feature/x"))
        let bad = try #require(failure("[versions]\noff-format-tags = \"warn\"\n"))
        guard case let .badValue(_, key, _, _, _, suggestion) = bad else { Issue.record("\(bad)"); return }
        #expect(key == "versions.off-format-tags")
        #expect(suggestion == "warning")
    }

    @Test func changelogErrorsNameTheLine() throws {
        let unknown = try #require(failure("[changelog]\npost-merg = false\n"))
        #expect(unknown == .unknownKey(file: file, key: "changelog.post-merg", line: 2, suggestion: "changelog.post-merge"))

        let breakingTrue = try #require(failure("[changelog]\nbreaking-title = true\n"))
        #expect(breakingTrue == .wrongType(
            file: file, key: "changelog.breaking-title", line: 2, expected: "a heading title (a string) or false", actual: "a boolean (true)"))
        let breakingEmpty = try #require(failure("[changelog]\nbreaking-title = \"\"\n"))
        #expect(breakingEmpty == .badValue(
            file: file, key: "changelog.breaking-title", line: 2, value: #""""#, reason: "a heading title cannot be empty", suggestion: nil))
        let hashes = try #require(failure("[changelog]\nnon-conventional = \"### Other\"\n"))
        guard case .badValue(_, "changelog.non-conventional", 2, _, _, _) = hashes else { Issue.record("wrong error \(hashes)"); return }
        let spaces = try #require(failure("[changelog]\nnon-conventional = \" Other\"\n"))
        #expect(spaces.line == 2)
        let twoLines = try #require(failure("[[changelog.categories]]\ntitle = \"A\\nB\"\ntypes = [\"feat\"]\n"))
        guard case .badValue(_, "changelog.categories[0].title", 2, _, "a heading title is one line", _) = twoLines else {
            Issue.record("wrong error \(twoLines)"); return
        }

        let url = try #require(failure("[changelog]\nrepository-url = \"git@github.com:o/r.git\"\n"))
        guard case .badValue(_, "changelog.repository-url", 2, _, _, _) = url else { Issue.record("wrong error \(url)"); return }

        for key in ["link-commits", "prerelease-tags-are-releases", "post-merge"] {
            let error = try #require(failure("[changelog]\n\(key) = \"true\"\n"))
            #expect(error == .wrongType(file: file, key: "changelog.\(key)", line: 2, expected: "true or false", actual: #"a string ("true")"#))
        }
        let prefix = try #require(failure("[changelog]\ntag-prefix = false\n"))
        #expect(prefix == .wrongType(file: file, key: "changelog.tag-prefix", line: 2, expected: "a string", actual: "a boolean (false)"))
        let scopes = try #require(failure("[changelog]\nignored-scopes = [\"\"]\n"))
        #expect(scopes.line == 2)
        let path = try #require(failure("[changelog]\npath = 3\n"))
        #expect(path == .wrongType(file: file, key: "changelog.path", line: 2, expected: "a string", actual: "an integer (3)"))
    }

    @Test func categoryErrorsNameTheLine() throws {
        let duplicateType = try #require(failure("""
            [[changelog.categories]]
            title = "Added"
            types = ["feat"]

            [[changelog.categories]]
            title = "Changed"
            types = ["fix", "FEAT"]
            """))
        #expect(duplicateType == .badValue(
            file: file, key: "changelog.categories[1].types", line: 7, value: #""FEAT""#,
            reason: #"the type is already listed under "Added"; list each type in one category"#, suggestion: nil))

        let duplicateTitle = try #require(failure("""
            [changelog]
            categories = [
              { title = "Added", types = ["feat"] },
              { title = "Added", types = ["fix"] },
            ]
            """))
        #expect(duplicateTitle == .badValue(
            file: file, key: "changelog.categories[1].title", line: 4, value: #""Added""#,
            reason: "another changelog category has this title; give each category its own", suggestion: nil))

        let breakingClash = try #require(failure("[changelog]\nbreaking-title = \"Added\"\n"))
        #expect(breakingClash.line == 2)
        let bucketClash = try #require(failure("[changelog]\n\nnon-conventional = \"Internal\"\n"))
        guard case .badValue(_, "changelog.non-conventional", 3, _, _, _) = bucketClash else { Issue.record("wrong error \(bucketClash)"); return }

        let noTypes = try #require(failure("[changelog]\n\n[[changelog.categories]]\ntitle = \"Added\"\n"))
        #expect(noTypes == .missingKey(file: file, key: "changelog.categories[0].types", line: 3, example: #"title = "Added" and types = ["feat"]"#))
        let noTitle = try #require(failure("[[changelog.categories]]\ntypes = [\"feat\"]\n"))
        guard case .missingKey(_, "changelog.categories[0].title", 1, _) = noTitle else { Issue.record("wrong error \(noTitle)"); return }
        let extra = try #require(failure("[[changelog.categories]]\ntitle = \"Added\"\ntypes = [\"feat\"]\ntype = \"feat\"\n"))
        #expect(extra == .unknownKey(file: file, key: "changelog.categories[0].type", line: 4, suggestion: "changelog.categories[0].types"))
        let notArray = try #require(failure("[changelog]\ncategories = { Added = [\"feat\"] }\n"))
        guard case .wrongType(_, "changelog.categories", 2, _, "a table") = notArray else { Issue.record("wrong error \(notArray)"); return }
        let types = try #require(failure("[[changelog.categories]]\ntitle = \"Added\"\ntypes = \"feat\"\n"))
        #expect(types == .wrongType(file: file, key: "changelog.categories[0].types", line: 3, expected: "an array of strings", actual: #"a string ("feat")"#))
    }

    @Test func theReleaseTableIsReadByItsSchema() throws {
        let configuration = try parse("[release]\nbase = \"dev\"\nmain = \"trunk\"\ncommit-message = \"chore(release): {version}\"\nroll-changelog = false\n")
        #expect(configuration.release.base == "dev" && configuration.release.main == "trunk")
        #expect(configuration.release.commitMessage == "chore(release): {version}")
        #expect(!configuration.release.rollsChangelog)
        let unknown = try #require(failure("[release]\ncommit-mesage = \"chore: {version}\"\n"))
        #expect(unknown == .unknownKey(file: file, key: "release.commit-mesage", line: 2, suggestion: "release.commit-message"))
        let template = try #require(failure("[release]\ntag-message = \"Release\"\n"))
        guard case let .badValue(_, key, line, _, reason, _) = template else { Issue.record("\(template)"); return }
        #expect(key == "release.tag-message" && line == 2 && reason.contains("{version}"))
        let wrongType = try #require(failure("[push]\nlint-commits = \"yes\"\n"))
        #expect(wrongType == .wrongType(file: file, key: "push.lint-commits", line: 2, expected: "true or false", actual: "a string (\"yes\")"))
    }
}
