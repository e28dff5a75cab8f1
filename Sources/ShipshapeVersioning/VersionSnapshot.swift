/// The versions declared at one commit: every reading of every source, and the configured
/// sources that could not be read.
package struct VersionSnapshot: Sendable, Equatable {
    /// The readings, in source order (explicit sources first, then auto-detected files).
    package var readings: [VersionReading]
    /// Configured sources that are missing or whose pattern failed, naming the file.
    package var sourceErrors: [VersioningError]

    /// Creates a snapshot.
    package init(readings: [VersionReading], sourceErrors: [VersioningError] = []) {
        self.readings = readings
        self.sourceErrors = sourceErrors
    }

    /// The root files read by auto-detection, in reporting order.
    package static let rootFiles: [KnownVersionFile] = [
        .versionFile, .packageJSON, .pyproject, .setupPy, .setupCfg, .cargo, .dockerfile, .chart, .pom,
    ]

    /// Reads every version source at a commit through `read`.
    ///
    /// Auto-detection reads the known root files. In a Python project (a `pyproject.toml`,
    /// `setup.cfg` or `setup.py` is present), `__init__.py` / `_version.py` are looked up in
    /// `src/<name>/` and `<name>/`, where `<name>` is the distribution name from those files
    /// (normalised: lower case, `-` and `.` become `_`), and in every package directory under
    /// `src/` that `subdirectories` lists (the import name often differs from the distribution
    /// name: `scikit-learn` installs `sklearn`). Files that are absent, or declare no literal
    /// version, do not count.
    ///
    /// - Parameters:
    ///   - settings: auto-detection on or off, explicit sources.
    ///   - read: the contents of a path at the commit, or nil when there is no such file.
    ///   - subdirectories: the names of the directories in a directory at the commit (tree
    ///     order), or nil when there is no such directory; without it only the distribution
    ///     names are looked up.
    /// - Returns: the snapshot.
    /// - Throws: whatever `read` or `subdirectories` throws (a repository error).
    package static func collect<E: Error>(
        settings: VersionSettings, read: (String) throws(E) -> [UInt8]?,
        subdirectories: (String) throws(E) -> [String]?
    ) throws(E) -> VersionSnapshot {
        var snapshot = VersionSnapshot(readings: [])
        var explicitPaths: Set<String> = []
        for source in settings.sources {
            explicitPaths.insert(source.path)
            let bytes = try read(source.path)
            do {
                snapshot.readings += try source.read(bytes)
            } catch {
                snapshot.sourceErrors.append(error)
            }
        }
        guard settings.autoDetect else { return snapshot }
        var contents: [String: [UInt8]] = [:]
        for kind in rootFiles where !explicitPaths.contains(kind.rawValue) {
            guard let bytes = try read(kind.rawValue) else { continue }
            contents[kind.rawValue] = bytes
            let file = kind.readAll(bytes, path: kind.rawValue)
            snapshot.readings += file.readings
            snapshot.sourceErrors += file.problems
        }
        var directories: [String] = []
        for name in pythonPackageNames(contents) { directories += ["src/\(name)", name] }
        if contents["pyproject.toml"] != nil || contents["setup.cfg"] != nil || contents["setup.py"] != nil {
            for name in try subdirectories("src") ?? [] where isPythonIdentifier(name) && !directories.contains("src/\(name)") {
                directories.append("src/\(name)")
            }
        }
        for directory in directories {
            for file in ["__init__.py", "_version.py"] {
                let path = directory + "/" + file
                guard !explicitPaths.contains(path), let bytes = try read(path) else { continue }
                let file = KnownVersionFile.pythonModule.readAll(bytes, path: path)
                snapshot.readings += file.readings
                snapshot.sourceErrors += file.problems
            }
        }
        return snapshot
    }

    /// Reads every version source at a commit through `read`, without a directory listing:
    /// Python modules are looked up under the distribution names only.
    ///
    /// - Parameters:
    ///   - settings: auto-detection on or off, explicit sources.
    ///   - read: the contents of a path at the commit, or nil when there is no such file.
    /// - Returns: the snapshot.
    /// - Throws: whatever `read` throws (a repository error).
    package static func collect<E: Error>(
        settings: VersionSettings, read: (String) throws(E) -> [UInt8]?
    ) throws(E) -> VersionSnapshot {
        try collect(settings: settings, read: read, subdirectories: { (_: String) throws(E) -> [String]? in nil })
    }

    /// Whether a directory name can be imported as a Python package (`sklearn`, not `my-tool`,
    /// `.hidden` or `__pycache__`).
    static func isPythonIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isXIDStart, name != "__pycache__" else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }

    /// Normalised import names of the Python distribution(s) declared in the root files.
    static func pythonPackageNames(_ contents: [String: [UInt8]]) -> [String] {
        var names: [String] = []
        func add(_ raw: String?) {
            guard let raw, !raw.isEmpty else { return }
            let normalised = String(raw.lowercased().map { $0 == "-" || $0 == "." ? "_" : $0 })
            if !names.contains(normalised) && !normalised.contains("/") && normalised != ".." { names.append(normalised) }
        }
        if let bytes = contents["pyproject.toml"] {
            add(VersionReaders.toml(String(decoding: bytes, as: UTF8.self), keys: [["project", "name"], ["tool", "poetry", "name"]])?.text)
        }
        if let bytes = contents["setup.cfg"] {
            add(VersionReaders.ini(String(decoding: bytes, as: UTF8.self), section: "metadata", key: "name")?.text)
        }
        if let bytes = contents["setup.py"] {
            add(VersionReaders.pythonKeyword(String(decoding: bytes, as: UTF8.self), name: "name").found.first?.text)
        }
        return names
    }

    /// Whether the commit declares any version.
    package var isEmpty: Bool { readings.isEmpty }

    /// The version every reading agrees on (normalised: `v` and PEP 440 spellings count as
    /// their SemVer meaning, build metadata included), or nil when there are none, one does not
    /// parse, or they disagree.
    package var agreedVersion: SemanticVersion? {
        var result: SemanticVersion?
        for reading in readings {
            guard let version = reading.version else { return nil }
            if let result, !result.isIdentical(to: version) { return nil }
            result = version
        }
        return result
    }
}
