import ShipshapeMessage

/// A release version read from a tag, ordered by SemVer 2.0.0 precedence (build metadata
/// ignored; `1.2.0-rc.1 < 1.2.0`; numeric identifiers compared as numbers).
package struct ReleaseVersion: Sendable, Hashable, Comparable {
    /// MAJOR.
    package var major: Int
    /// MINOR.
    package var minor: Int
    /// PATCH.
    package var patch: Int
    /// The pre-release identifiers (`["rc", "1"]`), empty for a final release.
    package var prerelease: [String]

    /// Reads a tag name such as `v1.2.0` or `1.2.0-rc.1`.
    ///
    /// - Parameters:
    ///   - tag: the tag's short name.
    ///   - prefix: the configured prefix (`v`); a tag without it is accepted too.
    /// - Returns: nil when the rest is not a SemVer version.
    package init?(tag: String, prefix: String) {
        var text = Substring(tag)
        if !prefix.isEmpty && text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        guard isValidSemVer(text) else { return nil }
        let withoutBuild = text.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutBuild.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let numbers = parts[0].split(separator: ".").compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        major = numbers[0]
        minor = numbers[1]
        patch = numbers[2]
        prerelease = parts.count > 1 ? parts[1].split(separator: ".").map(String.init) : []
    }

    /// Whether this is a pre-release (`-rc.1`).
    package var isPrerelease: Bool { !prerelease.isEmpty }

    package static func < (lhs: ReleaseVersion, rhs: ReleaseVersion) -> Bool {
        if lhs.major != rhs.major { return lhs.major < rhs.major }
        if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
        if lhs.patch != rhs.patch { return lhs.patch < rhs.patch }
        if lhs.prerelease.isEmpty || rhs.prerelease.isEmpty { return !lhs.prerelease.isEmpty && rhs.prerelease.isEmpty }
        for (a, b) in zip(lhs.prerelease, rhs.prerelease) where a != b {
            switch (Int(a), Int(b)) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
        return lhs.prerelease.count < rhs.prerelease.count
    }
}

/// The release tags among tag names, highest precedence first (ties by name, so the order is
/// the same on every machine).
///
/// - Parameters:
///   - names: tag short names.
///   - settings: the tag prefix and whether pre-releases count.
/// - Returns: the names that are releases, best first.
package func releaseTagsByPrecedence(_ names: [String], settings: ChangelogSettings) -> [String] {
    let versions = names.compactMap { name -> (String, ReleaseVersion)? in
        guard let version = ReleaseVersion(tag: name, prefix: settings.tagPrefix) else { return nil }
        if version.isPrerelease && !settings.prereleaseTagsAreReleases { return nil }
        return (name, version)
    }
    return versions.sorted { $0.1 != $1.1 ? $1.1 < $0.1 : $0.0 < $1.0 }.map(\.0)
}
