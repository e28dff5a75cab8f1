package import ShipshapePatterns

/// A version found in a file: where it is and how it is written.
package struct VersionReading: Sendable, Hashable {
    /// The file, relative to the repository root (`package.json`, `src/pkg/__init__.py`).
    package var path: String
    /// The version exactly as written (quotes removed), e.g. `1.2.0rc1` or `v1.2.0`.
    package var text: String
    /// 1-based line of the version in the file.
    package var line: Int
    /// 1-based column (in characters) of the version's first character.
    package var column: Int
    /// The UTF-8 byte range of the version as written in the file (inside quotes; for a
    /// Dockerfile label read through `ARG VERSION=…`, the ARG's default): replacing exactly these
    /// bytes with another version edits the file losslessly. Nil when the file is not valid
    /// UTF-8 (offsets in it would be wrong).
    package var byteRange: Range<Int>?

    /// Creates a reading.
    package init(path: String, text: String, line: Int, column: Int, byteRange: Range<Int>? = nil) {
        self.path = path
        self.text = text
        self.line = line
        self.column = column
        self.byteRange = byteRange
    }

    /// `path:line:column`, for messages.
    package var location: String { "\(path):\(line):\(column)" }

    /// The version read leniently (leading `v`, PEP 440), or nil when it is not a version.
    package var version: SemanticVersion? { SemanticVersion.lenient(text) }
}

/// A kind of file Shipshape knows how to read a version from by its structure.
package enum KnownVersionFile: String, Sendable, Hashable, CaseIterable {
    /// A plain `VERSION` file: its first non-empty line.
    case versionFile = "VERSION"
    /// `package.json`: the top-level `"version"` member.
    case packageJSON = "package.json"
    /// `pyproject.toml`: `[project] version`, else `[tool.poetry] version`.
    case pyproject = "pyproject.toml"
    /// `Cargo.toml`: `[package] version`, else `[workspace.package] version`.
    case cargo = "Cargo.toml"
    /// `setup.py`: a `version=` keyword argument with a string literal.
    case setupPy = "setup.py"
    /// `setup.cfg`: `[metadata] version`.
    case setupCfg = "setup.cfg"
    /// `__init__.py` / `_version.py`: a module-level `__version__ = "..."`.
    case pythonModule = "__init__.py"
    /// `Dockerfile`: `LABEL version=...` (or `org.opencontainers.image.version=...`).
    case dockerfile = "Dockerfile"
    /// Helm's `Chart.yaml`: the top-level `version:`.
    case chart = "Chart.yaml"
    /// Maven's `pom.xml`: the `<version>` directly inside `<project>`.
    case pom = "pom.xml"

    /// The kind a path names by its file name, or nil for a file we do not know.
    ///
    /// - Parameter path: a path relative to the repository root.
    /// - Returns: the kind (`_version.py` and `__init__.py` are both `.pythonModule`).
    package static func kind(ofPath path: String) -> KnownVersionFile? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name == "_version.py" || name == "__init__.py" { return .pythonModule }
        return KnownVersionFile(rawValue: name)
    }

    /// Reads the version of a file of this kind (the first, when it declares several).
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: the file's path, used in the reading.
    /// - Returns: the reading, or nil when the file declares no literal version (e.g. a
    ///   `pyproject.toml` with `dynamic = ["version"]`, a `setup.py` with `version=get_version()`);
    ///   an empty `VERSION` file reads as the empty (invalid) version.
    package func read(_ bytes: [UInt8], path: String) -> VersionReading? {
        readAll(bytes, path: path).readings.first
    }

    /// Reads every version a file of this kind declares, and the declarations it cannot read.
    ///
    /// A file may declare its version in more than one place — `[project]` and
    /// `[tool.poetry]` in one `pyproject.toml`, two `LABEL` keys in a `Dockerfile` — and each is
    /// a reading: a disagreement inside one file is a disagreement. A declaration that exists
    /// but cannot be read (`setup(version=VERSION)` with `VERSION` defined nowhere in the file, a
    /// `LABEL version=$VERSION` whose `ARG` has no default) is a `VersioningError` naming the
    /// file and line, never a silent skip.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: the file's path, used in the readings and errors.
    /// - Returns: the readings (with byte ranges) and the unreadable declarations.
    package func readAll(_ bytes: [UInt8], path: String) -> (readings: [VersionReading], problems: [VersioningError]) {
        let valid = String(validating: bytes, as: UTF8.self)
        let text = valid ?? String(decoding: bytes, as: UTF8.self)
        let scan: VersionReaders.Scan
        switch self {
        case .versionFile: scan = .init(VersionReaders.plain(text))
        case .packageJSON: scan = .init(VersionReaders.jsonTopLevel(text, key: "version"))
        case .pyproject: scan = .init(found: VersionReaders.tomlAll(text, keys: [["project", "version"], ["tool", "poetry", "version"]]))
        case .cargo: scan = .init(VersionReaders.toml(text, keys: [["package", "version"], ["workspace", "package", "version"]]))
        case .setupPy: scan = VersionReaders.pythonKeyword(text, name: "version")
        case .setupCfg: scan = .init(VersionReaders.ini(text, section: "metadata", key: "version"))
        case .pythonModule: scan = VersionReaders.pythonAssignment(text, name: "__version__")
        case .dockerfile: scan = VersionReaders.dockerLabel(text, keys: ["version", "org.opencontainers.image.version"])
        case .chart: scan = .init(VersionReaders.yamlTopLevel(text, key: "version"))
        case .pom: scan = .init(VersionReaders.pomProjectVersion(text))
        }
        let utf8 = Array(text.utf8)
        var readings: [VersionReading] = []
        for found in scan.found where !found.text.isEmpty {
            let (line, column) = lineAndColumn(of: found.range.lowerBound, in: utf8)
            readings.append(VersionReading(path: path, text: found.text, line: line, column: column, byteRange: valid == nil ? nil : found.range))
        }
        // A VERSION file exists only to hold the version: an empty one is an invalid version
        // to report, not a file to skip.
        if readings.isEmpty && self == .versionFile {
            readings.append(VersionReading(path: path, text: "", line: 1, column: 1, byteRange: valid == nil ? nil : 0..<0))
        }
        let problems = scan.unreadable.map { problem -> VersioningError in
            let (line, column) = lineAndColumn(of: problem.offset, in: utf8)
            return .unreadableVersion(path: path, line: line, column: column, form: problem.form, reason: problem.reason)
        }
        return (readings, problems)
    }
}

/// A version file named in configuration: a path and a PCRE2 pattern whose named group
/// `version` captures the version.
package struct ExplicitVersionSource: Sendable {
    /// The file, relative to the repository root.
    package var path: String
    /// The pattern; must have a named group `version`.
    package var pattern: Pattern
    /// Whether the pattern may match several times (every match is then a reading, and they
    /// must agree like separate files).
    package var allowsSeveralMatches: Bool

    /// Creates a source.
    ///
    /// - Parameters:
    ///   - path: the file, relative to the repository root.
    ///   - pattern: a pattern with a named group `version`.
    ///   - allowsSeveralMatches: accept more than one match.
    package init(path: String, pattern: Pattern, allowsSeveralMatches: Bool = false) {
        self.path = path
        self.pattern = pattern
        self.allowsSeveralMatches = allowsSeveralMatches
    }

    /// Reads the version(s) from the file's contents.
    ///
    /// - Parameter bytes: the file's contents, or nil when the file does not exist.
    /// - Returns: one reading per match (one unless `allowsSeveralMatches`).
    /// - Throws: `VersioningError` naming the file: `.sourceMissing`, `.noMatch`,
    ///   `.severalMatches`, `.missingVersionGroup`, `.pattern`.
    package func read(_ bytes: [UInt8]?) throws(VersioningError) -> [VersionReading] {
        guard let bytes else { throw .sourceMissing(path: path) }
        guard pattern.groupNames["version"] != nil else {
            throw .missingVersionGroup(path: path, pattern: pattern.source)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let matches: [PatternMatch]
        do { matches = try pattern.allMatches(in: text) } catch { throw .pattern(path: path, error) }
        var readings: [VersionReading] = []
        let utf8 = Array(text.utf8)
        for match in matches {
            guard let range = match.range(named: "version"), let value = match.group(named: "version") else { continue }
            let (line, column) = lineAndColumn(of: range.lowerBound, in: utf8)
            let valid = String(validating: bytes, as: UTF8.self) != nil
            readings.append(VersionReading(path: path, text: value, line: line, column: column, byteRange: valid ? range : nil))
        }
        if readings.isEmpty { throw .noMatch(path: path, pattern: pattern.source) }
        if readings.count > 1 && !allowsSeveralMatches {
            throw .severalMatches(path: path, pattern: pattern.source, lines: readings.map(\.line))
        }
        return readings
    }
}

/// 1-based line and character column of a UTF-8 byte offset (a byte-order mark at the start
/// of the file takes no column).
func lineAndColumn(of offset: Int, in utf8: [UInt8]) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    let end = min(offset, utf8.count)
    for i in 0..<end where utf8[i] == 0x0A {
        line += 1
        lineStart = i + 1
    }
    if lineStart == 0 && end >= 3 && utf8.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = 3 }
    let column = String(decoding: utf8[lineStart..<end], as: UTF8.self).count + 1
    return (line, column)
}
