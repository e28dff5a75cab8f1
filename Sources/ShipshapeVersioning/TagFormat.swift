/// A tag name template such as `v{version}`: the text around `{version}` is fixed.
package struct TagFormat: Sendable, Hashable, CustomStringConvertible {
    /// The template, with exactly one `{version}`.
    package let template: String
    /// The text before `{version}`.
    package let prefix: String
    /// The text after `{version}`.
    package let suffix: String

    /// Creates a format.
    ///
    /// - Parameter template: a template with one `{version}`, e.g. `v{version}` or
    ///   `release-{version}`; without the placeholder, the whole template is the prefix.
    package init(_ template: String) {
        self.template = template
        let marker = "{version}"
        if let range = template.firstRange(of: marker) {
            prefix = String(template[..<range.lowerBound])
            suffix = String(template[range.upperBound...])
        } else {
            prefix = template
            suffix = ""
        }
    }

    /// The version a tag name holds, or nil when the name does not follow the format or the
    /// middle is not a SemVer version.
    ///
    /// - Parameter name: a tag name without `refs/tags/`.
    /// - Returns: the version.
    package func version(fromTag name: String) -> SemanticVersion? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count >= prefix.count + suffix.count else { return nil }
        let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
        return try? SemanticVersion.parse(String(middle))
    }

    /// The tag name of a version.
    package func tagName(for version: SemanticVersion) -> String { prefix + version.description + suffix }

    package var description: String { template }
}

extension String {
    /// The first range of a substring (stdlib only, no Foundation): the one copy, for the tag
    /// format and the changelog roll.
    package func firstRange(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}

extension TagFormat {
    /// The version a tag name holds when it looks like a release but does not follow the format
    /// (`1.2.0` or `v2.0.0rc2` under `v{version}`): what pre-push warns about, naming the tag the
    /// format expects.
    ///
    /// - Parameter name: a tag name without `refs/tags/`.
    /// - Returns: the version read leniently (a `v` prefix, PEP 440 spellings), or nil when the
    ///   name follows the format or names no version at all.
    package func offFormatVersion(ofTag name: String) -> SemanticVersion? {
        if version(fromTag: name) != nil { return nil }
        var text = Substring(name)
        for prefix in ["release-", "release/", "version-"] where text.lowercased().hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
        }
        return SemanticVersion.lenient(String(text))
    }
}
