import Testing
@testable import ShipshapeHooks
import ShipshapeModel

/// The parser of git's pre-receive input, which `shipshape verify` reads too.
@Suite struct ReceivedUpdateInputTests {
    let a = String(repeating: "a", count: 40)
    let b = String(repeating: "b", count: 40)
    let zero = String(repeating: "0", count: 40)

    func usageMessage(_ body: () throws(HookError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            guard case let .usage(message) = error else { return "not a usage error: \(error)" }
            return message
        }
    }

    @Test func linesBecomeUpdatesWithTheOldAndNewValues() throws {
        let updates = try ReceivedUpdateInput.parse(Array("\(a) \(b) refs/heads/main\r\n\n\(zero) \(a) refs/tags/v1.0.0\n\(b) \(zero) refs/heads/old\n".utf8), program: "pre-receive")
        #expect(updates.map(\.remoteRef) == ["refs/heads/main", "refs/tags/v1.0.0", "refs/heads/old"])
        #expect(updates[0].remoteID == ObjectID(hex: a) && updates[0].localID == ObjectID(hex: b))
        #expect(!updates[0].isNewOnRemote && updates[1].isNewOnRemote && updates[1].isTag && updates[2].isDeletion)
        #expect(updates[0].localRef == "refs/heads/main")
    }

    @Test func malformedLinesAreUsageErrorsNamingTheLine() {
        let twoFields = usageMessage { () throws(HookError) in _ = try ReceivedUpdateInput.parse(Array("\(a) \(b)\n".utf8), program: "pre-receive") }
        #expect(twoFields?.hasPrefix("pre-receive: line 1 of standard input is not \"<old sha> <new sha> <ref name>\"") == true, "\(twoFields ?? "")")
        let shortID = usageMessage { () throws(HookError) in _ = try ReceivedUpdateInput.parse(Array("\n\(a) abc refs/heads/x\n".utf8), program: "shipshape verify") }
        #expect(shortID?.contains("line 2 has \"abc\" where a full object id") == true, "\(shortID ?? "")")
        let spaced = usageMessage { () throws(HookError) in _ = try ReceivedUpdateInput.parse(Array("\(a) \(b) refs/heads/a b\n".utf8), program: "pre-receive") }
        #expect(spaced != nil)
    }

    @Test func aCommandLineUpdateTakesABareBranchNameAndNoOldValue() throws {
        let update = try ReceivedUpdateInput.update(ref: "main", old: "", new: a, program: "shipshape verify")
        #expect(update.remoteRef == "refs/heads/main" && update.isNewOnRemote && update.localID == ObjectID(hex: a))
        let tag = try ReceivedUpdateInput.update(ref: "refs/tags/v1.0.0", old: zero, new: b, program: "shipshape verify")
        #expect(tag.isTag && tag.isNewOnRemote)
        #expect(usageMessage { () throws(HookError) in _ = try ReceivedUpdateInput.update(ref: "main", old: "HEAD~1", new: a, program: "shipshape verify") } != nil)
    }
}
