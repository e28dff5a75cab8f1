package import ShipshapeVersioning

/// The version a release tag names: the tag without the configured prefix (`v`), read as strict
/// SemVer 2.0.0; a tag without the prefix is accepted too.
///
/// - Returns: nil when the rest is not a SemVer version.
package func releaseVersion(ofTag tag: String, prefix: String) -> SemanticVersion? {
    var text = Substring(tag)
    if !prefix.isEmpty && text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
    return try? SemanticVersion.parse(String(text))
}

/// The release tags among tag names, highest precedence first (ties by name, so the order is
/// the same on every machine).
///
/// - Parameters:
///   - names: tag short names.
///   - settings: the tag prefix and whether pre-releases count.
/// - Returns: the names that are releases, best first.
package func releaseTagsByPrecedence(_ names: [String], settings: ChangelogSettings) -> [String] {
    let versions = names.compactMap { name -> (String, SemanticVersion)? in
        guard let version = releaseVersion(ofTag: name, prefix: settings.tagPrefix) else { return nil }
        if version.isPreRelease && !settings.prereleaseTagsAreReleases { return nil }
        return (name, version)
    }
    return versions.sorted { $0.1 != $1.1 ? $1.1 < $0.1 : $0.0 < $1.0 }.map(\.0)
}
