import Foundation
import ShipshapeFuzzing
import Testing

/// Replays every committed fuzz input (`Fuzz/Corpus/<target>/`) through its target without
/// libFuzzer, so that CI checks each seed and each past finding on every run.
@Suite struct CorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Corpus")

    @Test(arguments: FuzzTarget.allCases)
    func everyCorpusInputKeepsTheInvariants(_ target: FuzzTarget) throws {
        let folder = Self.corpus.appendingPathComponent(target.rawValue)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 5, "the seed corpus of \(target.rawValue) is missing or nearly empty")
        for name in names {
            let input = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(throws: Never.self, "\(target.rawValue)/\(name)") { try target.run(input) }
        }
    }
}
