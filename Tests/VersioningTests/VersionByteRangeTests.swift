import Testing
import ShipshapeDiagnostics
import ShipshapePatterns
import ShipshapeVersioning

/// Every reader returns the byte range of the version as written, so that `shipshape release`
/// can edit a version file by replacing exactly those bytes: each case replaces the range with
/// another version, reads the file again, and checks that nothing else changed.
@Suite struct VersionByteRangeTests {
    /// Replaces the reading's range with `replacement`, checks that only those bytes changed and
    /// that the file now reads as the replacement; returns the new bytes.
    @discardableResult
    func expectLosslessReplacement(
        _ kind: KnownVersionFile, _ text: String, expected: String, replacement: String = "9.8.7",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [UInt8] {
        let bytes = Array(text.utf8)
        let reading = try #require(kind.read(bytes, path: kind.rawValue), sourceLocation: sourceLocation)
        #expect(reading.text == expected, sourceLocation: sourceLocation)
        let range = try #require(reading.byteRange, sourceLocation: sourceLocation)
        #expect(String(decoding: bytes[range], as: UTF8.self) == expected, sourceLocation: sourceLocation)
        var edited = bytes
        edited.replaceSubrange(range, with: Array(replacement.utf8))
        #expect(Array(edited[..<range.lowerBound]) == Array(bytes[..<range.lowerBound]), sourceLocation: sourceLocation)
        #expect(Array(edited[(range.lowerBound + replacement.utf8.count)...]) == Array(bytes[range.upperBound...]), sourceLocation: sourceLocation)
        let again = try #require(kind.read(edited, path: kind.rawValue), sourceLocation: sourceLocation)
        #expect(again.text == replacement, sourceLocation: sourceLocation)
        #expect(again.line == reading.line && again.column == reading.column, sourceLocation: sourceLocation)
        return edited
    }

    @Test func versionFile() throws {
        try expectLosslessReplacement(.versionFile, "\n  1.2.0  \r\n", expected: "1.2.0")
        try expectLosslessReplacement(.versionFile, "\u{FEFF}1.2.0\n", expected: "1.2.0")
        let reading = try #require(KnownVersionFile.versionFile.read(Array("\u{FEFF}1.2.0\n".utf8), path: "VERSION"))
        #expect(reading.column == 1 && reading.byteRange == 3..<8)
    }

    @Test func packageJSON() throws {
        try expectLosslessReplacement(.packageJSON, "{\r\n  \"name\": \"caf\u{E9}\",\r\n  \"version\": \"1.2.0\"\r\n}", expected: "1.2.0")
    }

    @Test func pyprojectAndCargo() throws {
        try expectLosslessReplacement(.pyproject, "[project]\nname = \"d\"\nversion = '1.2.0rc1'  # x\n", expected: "1.2.0rc1")
        try expectLosslessReplacement(.pyproject, "[tool.poetry]\nversion = \"2.0.0\"\n", expected: "2.0.0")
        try expectLosslessReplacement(.cargo, "[package]\nname = \"d\"\nversion = \"0.3.1\"\n[dependencies]\nserde = { version = \"1.0\" }\n", expected: "0.3.1")
    }

    @Test func setupPyAndSetupCfg() throws {
        try expectLosslessReplacement(.setupPy, "from setuptools import setup\nsetup(\n    name=\"d\",\n    version=\"1.4.2\",\n)\n", expected: "1.4.2")
        // Through a module-level constant: the constant's literal is what to edit.
        let text = "VERSION = \"1.4.2\"\nsetup(name=\"d\", version=VERSION)\n"
        let edited = try expectLosslessReplacement(.setupPy, text, expected: "1.4.2")
        #expect(String(decoding: edited, as: UTF8.self) == "VERSION = \"9.8.7\"\nsetup(name=\"d\", version=VERSION)\n")
        try expectLosslessReplacement(.setupCfg, "[metadata]\nname = d\nversion = 1.0.1  \n", expected: "1.0.1")
        try expectLosslessReplacement(.setupCfg, "[metadata]\nversion = \"1.0.1\"\n", expected: "1.0.1")
    }

    @Test func pythonModule() throws {
        try expectLosslessReplacement(.pythonModule, "\"\"\"Doc.\"\"\"\n__version__: str = '2.1.0'\n", expected: "2.1.0")
        // setuptools-scm's _version.py.
        let scm = "version: str\n__version__ = version = '8.1.2.dev3'\n__version_tuple__ = version_tuple = (8, 1, 2, 'dev3')\n"
        try expectLosslessReplacement(.pythonModule, scm, expected: "8.1.2.dev3")
    }

    @Test func dockerfile() throws {
        try expectLosslessReplacement(.dockerfile, "FROM alpine\nLABEL maintainer=\"x\" \\\n      version=\"1.2.0\" description=\"y\"\n", expected: "1.2.0")
        try expectLosslessReplacement(.dockerfile, "LABEL version=1.2.0\n", expected: "1.2.0")
        // Through the ARG default: the default is what to edit.
        let text = "FROM alpine\nARG VERSION=1.5.0\nLABEL version=\"${VERSION}\"\n"
        let edited = try expectLosslessReplacement(.dockerfile, text, expected: "1.5.0")
        #expect(String(decoding: edited, as: UTF8.self) == "FROM alpine\nARG VERSION=9.8.7\nLABEL version=\"${VERSION}\"\n")
        try expectLosslessReplacement(.dockerfile, "ARG VERSION\nLABEL version=${VERSION:-1.5.0}\n", expected: "1.5.0")
        try expectLosslessReplacement(.dockerfile, "ENV APP_VERSION 2.0.0\nLABEL version=$APP_VERSION\n", expected: "2.0.0")
    }

    @Test func chartAndPom() throws {
        try expectLosslessReplacement(.chart, "apiVersion: v2\nversion: 0.4.0 # chart\n", expected: "0.4.0")
        try expectLosslessReplacement(.chart, "version: \"0.4.0\"\n", expected: "0.4.0")
        try expectLosslessReplacement(.pom, "<project>\n  <parent><version>9</version></parent>\n  <version>\n    1.5.0\n  </version>\n</project>\n", expected: "1.5.0")
    }

    @Test func explicitSources() throws {
        let source = ExplicitVersionSource(path: "deploy/app.env", pattern: try Pattern(#"APP_VERSION=(?<version>\S+)"#))
        let bytes = Array("# caf\u{E9}\nAPP_VERSION=1.2.0\nOTHER=1\n".utf8)
        let reading = try #require(try source.read(bytes).first)
        let range = try #require(reading.byteRange)
        var edited = bytes
        edited.replaceSubrange(range, with: Array("9.8.7".utf8))
        #expect(String(decoding: edited, as: UTF8.self) == "# caf\u{E9}\nAPP_VERSION=9.8.7\nOTHER=1\n")
    }

    @Test func aFileThatIsNotUTF8HasNoRange() {
        let reading = KnownVersionFile.versionFile.read([0xFF, 0x0A, 0x31, 0x2E, 0x30, 0x2E, 0x30], path: "VERSION")
        #expect(reading?.byteRange == nil)
    }
}

/// Disagreement and unreadable forms inside one file (issue 14, item 12; issue 13).
@Suite struct VersionFileFormTests {
    func readAll(_ kind: KnownVersionFile, _ text: String) -> (readings: [VersionReading], problems: [VersioningError]) {
        kind.readAll(Array(text.utf8), path: kind.rawValue)
    }

    @Test func bothPyprojectTablesAreReadings() {
        let file = readAll(.pyproject, "[project]\nversion = \"1.0.0\"\n\n[tool.poetry]\nversion = \"2.0.0\"\n")
        #expect(file.readings.map(\.text) == ["1.0.0", "2.0.0"])
        #expect(file.readings.map(\.location) == ["pyproject.toml:2:12", "pyproject.toml:5:12"])
        let snapshot = VersionSnapshot(readings: file.readings)
        #expect(snapshot.agreedVersion == nil)
    }

    @Test func aDuplicatePackageJSONKeyTakesTheLastLikeNpm() {
        #expect(readAll(.packageJSON, "{\"version\": \"1.0.0\", \"name\": \"x\", \"version\": \"2.0.0\"}").readings.map(\.text) == ["2.0.0"])
    }

    @Test func setupPyNamesAreFollowedOrReported() {
        #expect(readAll(.setupPy, "VERSION = \"2.0.0\"\nsetup(version=VERSION)\n").readings.map(\.text) == ["2.0.0"])
        #expect(readAll(.setupPy, "__version__ = version = \"2.0.0\"\nsetup(version=__version__)\n").readings.map(\.text) == ["2.0.0"])
        // Imported from a module (read where it is) or computed at run time: not a reading here.
        #expect(readAll(.setupPy, "from demo import __version__\nsetup(version=__version__)\n") .readings.isEmpty)
        #expect(readAll(.setupPy, "from demo import __version__\nsetup(version=__version__)\n").problems.isEmpty)
        #expect(readAll(.setupPy, "setup(version=get_version())\n").problems.isEmpty)
        // A name from nowhere (exec'd from another file) is reported with its place.
        let unknown = readAll(.setupPy, "exec(open('v.py').read())\nsetup(\n    version=__version__,\n)\n")
        #expect(unknown.readings.isEmpty)
        #expect(unknown.problems.count == 1)
        #expect(unknown.problems.first?.description.hasPrefix("setup.py:3:13: the version version=__version__ cannot be read") == true)
    }

    @Test func dockerfileVariablesWithoutADefaultAreReported() {
        let noDefault = readAll(.dockerfile, "FROM alpine\nARG VERSION\nLABEL version=\"${VERSION}\"\n")
        #expect(noDefault.readings.isEmpty)
        #expect(noDefault.problems.first?.description.contains("Dockerfile:3:16") == true)
        #expect(noDefault.problems.first?.description.contains("ARG VERSION has no default") == true)
        let undeclared = readAll(.dockerfile, "LABEL version=$V\n")
        #expect(undeclared.problems.first?.description.contains("not declared") == true)
        let mixed = readAll(.dockerfile, "ARG V=1.0.0\nLABEL version=v${V}-slim\n")
        #expect(mixed.readings.isEmpty && mixed.problems.count == 1)
        // The latest ARG before the label counts.
        #expect(readAll(.dockerfile, "ARG V=1.0.0\nARG V=1.1.0\nLABEL version=$V\n").readings.map(\.text) == ["1.1.0"])
        // Both label keys are readings, which must agree.
        let two = readAll(.dockerfile, "LABEL version=1.0.0 org.opencontainers.image.version=1.0.1\n")
        #expect(two.readings.map(\.text) == ["1.0.0", "1.0.1"])
    }

    @Test func snapshotsCollectTheProblems() {
        let files = ["VERSION": "1.0.0\n", "Dockerfile": "ARG VERSION\nLABEL version=$VERSION\n"]
        let snapshot = VersionSnapshot.collect(settings: VersionSettings()) { (path: String) -> [UInt8]? in files[path].map { Array($0.utf8) } }
        #expect(snapshot.readings.map(\.path) == ["VERSION"])
        #expect(snapshot.sourceErrors.count == 1)
        let findings = VersionChecks.agreement(snapshot, commit: "abc1234")
        #expect(findings.count == 1 && findings[0].message.contains("Dockerfile:2:15"))
    }
}
