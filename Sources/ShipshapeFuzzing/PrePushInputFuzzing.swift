import ShipshapeGit
import ShipshapeModel
import ShipshapeHooks

/// The parser of pre-push's standard input: every parsed ref prints as a line that parses back
/// to the same ref, and an error names a line of the input.
enum PrePushInputFuzzing {
    static func run(_ input: [UInt8]) throws(FuzzFailure) {
        let refs: [PushedRef]
        do {
            refs = try PrePushInput.parse(input)
        } catch {
            try require(error.description.contains("line "), "an error names the line", error.description)
            return
        }
        let lineCount = input.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        try require(refs.count <= lineCount, "at most one ref per line", "\(refs.count) refs from \(lineCount) lines")
        let printed = refs.map { "\($0.localRef) \($0.localID.hex) \($0.remoteRef) \($0.remoteID.hex)\n" }.joined()
        let reparsed = try? PrePushInput.parse(Array(printed.utf8))
        try require(reparsed == refs, "a parsed ref prints as a line that parses back to it", excerpt(printed))
    }
}
