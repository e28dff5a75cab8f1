import ShipshapeModel
import ShipshapeVersioning
import Testing

@Suite struct NextVersionTests {
    func v(_ text: String) -> SemanticVersion { SemanticVersion.lenient(text)! }
    func history(_ names: [String]) -> ReleaseHistory {
        ReleaseHistory(
            tags: names.map { (name: $0, target: ObjectID(hex: String(repeating: "a", count: 40))!) }, format: TagFormat("v{version}"),
            prereleasesAreReleases: false)
    }
    func choose(_ request: VersionRequest = .auto, current: String?, tags: [String], commits: [String], pre: String? = nil) throws -> VersionChoice {
        try NextVersion.choose(
            request, current: current.map(v), history: history(tags), commits: commits.map { CommitInfo(shortID: "abc1234", message: $0) },
            preLabel: pre)
    }

    @Test func autoFollowsTheCommitsSinceThePreviousRelease() throws {
        #expect(try choose(current: "1.1.0", tags: ["v1.0.0", "v1.1.0"], commits: ["fix: a"]).version == v("1.1.1"))
        #expect(try choose(current: "1.1.0", tags: ["v1.1.0"], commits: ["fix: a", "feat: b"]).version == v("1.2.0"))
        let breaking = try choose(current: "1.1.0", tags: ["v1.1.0"], commits: ["feat!: c"])
        #expect(breaking.version == v("2.0.0"))
        #expect(breaking.reason.contains("breaking change") && breaking.reason.contains("since v1.1.0"))
        // Minor while 0.x.
        #expect(try choose(current: "0.3.0", tags: ["v0.3.0"], commits: ["feat!: c"]).version == v("0.4.0"))
        // A maintenance line grows from its own release, not from v2.0.0.
        #expect(try choose(current: "1.5.2", tags: ["v1.5.2", "v2.0.0"], commits: ["fix: d"]).version == v("1.5.3"))
        #expect(throws: NextVersion.Problem.self) { try choose(current: "1.1.0", tags: ["v1.1.0"], commits: []) }
    }

    @Test func preReleasesCountUpAndTheReleaseDropsTheLabel() throws {
        #expect(try choose(current: "1.1.0", tags: ["v1.1.0"], commits: ["feat!: x"], pre: "rc").version == v("2.0.0-rc.1"))
        #expect(try choose(current: "2.0.0-rc.1", tags: ["v1.1.0"], commits: ["feat!: x"], pre: "rc").version == v("2.0.0-rc.2"))
        #expect(try choose(current: "2.0.0-rc.1", tags: ["v1.1.0", "v2.0.0-rc.3"], commits: ["feat!: x"], pre: "rc").version == v("2.0.0-rc.4"))
        #expect(try choose(current: "2.0.0-rc.2", tags: ["v1.1.0"], commits: ["feat!: x"]).version == v("2.0.0"))
    }

    @Test func levelsAndExactVersions() throws {
        #expect(try choose(.level(.minor), current: "1.1.0", tags: ["v1.1.0"], commits: []).version == v("1.2.0"))
        #expect(try choose(.exact(v("3.0.0")), current: "1.1.0", tags: ["v1.1.0"], commits: []).version == v("3.0.0"))
        #expect(throws: NextVersion.Problem.self) { try choose(.exact(v("1.0.0")), current: "1.1.0", tags: ["v1.1.0"], commits: []) }
        #expect(VersionRequest(argument: "v1.2.0") == .exact(v("1.2.0")))
        #expect(VersionRequest(argument: "huge") == nil)
    }

    @Test func editsChangeOnlyTheValueBytes() {
        let text = "[project]\nversion = \"1.2.0rc1\"  # note\nrequests = { version = \"1.2.0rc1\" }\r\n"
        let bytes = Array(text.utf8)
        let start = Array(text.utf8).firstIndex(of: UInt8(ascii: "1"))!
        let edited = VersionFileEdit.setting(v("2.0.0-rc.2"), in: bytes, values: [(start..<(start + 8), "1.2.0rc1")])
        #expect(String(decoding: edited, as: UTF8.self) == "[project]\nversion = \"2.0.0rc2\"  # note\nrequests = { version = \"1.2.0rc1\" }\r\n")
        #expect(VersionFileEdit.spelling(v("2.0.0"), like: "v1.0.0") == "v2.0.0")
        #expect(VersionFileEdit.spelling(v("2.0.0-beta.1"), like: "1.0.0b1") == "2.0.0b1")
        #expect(VersionFileEdit.spelling(v("2.0.0-rc.1"), like: "1.0.0") == "2.0.0-rc.1")
        #expect(ReleaseSettings.fill("chore: bump version to {version}", version: v("1.2.0")) == "chore: bump version to 1.2.0")
    }
}
