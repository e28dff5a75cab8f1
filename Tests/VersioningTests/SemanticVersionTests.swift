import Testing
import ShipshapeVersioning

@Suite struct SemanticVersionTests {
    @Test(arguments: [
        "0.0.4", "1.2.3", "10.20.30", "1.1.2-prerelease+meta", "1.1.2+meta", "1.1.2+meta-valid", "1.0.0-alpha",
        "1.0.0-beta", "1.0.0-alpha.beta", "1.0.0-alpha.beta.1", "1.0.0-alpha.1", "1.0.0-alpha0.valid",
        "1.0.0-alpha.0valid", "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay", "1.0.0-rc.1+build.1",
        "2.0.0-rc.1+build.123", "1.2.3-beta", "10.2.3-DEV-SNAPSHOT", "1.2.3-SNAPSHOT-123", "2.0.0+build.1848",
        "2.0.1-alpha.1227", "1.0.0-0A.is.legal", "1.0.0+0.build.1-rc.10000aaa-kk-0.1", "1.0.0-x.7.z.92",
        "1.0.0-x-y-z.--", "1.0.0+21AF26D3----117B344092BD",
    ])
    func specValidExamplesParseAndRoundTrip(_ text: String) throws {
        let version = try SemanticVersion.parse(text)
        #expect(version.description == text)
    }

    @Test(arguments: [
        ("1", VersionProblem.missingPart("minor version")),
        ("1.2", .missingPart("patch version")),
        ("01.1.1", .leadingZero("major version")),
        ("1.01.1", .leadingZero("minor version")),
        ("1.1.01", .leadingZero("patch version")),
        ("1.2.3-0123", .leadingZero("numeric pre-release identifier \"0123\"")),
        ("1.0.0-alpha..1", .emptyIdentifier("pre-release")),
        ("1.0.0-alpha_beta", .invalidCharacter("_", "pre-release")),
        ("1.2.3+", .emptyIdentifier("build metadata")),
        ("", .empty),
    ])
    func specInvalidExamplesGivePreciseProblems(_ text: String, _ problem: VersionProblem) {
        #expect(throws: VersioningError.self) { try SemanticVersion.parse(text) }
        do {
            _ = try SemanticVersion.parse(text)
        } catch {
            guard case let .invalidVersion(_, _, found) = error else { Issue.record("wrong error \(error)"); return }
            #expect(found == problem)
        }
    }

    @Test func aMissingPartIsNamedOnce() {
        for (text, part) in [("1.2", "patch version"), ("1.", "minor version"), ("1.2.", "patch version")] {
            do {
                _ = try SemanticVersion.parse(text)
                Issue.record("\(text) parsed")
            } catch {
                #expect(error.description.contains("the \(part) is missing (a version has the form MAJOR.MINOR.PATCH)"), "\(error)")
                #expect(!error.description.contains("version version"), "\(error)")
            }
        }
    }

    @Test func columnsPointAtTheOffendingCharacter() {
        func column(_ text: String) -> Int? {
            do { _ = try SemanticVersion.parseLenient(text) } catch {
                if case let .invalidVersion(_, column, _) = error { return column }
            }
            return nil
        }
        #expect(column("1.02.0") == 3)
        #expect(column("v1.02.0") == 4)
        #expect(column("1.2.0-rc..1") == 10)
        #expect(column("1.2.x") == 5)
        #expect(column("1.2.0-rc.1 ") == 11)
    }

    @Test func specPrecedenceList() throws {
        let ordered = try [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1",
        ].map { try SemanticVersion.parse($0) }
        for (a, b) in zip(ordered, ordered.dropFirst()) {
            #expect(a < b, "\(a) < \(b)")
            #expect(!(b < a))
        }
        #expect(ordered.shuffled().sorted() == ordered)
    }

    @Test func buildMetadataIsIgnoredForPrecedence() throws {
        let a = try SemanticVersion.parse("1.0.0+build.1")
        let b = try SemanticVersion.parse("1.0.0+build.2")
        #expect(a == b)
        #expect(!(a < b) && !(b < a))
        #expect(!a.isIdentical(to: b))
        #expect(try SemanticVersion.parse("1.0.0-9") < SemanticVersion.parse("1.0.0-10"))
        #expect(try SemanticVersion.parse("1.0.0-10") < SemanticVersion.parse("1.0.0-a"))
    }

    @Test(arguments: [
        ("1.2.0rc1", "1.2.0-rc.1"), ("1.2.0.dev3", "1.2.0-dev.3"), ("1.2.0a1", "1.2.0-alpha.1"),
        ("1.2.0b1", "1.2.0-beta.1"), ("1.2.0-rc.1", "1.2.0-rc.1"), ("v1.2.0", "1.2.0"), ("V2.0.0-beta.2", "2.0.0-beta.2"),
        ("1.2.0rc1.dev2", "1.2.0-rc.1.dev.2"), ("1.2.0.RC1", "1.2.0-rc.1"), ("1.2.0c1", "1.2.0-rc.1"),
    ])
    func lenientParsingMapsPEP440AndLeadingV(_ written: String, _ semver: String) throws {
        #expect(try SemanticVersion.parseLenient(written).version.isIdentical(to: SemanticVersion.parse(semver)))
    }

    @Test func pep440PostAndDevReleasesHaveADecidedMeaning() throws {
        // A development release is a pre-release; a post-release republishes its release, so it
        // is that release with build metadata: the same precedence, not the same identity.
        #expect(SemanticVersion.lenient("1.3.0.dev2")?.description == "1.3.0-dev.2")
        #expect(SemanticVersion.lenient("1.3.0dev2")?.description == "1.3.0-dev.2")
        #expect(SemanticVersion.lenient("1.3.0rc1.dev2")?.description == "1.3.0-rc.1.dev.2")
        let post = try #require(SemanticVersion.lenient("1.3.0.post1"))
        #expect(post.description == "1.3.0+post.1")
        #expect(SemanticVersion.lenient("1.3.0.post2")?.description == "1.3.0+post.2")
        // Written with a hyphen it is valid SemVer, a pre-release, and read as such.
        #expect(SemanticVersion.lenient("1.3.0-post2")?.description == "1.3.0-post2")
        #expect(SemanticVersion.lenient("1.3.0rc1.post1+local.7")?.description == "1.3.0-rc.1+post.1.local.7")
        let release = try #require(SemanticVersion.lenient("1.3.0"))
        #expect(!(post < release) && !(release < post))
        #expect(!post.isIdentical(to: release))
        #expect(post.isIdentical(to: try #require(SemanticVersion.lenient("1.3.0+post.1"))))
        #expect(try #require(SemanticVersion.lenient("1.3.0.dev2")) < release)
    }

    @Test func pep440FormsWithoutAMeaningSaySo() {
        for (text, form) in [("1!2.0.0", "epoch 1!"), ("1.3.0.post1.dev2", "development release of a post-release")] {
            do {
                _ = try SemanticVersion.parseLenient(text)
                Issue.record("\(text) parsed")
            } catch {
                guard case let .invalidVersion(_, _, problem) = error else { Issue.record("\(error)"); continue }
                #expect(problem == .noSemVerEquivalent(form), "\(text): \(problem)")
                #expect(error.description.contains("has no SemVer 2.0.0 equivalent"))
            }
        }
    }

    @Test func pep440ShortVersionsAreRejected() {
        #expect(SemanticVersion.lenient("1.2") == nil)
        #expect(SemanticVersion.lenient("01.2.0rc1") == nil)
        #expect(SemanticVersion.lenient("1!1.2.0") == nil)
    }

    @Test(arguments: [
        ("1.2.3", BumpLevel.patch, "1.2.4"), ("1.2.3", .minor, "1.3.0"), ("1.2.3", .major, "2.0.0"),
        ("1.2.0-rc.1", .patch, "1.2.0"), ("1.2.0-rc.1", .minor, "1.2.0"), ("1.2.0-rc.1", .major, "2.0.0"),
        ("2.0.0-rc.1", .major, "2.0.0"), ("1.2.3+b", .none, "1.2.3"),
    ])
    func bumps(_ from: String, _ level: BumpLevel, _ to: String) throws {
        #expect(try SemanticVersion.parse(from).bumped(level).isIdentical(to: SemanticVersion.parse(to)))
    }

    @Test func preReleaseBumps() throws {
        #expect(try SemanticVersion.parse("1.2.0-rc.1").bumpedPreRelease().description == "1.2.0-rc.2")
        #expect(try SemanticVersion.parse("1.2.0").bumpedPreRelease(label: "rc").description == "1.2.1-rc.0")
        #expect(try SemanticVersion.parse("1.2.0-beta.3").bumpedPreRelease(label: "rc").description == "1.2.0-rc.0")
        #expect(try SemanticVersion.parse("1.2.0-alpha").bumpedPreRelease().description == "1.2.0-alpha.0")
    }

    @Test func tagFormat() throws {
        let format = TagFormat("v{version}")
        #expect(format.version(fromTag: "v1.2.0") == (try SemanticVersion.parse("1.2.0")))
        #expect(format.version(fromTag: "1.2.0") == nil)
        #expect(format.version(fromTag: "vnext") == nil)
        let custom = TagFormat("release-{version}-final")
        #expect(custom.version(fromTag: "release-2.0.0-rc.1-final")?.description == "2.0.0-rc.1")
        #expect(custom.tagName(for: try SemanticVersion.parse("1.0.0")) == "release-1.0.0-final")
    }
}
