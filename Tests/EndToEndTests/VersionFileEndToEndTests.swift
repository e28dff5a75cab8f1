import Foundation
import Testing
import ShipshapeTestSupport

/// Version files read as committed (issue 14 item 12, issue 13's version files), each checked
/// with `shipshape check` in a real repository.
@Suite struct VersionFileEndToEndTests {
    let bin = productsDirectory()

    /// Commits the files (path → contents) and runs `shipshape check`.
    func check(_ files: [String: String], links: [String: String] = [:]) throws -> ProcessResult {
        let sandbox = try GitSandbox()
        for (path, contents) in files { try sandbox.write(path, contents) }
        for (path, target) in links {
            try FileManager.default.createDirectory(atPath: (sandbox.path(path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: sandbox.path(path), withDestinationPath: target)
        }
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "chore: version files")
        return try sandbox.run(bin + "/shipshape", ["check"])
    }

    @Test func aSymlinkedVersionFileIsReadThroughItsTarget() throws {
        let agree = try check(["packaging/VERSION": "1.2.0\n", "package.json": "{\"version\": \"1.2.0\"}\n"], links: ["VERSION": "packaging/VERSION"])
        #expect(agree.status == 0, "\(agree)")
        #expect(agree.stdout.contains("version 1.2.0"), "\(agree)")
        let disagree = try check(["packaging/VERSION": "1.2.0\n", "package.json": "{\"version\": \"1.3.0\"}\n"], links: ["VERSION": "packaging/VERSION"])
        #expect(disagree.status == 1, "\(disagree)")
        #expect(!disagree.stderr.contains("packaging/VERSION\" is not"), "\(disagree)")
        let outside = try check(["package.json": "{\"version\": \"1.3.0\"}\n"], links: ["VERSION": "../VERSION"])
        #expect(outside.status == 2, "\(outside)")
        #expect(outside.stderr.contains("VERSION is a symbolic link to ../VERSION, which leads outside the repository"), "\(outside)")
    }

    @Test func twoTablesOfOnePyprojectMustAgree() throws {
        let result = try check(["pyproject.toml": "[project]\nname = \"demo\"\nversion = \"1.0.0\"\n\n[tool.poetry]\nversion = \"2.0.0\"\n"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("pyproject.toml:6:12") || result.stderr.contains("pyproject.toml:6:12") || (result.stdout + result.stderr).contains("pyproject.toml:3:12"), "\(result)")
    }

    @Test func aDuplicatePackageJSONVersionCountsAsNpmReadsIt() throws {
        let result = try check(["package.json": "{\"version\": \"1.0.0\", \"name\": \"x\", \"version\": \"2.0.0\"}\n", "VERSION": "2.0.0\n"])
        #expect(result.status == 0, "\(result)")
    }

    @Test func setupPyVersionNamesAndSetuptoolsScmAreRead() throws {
        let named = try check(["setup.py": "from setuptools import setup\nVERSION = \"2.0.0\"\nsetup(name=\"demo\", version=VERSION)\n", "VERSION": "1.0.0\n"])
        #expect(named.status == 1, "\(named)")
        #expect((named.stdout + named.stderr).contains("setup.py:2 holds 2.0.0"), "\(named)")
        let unknown = try check(["setup.py": "exec(open('demo/v.py').read())\nsetup(name=\"demo\", version=__version__)\n", "VERSION": "1.0.0\n"])
        #expect(unknown.status == 1, "\(unknown)")
        #expect((unknown.stdout + unknown.stderr).contains("setup.py:2:28"), "\(unknown)")
        let scm = try check([
            "pyproject.toml": "[project]\nname = \"demo\"\ndynamic = [\"version\"]\n",
            "src/demo/_version.py": "version: str\n__version__ = version = '2.0.0'\n", "VERSION": "1.0.0\n",
        ])
        #expect(scm.status == 1, "\(scm)")
        #expect((scm.stdout + scm.stderr).contains("src/demo/_version.py:2 holds 2.0.0"), "\(scm)")
    }

    @Test func aDockerfileLabelIsReadThroughItsArgDefault() throws {
        let agree = try check(["Dockerfile": "FROM alpine\nARG VERSION=1.5.0\nLABEL version=\"${VERSION}\"\n", "VERSION": "1.5.0\n"])
        #expect(agree.status == 0, "\(agree)")
        #expect(agree.stdout.contains("Dockerfile"), "\(agree)")
        let disagree = try check(["Dockerfile": "FROM alpine\nARG VERSION=1.4.0\nLABEL version=\"${VERSION}\"\n", "VERSION": "1.5.0\n"])
        #expect(disagree.status == 1, "\(disagree)")
        #expect((disagree.stdout + disagree.stderr).contains("Dockerfile:2:13"), "\(disagree)")
        let unresolved = try check(["Dockerfile": "FROM alpine\nARG VERSION\nLABEL version=\"${VERSION}\"\n", "VERSION": "1.5.0\n"])
        #expect(unresolved.status == 1, "\(unresolved)")
        #expect((unresolved.stdout + unresolved.stderr).contains("Dockerfile:3:16"), "\(unresolved)")
        #expect((unresolved.stdout + unresolved.stderr).contains("ARG VERSION has no default"), "\(unresolved)")
    }

    @Test func pep440PostAndDevReleasesHaveAMeaning() throws {
        let dev = try check(["pyproject.toml": "[project]\nname = \"demo\"\nversion = \"1.1.0.dev2\"\n", "package.json": "{\"version\": \"1.1.0-dev.2\"}\n"])
        #expect(dev.status == 0, "\(dev)")
        let post = try check(["pyproject.toml": "[project]\nname = \"demo\"\nversion = \"1.1.0.post1\"\n", "package.json": "{\"version\": \"1.1.0+post.1\"}\n"])
        #expect(post.status == 0, "\(post)")
        let apart = try check(["pyproject.toml": "[project]\nname = \"demo\"\nversion = \"1.1.0.post1\"\n", "VERSION": "1.1.0\n"])
        #expect(apart.status == 1, "\(apart)")
        #expect((apart.stdout + apart.stderr).contains("1.1.0.post1"), "\(apart)")
        #expect(!(apart.stdout + apart.stderr).contains("not valid"), "\(apart)")
        let epoch = try check(["pyproject.toml": "[project]\nname = \"demo\"\nversion = \"1!1.1.0\"\n"])
        #expect(epoch.status == 1, "\(epoch)")
        #expect((epoch.stdout + epoch.stderr).contains("epoch 1! has no SemVer 2.0.0 equivalent"), "\(epoch)")
    }
}
