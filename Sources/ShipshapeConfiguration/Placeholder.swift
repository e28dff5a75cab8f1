// TEMPORARY STAND-IN until the configuration loader lands: defaults only.
package import ShipshapePolicy

/// Settings for every domain (defaults only in this stand-in).
package struct ShipshapeConfiguration: Sendable {
    package var lint = LintSettings()
    package var branches = BranchSettings()
    package var sourcePath: String? = nil
    package init() {}
    package static func load(repositoryRoot: String?) throws(ConfigurationError) -> ShipshapeConfiguration { .init() }
}

/// A configuration failure (stand-in).
package enum ConfigurationError: Error, CustomStringConvertible {
    case unreadable(String)
    package var description: String { "configuration error" }
}
