import ShipshapeModel
import ShipshapeVersioning
import Testing

@Suite struct ReleaseHistoryTests {
    func id(_ n: Int) -> ObjectID { ObjectID(hex: String(repeating: "0", count: 39 - String(n, radix: 16).count) + "1" + String(n, radix: 16))! }
    func v(_ text: String) -> SemanticVersion { SemanticVersion.lenient(text)! }
    func history(_ names: [String], format: String = "v{version}", prereleases: Bool = false) -> ReleaseHistory {
        ReleaseHistory(
            tags: names.enumerated().map { (name: $0.element, target: id($0.offset)) }, format: TagFormat(format),
            prereleasesAreReleases: prereleases)
    }

    @Test func releasesAreOrderedBySemVerPrecedenceWithPreReleasesOnlyWhenTheyCount() {
        let names = ["v1.0.0", "v1.10.0", "v1.2.0", "v2.0.0-rc.1", "v1.10.0-beta.2", "nightly", "v1.0.0-rc.10", "v1.0.0-rc.2"]
        #expect(history(names).releases.map(\.name) == ["v1.10.0", "v1.2.0", "v1.0.0"])
        #expect(history(names, prereleases: true).releases.prefix(3).map(\.name) == ["v2.0.0-rc.1", "v1.10.0", "v1.10.0-beta.2"])
        #expect(history(names).tagged.suffix(2).map(\.name) == ["v1.0.0-rc.10", "v1.0.0-rc.2"])
        #expect(history(names).finalReleases.count == 3)
    }

    @Test func oneTagFormatDecidesWhatIsARelease() {
        // `v{version}-final`: pre-push and the changelog used to read these two differently.
        let h = history(["v1.2.0-final", "v1.2.0", "1.3.0", "v2.0.0rc2"], format: "v{version}-final")
        #expect(h.releases.map(\.name) == ["v1.2.0-final"])
        #expect(h.offFormat.map(\.name).sorted() == ["1.3.0", "v1.2.0", "v2.0.0rc2"])
        #expect(TagFormat("v{version}").offFormatVersion(ofTag: "1.2.0") == v("1.2.0"))
        #expect(TagFormat("v{version}").offFormatVersion(ofTag: "v1.2.0") == nil)
        #expect(TagFormat("v{version}").offFormatVersion(ofTag: "nightly") == nil)
    }

    @Test func thePreviousReleaseIsTheHighestBelowWhereverItIsTagged() {
        let h = history(["v1.0.0", "v1.1.0", "v2.0.0-rc.1", "v2.0.0", "v1.5.2"])
        #expect(h.previousRelease(before: v("1.2.0"))?.name == "v1.1.0")
        #expect(h.previousRelease(before: v("2.0.0"))?.name == "v1.5.2")
        #expect(h.previousRelease(before: v("2.0.0-rc.2"))?.name == "v1.5.2")
        // A maintenance line: 1.5.3 after 2.0.0 is measured from 1.5.2.
        #expect(h.previousRelease(before: v("1.5.3"))?.name == "v1.5.2")
        #expect(h.previousRelease(before: v("1.0.0")) == nil)
        #expect(h.tag(of: v("2.0.0+build.7"))?.name == "v2.0.0")
        #expect(h.higherPreRelease(sameCoreAs: v("2.0.0-rc.1"))?.name == "v2.0.0-rc.1")
        #expect(h.tagged(atOrAbove: v("1.5.2")).map(\.name) == ["v1.5.2", "v2.0.0-rc.1", "v2.0.0"])
    }

    @Test func successorsLeaveOutVersionsAlreadyTagged() {
        let h = history(["v1.0.0", "v2.0.0"])
        #expect(h.successors(of: v("1.0.0")).map(\.description) == ["1.0.1", "1.1.0"])
        #expect(h.skips(v("1.2.0"), after: v("1.0.0")))
        #expect(!h.skips(v("1.1.0-rc.1"), after: v("1.0.0")))
    }

    @Test func excludingTagsOfAPushOrOnTheCheckedCommit() {
        let h = history(["v1.0.0", "v1.1.0", "v1.1.0-rc.1"])
        #expect(h.excluding(names: ["v1.1.0"]).releases.map(\.name) == ["v1.0.0"])
        #expect(h.excluding(names: [], commit: id(0)).releases.map(\.name) == ["v1.1.0"])
        // Each released commit once, pre-releases hidden only when they count.
        #expect(h.releasedCommits == [id(1), id(0)])
        #expect(history(["v1.0.0", "v1.1.0-rc.1"], prereleases: true).releasedCommits == [id(1), id(0)])
        #expect(history(["v1.0.0", "v1.1.0-rc.1"], prereleases: true).finalReleaseCommits == [id(0)])
    }
}
