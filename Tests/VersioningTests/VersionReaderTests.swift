import Testing
import ShipshapePatterns
import ShipshapeVersioning

@Suite struct VersionReaderTests {
    func read(_ kind: KnownVersionFile, _ text: String, path: String? = nil) -> VersionReading? {
        kind.read(Array(text.utf8), path: path ?? kind.rawValue)
    }

    @Test func versionFile() {
        let r = read(.versionFile, "\n  1.2.0  \n")
        #expect(r?.text == "1.2.0" && r?.line == 2 && r?.column == 3)
    }

    @Test func anEmptyVersionFileReadsAsTheEmptyVersionNotAsNoFile() {
        for text in ["", "\n", "  \n\n"] {
            let r = read(.versionFile, text)
            #expect(r?.text == "" && r?.line == 1 && r?.column == 1)
        }
        // Other files may legitimately declare no version (dynamic versions, no LABEL).
        #expect(read(.dockerfile, "FROM alpine\n") == nil)
    }

    @Test func packageJSONReadsOnlyTheTopLevelMember() {
        let text = """
            {
              "name": "demo",
              "dependencies": { "x": { "version": "9.9.9" } },
              "config": { "version": "8.8.8" },
              "description": "\\"version\\": \\"7.7.7\\"",
              "version": "1.2.0"
            }
            """
        let r = read(.packageJSON, text)
        #expect(r?.text == "1.2.0")
        #expect(r?.line == 6 && r?.column == 15)
        #expect(read(.packageJSON, "{\"name\": \"x\", \"deps\": {\"version\": \"1.0.0\"}}") == nil)
    }

    @Test func pyprojectReadsTheTablePathNeverAPin() {
        let text = """
            [tool.poetry.dependencies]
            requests = { version = "1.2" }
            version = "0.0.1"

            [project]
            name = "demo"
            description = \"\"\"
            version = "6.6.6"
            \"\"\"
            dependencies = [
              "version==5",
            ]
            version = "1.2.0rc1"  # the release
            """
        let r = read(.pyproject, text)
        #expect(r?.text == "1.2.0rc1" && r?.line == 13 && r?.column == 12)
        #expect(read(.pyproject, "[tool.poetry]\nversion = '2.0.0'\n")?.text == "2.0.0")
        #expect(read(.pyproject, "[project]\ndynamic = [\"version\"]\n") == nil)
        #expect(read(.pyproject, "[tool.poetry.dependencies]\nrequests = { version = \"1.2\" }\n") == nil)
    }

    @Test func cargoReadsThePackageTable() {
        let text = """
            [package]
            name = "demo"
            version = "0.3.1"

            [dependencies]
            serde = { version = "1.0" }

            [dependencies.rand]
            version = "0.8"
            """
        #expect(read(.cargo, text)?.text == "0.3.1")
        #expect(read(.cargo, "[dependencies.rand]\nversion = \"0.8\"\n") == nil)
        #expect(read(.cargo, "[workspace.package]\nversion = \"4.0.0\"\n")?.text == "4.0.0")
        #expect(read(.cargo, "package.version = \"1.0.0\"\n")?.text == "1.0.0")
    }

    @Test func setupPyReadsTheKeywordArgument() {
        let text = """
            # version="0.0.0" in a comment
            from setuptools import setup
            setup(
                name="demo",
                python_version="3",
                version="1.4.2",
            )
            """
        let r = read(.setupPy, text)
        #expect(r?.text == "1.4.2" && r?.line == 6)
        #expect(read(.setupPy, "setup(version=__version__)\n") == nil)
    }

    @Test func setupCfgReadsTheMetadataSection() {
        #expect(read(.setupCfg, "[options]\nversion = 9\n[metadata]\nname = x\nversion = 1.0.1\n")?.text == "1.0.1")
        #expect(read(.setupCfg, "[metadata]\nversion = attr: demo.__version__\n") == nil)
    }

    @Test func pythonModuleReadsTheModuleLevelAssignment() {
        let text = """
            \"\"\"Docs.
            __version__ = "0.0.0"
            \"\"\"
            def f():
                __version__ = "9.9.9"
            __version__: str = '2.1.0'
            """
        let r = read(.pythonModule, text, path: "src/demo/__init__.py")
        #expect(r?.text == "2.1.0" && r?.line == 6 && r?.column == 21)
        #expect(read(.pythonModule, "__version__ = version('demo')\n") == nil)
    }

    @Test func dockerfileReadsTheLabel() {
        let text = """
            FROM alpine
            LABEL maintainer="x" \\
                  version="1.2.0" description="y"
            """
        let r = read(.dockerfile, text)
        #expect(r?.text == "1.2.0" && r?.line == 3 && r?.column == 16)
        #expect(read(.dockerfile, "LABEL org.opencontainers.image.version=3.0.0\n")?.text == "3.0.0")
        #expect(read(.dockerfile, "ARG V\nLABEL version=$V\n") == nil)
    }

    @Test func chartReadsTheTopLevelKey() {
        #expect(read(.chart, "apiVersion: v2\nappVersion: \"9.9.9\"\nversion: 0.4.0 # chart\n")?.text == "0.4.0")
        #expect(read(.chart, "dependencies:\n  - name: x\n    version: 1.0.0\n") == nil)
    }

    @Test func pomReadsTheProjectVersion() {
        let text = """
            <?xml version="1.0"?>
            <project>
              <!-- <version>0.0.0</version> -->
              <parent><groupId>g</groupId><version>9.9.9</version></parent>
              <dependencies><dependency><version>8.8.8</version></dependency></dependencies>
              <version>
                1.5.0
              </version>
            </project>
            """
        let r = read(.pom, text)
        #expect(r?.text == "1.5.0" && r?.line == 7 && r?.column == 5)
        #expect(read(.pom, "<project><version>${revision}</version></project>") == nil)
    }

    @Test func explicitSources() throws {
        let pattern = try Pattern(#"LABEL version="(?<version>[^"]+)""#)
        let source = ExplicitVersionSource(path: "deploy/Dockerfile", pattern: pattern)
        let readings = try source.read(Array("FROM x\nLABEL version=\"1.2.0\"\n".utf8))
        #expect(readings.map(\.location) == ["deploy/Dockerfile:2:16"])
        #expect(throws: VersioningError.sourceMissing(path: "deploy/Dockerfile")) { try source.read(nil) }
        #expect(throws: VersioningError.noMatch(path: "deploy/Dockerfile", pattern: pattern.source)) { try source.read(Array("FROM x\n".utf8)) }
        let twice = Array("LABEL version=\"1\"\nLABEL version=\"2\"\n".utf8)
        #expect(throws: VersioningError.severalMatches(path: "deploy/Dockerfile", pattern: pattern.source, lines: [1, 2])) { try source.read(twice) }
        #expect(try ExplicitVersionSource(path: "d", pattern: pattern, allowsSeveralMatches: true).read(twice).count == 2)
        let noGroup = ExplicitVersionSource(path: "d", pattern: try Pattern("version"))
        #expect(throws: VersioningError.missingVersionGroup(path: "d", pattern: "version")) { try noGroup.read([]) }
        #expect(VersioningError.sourceMissing(path: "deploy/Dockerfile").description.contains("deploy/Dockerfile"))
    }

    @Test func snapshotAutoDetectsPythonModulesFromTheDistributionName() throws {
        let files: [String: String] = [
            "VERSION": "1.0.0\n",
            "pyproject.toml": "[project]\nname = \"Demo-Pkg\"\nversion = \"1.0.0\"\n",
            "src/demo_pkg/__init__.py": "__version__ = \"1.0.0\"\n",
            "README.md": "version 9\n",
        ]
        let snapshot = VersionSnapshot.collect(settings: VersionSettings()) { (path: String) -> [UInt8]? in
            files[path].map { Array($0.utf8) }
        }
        #expect(snapshot.readings.map(\.path) == ["VERSION", "pyproject.toml", "src/demo_pkg/__init__.py"])
        #expect(snapshot.agreedVersion?.description == "1.0.0")
    }

    /// The import package's name differs from the distribution's (`scikit-learn` → `sklearn`,
    /// or DESIGN's `src/pkg/`): every package directory under `src/` is looked at.
    @Test func snapshotFindsPythonModulesUnderSrcWhoseNameDiffersFromTheDistribution() throws {
        var files: [String: String] = [
            "pyproject.toml": "[project]\nname = \"x\"\nversion = \"1.0.0\"\n",
            "src/pkg/__init__.py": "__version__ = \"9.0.0\"\n",
            "src/sklearn/_version.py": "__version__ = \"1.0.0\"\n",
            "src/my-tool/__init__.py": "__version__ = \"7.0.0\"\n",
            "src/__pycache__/__init__.py": "__version__ = \"7.0.0\"\n",
        ]
        let directories = ["src": ["__pycache__", "my-tool", "pkg", "sklearn"]]
        func collect() -> VersionSnapshot {
            VersionSnapshot.collect(settings: VersionSettings()) { (path: String) -> [UInt8]? in
                files[path].map { Array($0.utf8) }
            } subdirectories: { directories[$0] }
        }
        var snapshot = collect()
        #expect(snapshot.readings.map(\.path) == ["pyproject.toml", "src/pkg/__init__.py", "src/sklearn/_version.py"])
        #expect(snapshot.agreedVersion == nil)
        files["src/pkg/__init__.py"] = "__version__ = \"1.0.0\"\n"
        snapshot = collect()
        #expect(snapshot.agreedVersion?.description == "1.0.0")
        // Not a Python project: `src/` is not searched.
        files["pyproject.toml"] = nil
        files["package.json"] = "{\"version\": \"1.0.0\"}"
        #expect(collect().readings.map(\.path) == ["package.json"])
    }
}
