/// A version file changed only in the bytes of its version values: every other byte (comments,
/// quoting, line endings, a dependency pin `requests = { version = "1.2.0" }`) stays identical.
package enum VersionFileEdit {
    /// The file's bytes with each value replaced by a version, spelled as that value was: a PEP
    /// 440 file keeps PEP 440 (`2.0.0rc1`), a `v` prefix stays.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - values: the byte ranges of its version values and their text as written.
    ///   - version: the new version.
    /// - Returns: the new contents.
    package static func setting(_ version: SemanticVersion, in bytes: [UInt8], values: [(range: Range<Int>, text: String)]) -> [UInt8] {
        var result = bytes
        for value in values.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) where value.range.upperBound <= bytes.count {
            result.replaceSubrange(value.range, with: Array(spelling(version, like: value.text).utf8))
        }
        return result
    }

    /// A version written the way an existing value is: PEP 440 when the value is PEP 440 (and
    /// the version has a PEP 440 form), with its `v` prefix kept.
    package static func spelling(_ version: SemanticVersion, like text: String) -> String {
        let prefix = text.first == "v" || text.first == "V" ? String(text.first!) : ""
        if let parsed = try? SemanticVersion.parseLenient(text), parsed.spelling == .pep440, let pep = pep440(version) {
            return prefix + pep
        }
        return prefix + version.description
    }

    /// The PEP 440 spelling of a version: `2.0.0rc1`, `2.0.0a1`, `2.0.0b2`, `2.0.0.dev3`; nil for
    /// a pre-release PEP 440 cannot write.
    package static func pep440(_ version: SemanticVersion) -> String? {
        let core = version.core.description
        guard version.isPreRelease else { return core }
        guard version.preRelease.count == 2, case let .alphanumeric(label) = version.preRelease[0],
            case let .numeric(n) = version.preRelease[1]
        else { return nil }
        switch label {
        case "rc": return "\(core)rc\(n)"
        case "alpha", "a": return "\(core)a\(n)"
        case "beta", "b": return "\(core)b\(n)"
        case "dev": return "\(core).dev\(n)"
        default: return nil
        }
    }
}
