package import ShipshapeDiagnostics

extension VersionReading {
    /// Where the version is, for CI annotations (`::error file=VERSION,line=1,col=1::`).
    package var fileLocation: FileLocation { FileLocation(path: path, line: line, column: column) }
}
