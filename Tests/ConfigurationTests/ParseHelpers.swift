import ShipshapeConfiguration
import Testing

/// Parses configuration text as `.shipshape.toml`.
func parse(_ text: String) throws(ConfigurationError) -> ShipshapeConfiguration {
    try ShipshapeConfiguration.parse(text: text, path: ShipshapeConfiguration.fileName)
}

/// Parses text that must fail and returns the error.
func failure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ConfigurationError? {
    do {
        _ = try parse(text)
        Issue.record("expected a configuration error", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}
