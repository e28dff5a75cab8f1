import ShipshapeVersioning

/// The SemVer parsers and precedence: up to three versions, one per line.
///
/// A strictly parsed version prints as it was written; a leniently parsed one prints as a
/// version the strict parser reads back identically; precedence is a total order (exactly one
/// of `<`, `==`, `>`, transitive, `==` agreeing with the hash); every bump goes up.
enum SemanticVersionFuzzing {
    static func run(_ input: [UInt8]) throws(FuzzFailure) {
        var versions: [SemanticVersion] = []
        for line in input.split(separator: 0x0A, maxSplits: 3, omittingEmptySubsequences: false).prefix(3) {
            guard let text = String(validating: line, as: UTF8.self) else { continue }
            if let strict = try? SemanticVersion.parse(text) {
                try require(strict.description == text, "strict parse then print is the identity", excerpt(strict.description))
                versions.append(strict)
            }
            if let (lenient, _) = try? SemanticVersion.parseLenient(text) {
                let reread = try? SemanticVersion.parse(lenient.description)
                try require(
                    reread.map { $0.isIdentical(to: lenient) } ?? false, "a lenient version prints as strict SemVer",
                    "\(excerpt(text)) printed as \(excerpt(lenient.description))")
                versions.append(lenient)
            }
        }
        for a in versions {
            for b in versions {
                let relations = [a < b, a == b, b < a].filter { $0 }.count
                try require(relations == 1, "exactly one of <, ==, > holds", "\(a) and \(b)")
                if a == b { try require(a.hashValue == b.hashValue, "equal versions hash alike", "\(a) and \(b)") }
                for c in versions where a < b && b < c {
                    try require(a < c, "precedence is transitive", "\(a) < \(b) < \(c)")
                }
            }
            // Bumps wrap at the largest number, which no real project reaches.
            guard a.major < .max && a.minor < .max && a.patch < .max else { continue }
            for level in [BumpLevel.patch, .minor, .major] {
                let next = a.bumped(level)
                try require(a < next, "a \(level) bump goes up", "\(a) bumped to \(next)")
                try require(next.bumpLevel(from: a) <= level, "a \(level) bump changes nothing above its level", "\(a) → \(next)")
            }
            for successor in SemanticVersion.allowedSuccessorCores(of: a) {
                try require(a < successor, "every allowed successor is greater", "\(a) → \(successor)")
            }
            try require(a < a.bumpedPreRelease(), "a pre-release bump goes up", "\(a)")
        }
    }
}
