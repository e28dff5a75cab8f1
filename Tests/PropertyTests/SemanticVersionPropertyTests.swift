import PropertyBased
import Testing
import ShipshapeVersioning

/// Versions drawn from a small alphabet, so that equal and nearly equal versions are common.
var versions: Generator<SemanticVersion, some Sequence & SendableMetatype> {
    zip(
    Gen.int(in: 0...2), Gen.int(in: 0...2), Gen.int(in: 0...2),
    Gen.oneOf(
        pick(["alpha", "beta", "rc", "x-y", "0a"].map { PreReleaseIdentifier.alphanumeric($0) }).eraseToAnySequence(),
        Gen.int(in: 0...11).map { PreReleaseIdentifier.numeric(UInt64($0)) }.eraseToAnySequence()
    ).array(of: 0...3),
    pick(["build", "5", "sha-1"]).array(of: 0...2)
).map { major, minor, patch, preRelease, build in
    SemanticVersion(major: UInt64(major), minor: UInt64(minor), patch: UInt64(patch), preRelease: preRelease, build: build)
    }
}

/// The precedence examples of SemVer 2.0.0 (items 11.2–11.4), lowest first.
let specificationOrder = [
    "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",
    "1.0.0", "2.0.0", "2.1.0", "2.1.1",
]

@Suite struct SemanticVersionPropertyTests {
    @Test func precedenceIsATotalOrder() async {
        await propertyCheck(count: 2_000, input: versions, versions, versions) { a, b, c in
            #expect([a < b, a == b, b < a].filter { $0 }.count == 1, "trichotomy: \(a), \(b)")
            if a == b { #expect(a.hashValue == b.hashValue, "\(a) == \(b) but the hashes differ") }
            if a < b && b < c { #expect(a < c, "transitivity: \(a) < \(b) < \(c)") }
            if a <= b && b <= a { #expect(a == b, "antisymmetry: \(a), \(b)") }
            // Build metadata never decides precedence.
            var bare = a
            bare.build = []
            #expect(bare == a)
        }
    }

    @Test func sortingAnyShuffleGivesTheSpecificationsOrder() async throws {
        let expected = try specificationOrder.map { try SemanticVersion.parse($0) }
        await propertyCheck(count: 300, input: Gen.shuffled(expected)) { shuffled in
            #expect(shuffled.sorted().map(\.description) == specificationOrder)
        }
    }

    @Test func printingThenParsingIsTheIdentity() async {
        await propertyCheck(count: 1_000, input: versions) { version in
            let reread = try SemanticVersion.parse(version.description)
            #expect(reread.isIdentical(to: version), "\(version) read back as \(reread)")
        }
    }

    @Test func everyBumpGoesUpAndStopsAtItsLevel() async {
        await propertyCheck(count: 1_000, input: versions, pick([BumpLevel.patch, .minor, .major])) { version, level in
            let next = version.bumped(level)
            #expect(version < next, "\(version) bumped by \(level) gave \(next)")
            #expect(next.bumpLevel(from: version) <= level)
            #expect(version < version.bumpedPreRelease())
        }
    }
}
