/// The fuzz targets: each takes arbitrary bytes, drives one parser the way the executables do,
/// and checks the invariants that must hold for every input.
///
/// The same code runs in two places: under libFuzzer (`Fuzz/`, built by `scripts/fuzz.sh`,
/// where a broken invariant aborts the process and is saved as a crash), and in `swift test`,
/// which replays every committed input of `Fuzz/Corpus/<target>/` without libFuzzer.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// git's message cleanup, the Conventional Commits parser, every rule and the renderers.
    case message
    /// The strict and lenient SemVer parsers, precedence and bumps.
    case semanticVersion = "semantic-version"
    /// The changelog document parser and renderer, and a sync on top of it.
    case changelog
    /// The `.shipshape.toml` loader.
    case configuration
    /// The parser of the ref lines git writes to pre-push's standard input.
    case prePushInput = "pre-push-input"
    /// The parser of the update lines git writes to pre-receive's standard input.
    case receivedUpdateInput = "received-update-input"

    /// Runs the target on one input.
    ///
    /// - Parameter input: any bytes.
    /// - Throws: `FuzzFailure` when an invariant does not hold.
    public func run(_ input: [UInt8]) throws(FuzzFailure) {
        switch self {
        case .message: try MessageFuzzing.run(input)
        case .semanticVersion: try SemanticVersionFuzzing.run(input)
        case .changelog: try ChangelogFuzzing.run(input)
        case .configuration: try ConfigurationFuzzing.run(input)
        case .prePushInput: try PrePushInputFuzzing.run(input)
        case .receivedUpdateInput: try ReceivedUpdateInputFuzzing.run(input)
        }
    }

    /// The body of `LLVMFuzzerTestOneInput`: runs the target and aborts on a broken invariant,
    /// so that libFuzzer records the input as a crash.
    ///
    /// - Parameters:
    ///   - data: the input libFuzzer generated.
    ///   - size: its length in bytes.
    /// - Returns: 0, as libFuzzer requires.
    public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        do {
            try run(input)
        } catch {
            fatalError("\(rawValue): \(error)")
        }
        return 0
    }
}

/// An invariant that did not hold for an input.
public struct FuzzFailure: Error, CustomStringConvertible, Sendable {
    /// What should have held, e.g. "render(parse(x)) == x".
    public let invariant: String
    /// What happened instead.
    public let detail: String

    public var description: String { "\(invariant) does not hold: \(detail)" }
}

/// Throws unless `condition` holds.
///
/// - Parameters:
///   - condition: the invariant's value for this input.
///   - invariant: the invariant, as written in reports.
///   - detail: what happened instead; evaluated only on failure.
/// - Throws: `FuzzFailure`.
func require(_ condition: Bool, _ invariant: String, _ detail: @autoclosure () -> String = "") throws(FuzzFailure) {
    if !condition { throw FuzzFailure(invariant: invariant, detail: detail()) }
}

/// A short, printable excerpt of a value for failure reports.
func excerpt(_ value: some CustomDebugStringConvertible) -> String {
    let text = value.debugDescription
    return text.count > 300 ? String(text.prefix(300)) + "…" : text
}
