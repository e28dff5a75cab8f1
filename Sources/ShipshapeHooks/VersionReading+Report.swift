package import ShipshapeDiagnostics
import ShipshapeVersioning

extension [VersionReading] {
    /// The readings as report facts: one record per file with `path`, `line` and `version`.
    package var reportValue: ReportValue {
        .list(map { .record([("path", .string($0.path)), ("line", .int($0.line)), ("version", .string($0.text))]) })
    }
}
