import ShipshapeModel
import ShipshapeHooks

/// The parser of pre-receive's standard input (and `shipshape verify`'s): every parsed update
/// prints as a line that parses back to the same update, and an error names a line.
enum ReceivedUpdateInputFuzzing {
    static func run(_ input: [UInt8]) throws(FuzzFailure) {
        let updates: [PushedRef]
        do {
            updates = try ReceivedUpdateInput.parse(input, program: "pre-receive")
        } catch {
            try require(error.description.hasPrefix("pre-receive: line "), "an error names the line", error.description)
            return
        }
        let lineCount = input.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        try require(updates.count <= lineCount, "at most one update per line", "\(updates.count) updates from \(lineCount) lines")
        try require(updates.allSatisfy { $0.localRef == $0.remoteRef }, "an update names one ref", "\(updates.map(\.remoteRef))")
        let printed = updates.map { "\($0.remoteID.hex) \($0.localID.hex) \($0.remoteRef)\n" }.joined()
        let reparsed = try? ReceivedUpdateInput.parse(Array(printed.utf8), program: "pre-receive")
        try require(reparsed == updates, "a parsed update prints as a line that parses back to it", excerpt(printed))
    }
}
