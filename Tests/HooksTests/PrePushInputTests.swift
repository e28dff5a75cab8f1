import Testing
import ShipshapeGit
@testable import ShipshapeHooks
import ShipshapeModel

/// The parser of what git writes to a pre-push hook's standard input.
@Suite struct PrePushInputTests {
    let a = String(repeating: "a", count: 40)
    let b = String(repeating: "b", count: 40)
    let zero = String(repeating: "0", count: 40)

    func parse(_ text: String) throws(HookError) -> [PushedRef] {
        try PrePushInput.parse(Array(text.utf8))
    }

    /// The message of the usage error a text raises, or nil when it parses.
    func usageMessage(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            guard case let .usage(message) = error else { return "not a usage error: \(error)" }
            return message
        }
    }

    @Test func oneBranchLine() throws {
        let refs = try parse("refs/heads/main \(a) refs/heads/main \(b)\n")
        #expect(refs == [PushedRef(localRef: "refs/heads/main", localID: ObjectID(hex: a)!, remoteRef: "refs/heads/main", remoteID: ObjectID(hex: b)!)])
        #expect(refs[0].isBranch && !refs[0].isTag && !refs[0].isDeletion && !refs[0].isNewOnRemote)
        #expect(refs[0].shortRemoteName == "main")
    }

    @Test func aLocalRefWithSpacesIsParsedFromTheRight() throws {
        let refs = try parse("main@{1 minute ago} \(a) refs/heads/main \(b)\nHEAD@{2 days 3 hours ago} \(b) refs/heads/feature/x \(zero)\n")
        #expect(refs.map(\.localRef) == ["main@{1 minute ago}", "HEAD@{2 days 3 hours ago}"])
        #expect(refs.map(\.remoteRef) == ["refs/heads/main", "refs/heads/feature/x"])
        #expect(refs[1].shortRemoteName == "feature/x")
    }

    @Test func aDeletionHasAZeroLocalID() throws {
        let refs = try parse("(delete) \(zero) refs/heads/old \(a)\n")
        #expect(refs.count == 1)
        #expect(refs[0].isDeletion)
        #expect(refs[0].localRef == "(delete)")
        #expect(refs[0].remoteID.hex == a)
    }

    @Test func aNewRefHasAZeroRemoteID() throws {
        let refs = try parse("refs/tags/v1.2.0 \(a) refs/tags/v1.2.0 \(zero)\n")
        #expect(refs[0].isNewOnRemote && !refs[0].isDeletion)
        #expect(refs[0].isTag && !refs[0].isBranch)
        #expect(refs[0].shortRemoteName == "v1.2.0")
    }

    @Test func upperCaseIDsAreNormalised() throws {
        let refs = try parse("refs/heads/main \(a.uppercased()) refs/heads/main \(zero)\n")
        #expect(refs[0].localID.hex == a)
    }

    @Test func otherNamespacesAreNeitherBranchesNorTags() throws {
        let refs = try parse("refs/remotes/origin/main \(a) refs/remotes/origin/main \(zero)\nrefs/notes/commits \(b) refs/notes/commits \(zero)\n")
        #expect(refs.allSatisfy { !$0.isBranch && !$0.isTag })
        #expect(refs[0].shortRemoteName == "refs/remotes/origin/main")
    }

    @Test(arguments: [String(repeating: "a", count: 64), String(repeating: "0", count: 64)])
    func sha256IDsAreAClearError(_ id: String) {
        let message = usageMessage("refs/heads/main \(id) refs/heads/main \(zero)\n")
        #expect(message?.contains("SHA-256") == true, "\(message ?? "parsed")")
        #expect(message?.contains("line 1") == true)
        #expect(message?.contains("--no-verify") == true)
    }

    @Test func aSHA256IDOnTheRemoteSideIsAlsoNamed() {
        let message = usageMessage("refs/heads/main \(a) refs/heads/main \(zero)\nrefs/heads/x \(a) refs/heads/x \(String(repeating: "c", count: 64))\n")
        #expect(message?.contains("line 2") == true)
        #expect(message?.contains("SHA-256") == true)
    }

    @Test func crlfLineEndingsAreAccepted() throws {
        let refs = try parse("refs/heads/main \(a) refs/heads/main \(b)\r\nrefs/heads/dev \(b) refs/heads/dev \(zero)\r\n")
        #expect(refs.count == 2)
        #expect(refs[0].remoteID.hex == b)
        #expect(refs[1].remoteRef == "refs/heads/dev")
        #expect(refs[1].isNewOnRemote)
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let text = "\nrefs/heads/main \(a) refs/heads/main \(b)\n\r\n\nrefs/heads/dev \(b) refs/heads/dev \(zero)"
        let refs = try parse(text)
        #expect(refs.map(\.remoteRef) == ["refs/heads/main", "refs/heads/dev"])
        // Line numbers in errors count the blank lines, as an editor would.
        let message = usageMessage("\n\nrefs/heads/main \(a) refs/heads/main\n")
        #expect(message?.contains("line 3") == true, "\(message ?? "parsed")")
    }

    @Test func aMissingFinalNewlineIsAccepted() throws {
        #expect(try parse("refs/heads/main \(a) refs/heads/main \(b)").count == 1)
    }

    @Test(arguments: [
        ("refs/heads/main \(String(repeating: "a", count: 40)) refs/heads/main", 1),
        ("one-field", 1),
        ("refs/heads/main \(String(repeating: "a", count: 40)) refs/heads/main \(String(repeating: "b", count: 40))\nrefs/heads/x xyz refs/heads/x \(String(repeating: "0", count: 40))", 2),
        ("refs/heads/main \(String(repeating: "a", count: 39)) refs/heads/main \(String(repeating: "0", count: 40))", 1),
        ("refs/heads/main \(String(repeating: "g", count: 40)) refs/heads/main \(String(repeating: "0", count: 40))", 1),
        ("refs/heads/main \(String(repeating: "a", count: 40)) refs/heads/main \(String(repeating: "0", count: 40)) trailing", 1),
        ("\n\n\nrefs/heads/main  refs/heads/main \(String(repeating: "0", count: 40))", 4),
    ])
    func malformedLinesNameTheirLineNumber(_ text: String, _ line: Int) {
        let message = usageMessage(text)
        #expect(message != nil, "parsed: \(text)")
        #expect(message?.hasPrefix("pre-push: line \(line) ") == true, "\(message ?? "parsed")")
    }

    @Test func aMalformedLineMapsToExitStatusTwo() {
        // Usage errors are environment errors: the executable exits 2 for every HookError.
        do {
            _ = try parse("garbage\n")
            Issue.record("parsed")
        } catch {
            guard case .usage = error else {
                Issue.record("expected a usage error, got \(error)")
                return
            }
        }
    }

    @Test(arguments: ["", "\n", "\n\n\r\n"])
    func emptyInputGivesNoRefs(_ text: String) throws {
        #expect(try parse(text).isEmpty)
    }

    @Test func tenThousandLines() throws {
        var text = ""
        text.reserveCapacity(10_000 * 120)
        for index in 0..<10_000 {
            text += "refs/heads/main@{\(index) minutes ago} \(index.isMultiple(of: 2) ? a : zero) refs/heads/branch-\(index) \(b)\n"
        }
        let refs = try parse(text)
        #expect(refs.count == 10_000)
        #expect(refs[9_999].remoteRef == "refs/heads/branch-9999")
        #expect(refs[9_999].localRef == "refs/heads/main@{9999 minutes ago}")
        #expect(refs.filter(\.isDeletion).count == 5_000)
    }
}
