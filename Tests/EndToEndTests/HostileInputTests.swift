import Foundation
import Testing
import ShipshapeTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// How one hostile case runs a program: which executable, its arguments, where, with what input.
struct HostileCommand {
    /// A product name (`commit-msg`, `shipshape`, ...) or `git`.
    var program: String
    /// The arguments after `argv[0]`.
    var arguments: [String]
    /// The working directory: relative to the sandbox's repository, or absolute; nil is the root.
    var directory: String? = nil
    /// Bytes on standard input.
    var stdin: [UInt8]? = nil
}

/// One entry of the catalogue of hostile or odd inputs.
struct HostileCase: CustomTestStringConvertible, Sendable {
    /// What the case tries, shown as the test case's name.
    let name: String
    /// Prepares the sandbox (files, commits, configuration) before the command runs.
    let setup: @Sendable (GitSandbox) throws -> Void
    /// The command under test.
    let command: @Sendable (GitSandbox) throws -> HostileCommand
    /// The exit statuses that are correct for this input.
    let expected: Set<Int32>
    /// Text the output (stdout + stderr) must contain when the status is not 0.
    let fragment: String?
    /// Seconds the run may take before it counts as a hang.
    let budget: Double

    init(
        _ name: String, expect expected: Set<Int32>, says fragment: String? = nil, within budget: Double = 20,
        setup: @escaping @Sendable (GitSandbox) throws -> Void = { _ in },
        command: @escaping @Sendable (GitSandbox) throws -> HostileCommand
    ) {
        self.name = name
        self.setup = setup
        self.command = command
        self.expected = expected
        self.fragment = fragment
        self.budget = budget
    }

    var testDescription: String { name }
}

// MARK: - Building blocks

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A repository with one conventional commit on `main`.
private func oneCommit(_ sandbox: GitSandbox) throws {
    try sandbox.commit(message: "chore: start")
}

/// A repository with a release tag and a couple of commits after it.
private func released(_ sandbox: GitSandbox) throws {
    try sandbox.commit(message: "chore: start")
    try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "v1.0.0")
    try sandbox.commit(message: "feat: add a thing")
    try sandbox.commit(message: "fix(core): mend a thing")
}

/// Writes `MSG` with raw bytes after making one commit.
private func message(_ contents: [UInt8]) -> @Sendable (GitSandbox) throws -> Void {
    { sandbox in
        try oneCommit(sandbox)
        try sandbox.write("MSG", bytes: contents)
    }
}

private let commitMsgOnMSG: @Sendable (GitSandbox) throws -> HostileCommand = { _ in
    HostileCommand(program: "commit-msg", arguments: ["MSG"])
}

private func sync(_ arguments: [String] = [], in directory: String? = nil) -> @Sendable (GitSandbox) throws -> HostileCommand {
    { _ in HostileCommand(program: "changelog-sync", arguments: arguments, directory: directory) }
}

private func shipshape(_ arguments: [String], in directory: String? = nil, stdin: [UInt8]? = nil)
    -> @Sendable (GitSandbox) throws -> HostileCommand
{
    { _ in HostileCommand(program: "shipshape", arguments: arguments, directory: directory, stdin: stdin) }
}

/// pre-push with the given standard input, as git would run it for `origin`.
private func prePush(_ stdin: @escaping @Sendable (GitSandbox) throws -> [UInt8], in directory: String? = nil)
    -> @Sendable (GitSandbox) throws -> HostileCommand
{
    { sandbox in
        HostileCommand(program: "pre-push", arguments: ["origin", sandbox.temporaryDirectory + "/remotes/origin.git"],
                       directory: directory, stdin: try stdin(sandbox))
    }
}

private let zeros = String(repeating: "0", count: 40)

private func head(_ sandbox: GitSandbox, in directory: String? = nil) throws -> String {
    try sandbox.gitOK(arguments: ["rev-parse", "HEAD"], in: directory).trimmedStdout
}

/// A configuration file and one commit.
private func config(_ toml: String, then more: @escaping @Sendable (GitSandbox) throws -> Void = oneCommit)
    -> @Sendable (GitSandbox) throws -> Void
{
    { sandbox in
        try sandbox.write(".shipshape.toml", toml)
        try more(sandbox)
    }
}

/// A released repository with the given version files (relative path → contents).
private func versionFiles(_ files: [String: [UInt8]]) -> @Sendable (GitSandbox) throws -> Void {
    { sandbox in
        for (path, contents) in files { try sandbox.write(path, bytes: contents) }
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "chore: version files")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "v1.0.0")
        try sandbox.commit(message: "fix: after the release")
    }
}

/// A released repository whose CHANGELOG.md holds the given bytes (committed).
private func changelog(_ contents: [UInt8]) -> @Sendable (GitSandbox) throws -> Void {
    { sandbox in
        try released(sandbox)
        try sandbox.write("CHANGELOG.md", bytes: contents)
    }
}

private let keepAChangelog = "# Changelog\n\nAll notable changes.\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-15\n\n### Added\n\n- the start\n"

/// A bare repository at `<tmp>/bare.git` with one commit pushed into it.
private func bareRepository(_ sandbox: GitSandbox) throws {
    try oneCommit(sandbox)
    try sandbox.gitOK(arguments: ["clone", "-q", "--bare", sandbox.root, sandbox.temporaryDirectory + "/bare.git"], in: sandbox.temporaryDirectory)
}

/// A SHA-256 repository in place of the sandbox's SHA-1 one, with one commit.
private func sha256Repository(_ sandbox: GitSandbox) throws {
    try FileManager.default.removeItem(atPath: sandbox.root + "/.git")
    try sandbox.gitOK("init", "-q", "--object-format=sha256", "-b", "main")
    try sandbox.commit(message: "chore: start")
}

/// A linked worktree at `<tmp>/wt` on branch `feature/linked`.
private func linkedWorktree(_ sandbox: GitSandbox) throws {
    try released(sandbox)
    try sandbox.gitOK("worktree", "add", "-q", "-b", "feature/linked", sandbox.temporaryDirectory + "/wt")
}

/// A submodule checked out at `sub/` of the sandbox repository.
private func submodule(_ sandbox: GitSandbox) throws {
    try oneCommit(sandbox)
    let sub = sandbox.temporaryDirectory + "/sub-origin"
    try sandbox.gitOK(arguments: ["init", "-q", "-b", "main", sub], in: sandbox.temporaryDirectory)
    try sandbox.gitOK(arguments: ["commit", "-q", "--allow-empty", "-m", "feat: in the submodule"], in: sub)
    try sandbox.gitOK("-c", "protocol.file.allow=always", "submodule", "-q", "add", sub, "sub")
    try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "chore: add submodule")
}

/// A shallow clone (depth 1) of a released repository at `<tmp>/shallow`.
private func shallowClone(_ sandbox: GitSandbox) throws {
    try released(sandbox)
    try sandbox.gitOK(arguments: ["clone", "-q", "--depth", "1", "file://" + sandbox.root, sandbox.temporaryDirectory + "/shallow"],
                      in: sandbox.temporaryDirectory)
}

/// A repository whose HEAD is detached at the previous commit.
private func detached(_ sandbox: GitSandbox) throws {
    try released(sandbox)
    try sandbox.gitOK("checkout", "-q", "--detach", "HEAD~1")
}

/// A repository with history whose HEAD is on a new, unborn orphan branch.
private func unborn(_ sandbox: GitSandbox) throws {
    try released(sandbox)
    try sandbox.gitOK("checkout", "-q", "--orphan", "feature/orphan")
}

// MARK: - The catalogue

private let messageCases: [HostileCase] = [
    // git aborts an empty message itself; the hook lets git say so (as commitlint does).
    HostileCase("commit-msg: empty message file", expect: [0], setup: message([]), command: commitMsgOnMSG),
    HostileCase("commit-msg: whitespace-only message", expect: [0], setup: message(bytes(" \n\t\n  \n")), command: commitMsgOnMSG),
    HostileCase("commit-msg: only comment lines", expect: [0], setup: message(bytes("# Please enter the commit message\n#\n")), command: commitMsgOnMSG),
    HostileCase("commit-msg: NUL bytes in the subject", expect: [1], says: "NUL",
                setup: message(bytes("feat: a") + [0] + bytes("b\n")), command: commitMsgOnMSG),
    HostileCase("commit-msg: NUL bytes in the body", expect: [1], says: "NUL",
                setup: message(bytes("feat: ab\n\nbody ") + [0, 0] + bytes("\n")), command: commitMsgOnMSG),
    HostileCase("commit-msg: invalid UTF-8 in the subject", expect: [1], says: "UTF-8",
                setup: message(bytes("feat: caf") + [0xC3, 0x28, 0xFF] + bytes("\n")), command: commitMsgOnMSG),
    HostileCase("commit-msg: 10 MiB message", expect: [0, 1],
                setup: message(bytes("feat: a huge body\n\n") + Array(repeating: bytes(String(repeating: "x", count: 79) + "\n"), count: 131_072).flatMap { $0 }),
                command: commitMsgOnMSG),
    HostileCase("commit-msg: 100,000-character header", expect: [1], says: "header-max-length",
                setup: message(bytes("feat: " + String(repeating: "y", count: 100_000) + "\n")), command: commitMsgOnMSG),
    HostileCase("commit-msg: 100,000-character body line", expect: [1], says: "body-max-line-length",
                setup: message(bytes("feat: long body\n\n" + String(repeating: "z", count: 100_000) + "\n")), command: commitMsgOnMSG),
    HostileCase("commit-msg: latin-1 message under i18n.commitEncoding", expect: [0],
                setup: { sandbox in
                    try oneCommit(sandbox)
                    try sandbox.gitOK("config", "i18n.commitEncoding", "ISO-8859-1")
                    try sandbox.write("MSG", bytes: bytes("fix: caf") + [0xE9] + bytes(" cr") + [0xE8] + bytes("me\n"))
                }, command: commitMsgOnMSG),
    HostileCase("commit-msg: unknown i18n.commitEncoding", expect: [0, 2], says: nil,
                setup: { sandbox in
                    try oneCommit(sandbox)
                    try sandbox.gitOK("config", "i18n.commitEncoding", "no-such-charset")
                    try sandbox.write("MSG", bytes: bytes("fix: plain ascii\n"))
                }, command: commitMsgOnMSG),
    HostileCase("commit-msg: CRLF line endings", expect: [0], setup: message(bytes("feat: crlf\r\n\r\nbody line\r\n")), command: commitMsgOnMSG),
    HostileCase("commit-msg: no trailing newline", expect: [0], setup: message(bytes("fix: no newline")), command: commitMsgOnMSG),
    HostileCase("commit-msg: UTF-8 byte-order mark", expect: [0, 1], setup: message([0xEF, 0xBB, 0xBF] + bytes("fix: bom\n")), command: commitMsgOnMSG),
    HostileCase("commit-msg: lone CR line breaks", expect: [0, 1], setup: message(bytes("fix: cr only\r\rbody\r")), command: commitMsgOnMSG),
    HostileCase("commit-msg: type with no subject", expect: [1], says: "subject-empty", setup: message(bytes("feat:\n")), command: commitMsgOnMSG),
    HostileCase("commit-msg: missing message file", expect: [2], says: "NOPE", setup: oneCommit,
                command: { _ in HostileCommand(program: "commit-msg", arguments: ["NOPE"]) }),
    HostileCase("commit-msg: message path is a directory", expect: [2], says: "dir", setup: { sandbox in
        try oneCommit(sandbox)
        try FileManager.default.createDirectory(atPath: sandbox.path("dir"), withIntermediateDirectories: true)
    }, command: { _ in HostileCommand(program: "commit-msg", arguments: ["dir"]) }),
    HostileCase("commit-msg: message file is /dev/zero", expect: [2], says: "too large", within: 15, setup: oneCommit,
                command: { _ in HostileCommand(program: "commit-msg", arguments: ["/dev/zero"]) }),
    HostileCase("shipshape: lint --message-file /dev/zero", expect: [2], says: "too large", within: 15,
                command: shipshape(["lint", "--message-file", "/dev/zero"])),
    HostileCase("commit-msg: message path with a trailing slash", expect: [2], says: "MSG/", setup: message(bytes("fix: x\n")),
                command: { _ in HostileCommand(program: "commit-msg", arguments: ["MSG/"]) }),
    HostileCase("commit-msg: no arguments", expect: [2], says: "usage", command: { _ in HostileCommand(program: "commit-msg", arguments: []) }),
    HostileCase("commit-msg: two arguments", expect: [2], says: "usage", setup: message(bytes("fix: x\n")),
                command: { _ in HostileCommand(program: "commit-msg", arguments: ["MSG", "MSG"]) }),
    HostileCase("commit-msg: empty-string argument", expect: [2], says: "usage", command: { _ in HostileCommand(program: "commit-msg", arguments: [""]) }),
    HostileCase("commit-msg: unknown option", expect: [2], says: "--bogus", setup: oneCommit,
                command: { _ in HostileCommand(program: "commit-msg", arguments: ["--bogus"]) }),
    HostileCase("commit-msg: empty repository", expect: [0], setup: { sandbox in try sandbox.write("MSG", "feat: first\n") }, command: commitMsgOnMSG),
    HostileCase("commit-msg: unborn branch", expect: [0], setup: { sandbox in
        try unborn(sandbox)
        try sandbox.write("MSG", "feat: first on the orphan\n")
    }, command: commitMsgOnMSG),
    HostileCase("commit-msg: detached HEAD", expect: [0], setup: { sandbox in
        try detached(sandbox)
        try sandbox.write("MSG", "fix: while detached\n")
    }, command: commitMsgOnMSG),
    HostileCase("commit-msg: bare repository", expect: [0, 2], says: "bare", setup: { sandbox in
        try bareRepository(sandbox)
        try sandbox.write(sandbox.temporaryDirectory + "/bare.git/MSG", "fix: in a bare repository\n")
    }, command: { sandbox in HostileCommand(program: "commit-msg", arguments: ["MSG"], directory: sandbox.temporaryDirectory + "/bare.git") }),
    HostileCase("commit-msg: outside any repository", expect: [0], setup: { sandbox in
        try sandbox.write(sandbox.temporaryDirectory + "/loose/MSG", "fix: no repository\n")
    }, command: { sandbox in HostileCommand(program: "commit-msg", arguments: ["MSG"], directory: sandbox.temporaryDirectory + "/loose") }),
    HostileCase("commit-msg: linked worktree", expect: [0], setup: { sandbox in
        try linkedWorktree(sandbox)
        try sandbox.write(sandbox.temporaryDirectory + "/wt/MSG", "feat: from the worktree\n")
    }, command: { sandbox in HostileCommand(program: "commit-msg", arguments: ["MSG"], directory: sandbox.temporaryDirectory + "/wt") }),
    HostileCase("commit-msg: submodule", expect: [0], setup: { sandbox in
        try submodule(sandbox)
        try sandbox.write("sub/MSG", "fix: inside the submodule\n")
    }, command: { _ in HostileCommand(program: "commit-msg", arguments: ["MSG"], directory: "sub") }),
    HostileCase("commit-msg: split index", expect: [0], setup: { sandbox in
        try oneCommit(sandbox)
        try sandbox.gitOK("config", "core.splitIndex", "true")
        try sandbox.gitOK("update-index", "--split-index")
        try sandbox.write("MSG", "fix: with a split index\n")
    }, command: commitMsgOnMSG),
    HostileCase("commit-msg: sparse index", expect: [0], setup: { sandbox in
        try oneCommit(sandbox)
        try sandbox.gitOK("sparse-checkout", "init", "--cone", "--sparse-index")
        try sandbox.write("MSG", "fix: with a sparse index\n")
    }, command: commitMsgOnMSG),
    HostileCase("commit-msg: ~/.gitconfig libgit2 cannot parse", expect: [0], setup: { sandbox in
        try oneCommit(sandbox)
        try sandbox.write(sandbox.home + "/.gitconfig", "[user\n")
        try sandbox.write("MSG", "fix: with a broken global configuration\n")
    }, command: commitMsgOnMSG),
    HostileCase("commit-msg: SHA-256 repository", expect: [0, 2], says: "SHA-256", setup: { sandbox in
        try sha256Repository(sandbox)
        try sandbox.write("MSG", "fix: in a sha256 repository\n")
    }, command: commitMsgOnMSG),
    HostileCase("git commit: explicitly allowed empty message through the installed hook", expect: [0], setup: { sandbox in
        try oneCommit(sandbox)
        _ = try sandbox.run(productsDirectory() + "/shipshape", ["install"])
    }, command: { _ in HostileCommand(program: "git", arguments: ["commit", "-q", "--allow-empty", "--allow-empty-message", "-m", ""]) }),
    HostileCase("git commit: NUL-free binary junk through the installed hook", expect: [1], setup: { sandbox in
        try oneCommit(sandbox)
        _ = try sandbox.run(productsDirectory() + "/shipshape", ["install"])
    }, command: { _ in
        HostileCommand(program: "git", arguments: ["commit", "-q", "--allow-empty", "-F", "-"], stdin: [0xFF, 0xFE, 0x01, 0x02, 0x0A])
    }),
]

private let catastrophic = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"

private let configurationCases: [HostileCase] = [
    HostileCase("config: unknown key", expect: [2], says: "colour", setup: config("[commit]\ncolour = \"red\"\n"),
                command: shipshape(["lint", "--message", "fix: x"])),
    HostileCase("config: unknown table", expect: [2], says: "nonsense", setup: config("[nonsense]\na = 1\n"),
                command: shipshape(["lint", "--message", "fix: x"])),
    HostileCase("config: wrong type for a list", expect: [2], says: "types", setup: config("[commit]\ntypes = 5\n"),
                command: shipshape(["lint", "--message", "fix: x"])),
    HostileCase("config: wrong type for a rule value", expect: [2], says: "header-max-length",
                setup: config("[commit.rules]\nheader-max-length = \"long\"\n"), command: shipshape(["lint", "--message", "fix: x"])),
    HostileCase("config: TOML syntax error", expect: [2], says: ".shipshape.toml", setup: config("[commit\ntypes = [\n"),
                command: shipshape(["lint", "--message", "fix: x"])),
    HostileCase("config: invalid UTF-8", expect: [2], says: ".shipshape.toml", setup: { sandbox in
        try sandbox.write(".shipshape.toml", bytes: bytes("[commit]\nscopes = [\"") + [0xFF, 0xFE] + bytes("\"]\n"))
        try oneCommit(sandbox)
    }, command: shipshape(["lint", "--message", "fix: x"])),
    HostileCase("config: NUL byte", expect: [2], says: ".shipshape.toml", setup: { sandbox in
        try sandbox.write(".shipshape.toml", bytes: bytes("[commit]\n") + [0] + bytes("\n"))
        try oneCommit(sandbox)
    }, command: shipshape(["lint", "--message", "fix: x"])),
    HostileCase("config: .shipshape.toml is a directory", expect: [2], says: ".shipshape.toml", setup: { sandbox in
        try FileManager.default.createDirectory(atPath: sandbox.path(".shipshape.toml"), withIntermediateDirectories: true)
        try oneCommit(sandbox)
    }, command: shipshape(["lint", "--message", "fix: x"])),
    HostileCase("config: .shipshape.toml links to /dev/zero", expect: [2], says: "64 MiB", within: 15, setup: { sandbox in
        try FileManager.default.createSymbolicLink(atPath: sandbox.path(".shipshape.toml"), withDestinationPath: "/dev/zero")
        try oneCommit(sandbox)
    }, command: shipshape(["lint", "--message", "fix: x"])),
    HostileCase("config: catastrophic (a+)+$ ignore pattern", expect: [2], says: "(a+)+$", within: 5,
                setup: config("[commit]\nignore-patterns = ['(a+)+$']\n", then: { sandbox in
                    try oneCommit(sandbox)
                    try sandbox.write("MSG", catastrophic + "\n")
                }), command: commitMsgOnMSG),
    HostileCase("config: catastrophic pattern through shipshape lint", expect: [2], says: "(a+)+$", within: 5,
                setup: config("[commit]\nignore-patterns = ['(a+)+$']\n"), command: shipshape(["lint", "--message", catastrophic])),
    HostileCase("config: invalid regular expression", expect: [2], says: "ignore-patterns", setup: config("[commit]\nignore-patterns = ['(unclosed']\n"),
                command: shipshape(["lint", "--message", "fix: x"])),
    HostileCase("config: version source without a version group", expect: [2], says: "version",
                setup: config("[[versions.sources]]\npath = \"VERSION\"\npattern = '\\d+'\n"), command: shipshape(["check"])),
    HostileCase("config: version source path with ..", expect: [2], says: "..",
                setup: config("[[versions.sources]]\npath = \"../outside.txt\"\npattern = '(?<version>.+)'\n", then: { sandbox in
                    try oneCommit(sandbox)
                    try sandbox.write(sandbox.temporaryDirectory + "/outside.txt", "9.9.9\n")
                }), command: shipshape(["check"])),
    HostileCase("config: version source absolute path", expect: [2], says: "/etc/hostname",
                setup: config("[[versions.sources]]\npath = \"/etc/hostname\"\npattern = '(?<version>.+)'\n"), command: shipshape(["check"])),
    HostileCase("config: changelog path with ..", expect: [2], says: "..",
                setup: config("[changelog]\npath = \"../CHANGELOG.md\"\n", then: released), command: sync()),
    HostileCase("config: changelog absolute path", expect: [2], says: "/tmp",
                setup: config("[changelog]\npath = \"/tmp/shipshape-hostile-CHANGELOG.md\"\n", then: released), command: sync()),
    HostileCase("config: changelog path into .git", expect: [2], says: "git directory",
                setup: config("[changelog]\npath = \".git/hooks/pre-commit\"\n", then: released), command: sync()),
    HostileCase("config: version source path into .git", expect: [2], says: "git directory",
                setup: config("[[versions.sources]]\npath = \".git/config\"\npattern = '(?<version>.+)'\n"), command: shipshape(["check"])),
    HostileCase("config: empty tag-format", expect: [2], says: "tag-format", setup: config("[versions]\ntag-format = \"\"\n"),
                command: shipshape(["check"])),
]

private let prePushCases: [HostileCase] = [
    HostileCase("pre-push: no arguments", expect: [2], says: "usage", command: { _ in HostileCommand(program: "pre-push", arguments: []) }),
    HostileCase("pre-push: three arguments", expect: [2], says: "usage", command: { _ in HostileCommand(program: "pre-push", arguments: ["a", "b", "c"]) }),
    HostileCase("pre-push: empty standard input", expect: [0], setup: released, command: prePush { _ in [] }),
    HostileCase("pre-push: one word on standard input", expect: [2], says: "line 1", setup: released, command: prePush { _ in bytes("garbage\n") }),
    HostileCase("pre-push: object id that is not hexadecimal", expect: [2], says: "object id", setup: released,
                command: prePush { _ in bytes("refs/heads/main zzzz refs/heads/main \(zeros)\n") }),
    HostileCase("pre-push: NUL bytes on standard input", expect: [2], says: "line", setup: released,
                command: prePush { sandbox in bytes("refs/heads/main ") + [0] + bytes(" refs/heads/main \(zeros)\n") }),
    HostileCase("pre-push: invalid UTF-8 ref name", expect: [0, 1, 2], says: nil, setup: released,
                command: prePush { sandbox in [0xFF, 0xFE] + bytes(" \(try head(sandbox)) refs/heads/main \(zeros)\n") }),
    HostileCase("pre-push: object not in the repository", expect: [2], says: "1234567", setup: released,
                command: prePush { _ in bytes("refs/heads/main \(String(repeating: "1234567", count: 6).prefix(40)) refs/heads/main \(zeros)\n") }),
    HostileCase("pre-push: deletion only", expect: [0], setup: released,
                command: prePush { _ in bytes("(delete) \(zeros) refs/heads/feature/old \(String(repeating: "a", count: 40))\n") }),
    HostileCase("pre-push: 10,000 ref lines", expect: [0, 1], setup: released, command: prePush { sandbox in
        let id = try head(sandbox)
        var text = ""
        text.reserveCapacity(10_000 * 130)
        for index in 0..<10_000 { text += "refs/heads/feature/b\(index) \(id) refs/heads/feature/b\(index) \(zeros)\n" }
        return bytes(text)
    }),
    HostileCase("pre-push: 10 MiB line without spaces", expect: [2], says: "bytes)", setup: released,
                command: prePush { _ in Array(repeating: UInt8(ascii: "x"), count: 10 * 1024 * 1024) }),
    HostileCase("pre-push: CRLF line endings", expect: [0, 1], setup: released,
                command: prePush { sandbox in bytes("refs/heads/main \(try head(sandbox)) refs/heads/main \(zeros)\r\n") }),
    HostileCase("pre-push: empty remote name and URL", expect: [0], setup: released,
                command: { _ in HostileCommand(program: "pre-push", arguments: ["", ""], stdin: []) }),
    HostileCase("pre-push: empty repository", expect: [0], command: prePush { _ in [] }),
    HostileCase("pre-push: detached HEAD pushed to a branch", expect: [0, 1], setup: detached,
                command: prePush { sandbox in bytes("HEAD \(try head(sandbox)) refs/heads/feature/x \(zeros)\n") }),
    HostileCase("pre-push: shallow clone", expect: [0, 1, 2], says: "shallow", setup: shallowClone, command: prePush({ sandbox in
        let id = try head(sandbox, in: sandbox.temporaryDirectory + "/shallow")
        return bytes("refs/heads/feature/y \(id) refs/heads/feature/y \(zeros)\n")
    }, in: "../shallow")),
    HostileCase("pre-push: SHA-256 repository", expect: [2], says: "SHA-256", setup: sha256Repository,
                command: prePush { sandbox in bytes("refs/heads/main \(try head(sandbox)) refs/heads/main \(String(repeating: "0", count: 64))\n") }),
    HostileCase("pre-push: broken package.json", expect: [0, 1, 2], says: "package.json",
                setup: versionFiles(["package.json": bytes("{\"name\": \"x\", \"version\": \"1.0.0\",,,\n"), "VERSION": bytes("1.0.0\n")]),
                command: prePush { sandbox in bytes("refs/heads/main \(try head(sandbox)) refs/heads/main \(zeros)\n") }),
]

private let versionCases: [HostileCase] = [
    HostileCase("check: package.json is broken JSON", expect: [0, 1, 2], says: "package.json",
                setup: versionFiles(["package.json": bytes("{ \"version\": \"1.0.0\" "), "VERSION": bytes("1.0.0\n")]), command: shipshape(["check"])),
    HostileCase("check: package.json version is a number", expect: [0, 1, 2], says: "package.json",
                setup: versionFiles(["package.json": bytes("{ \"version\": 1 }\n"), "VERSION": bytes("1.0.0\n")]), command: shipshape(["check"])),
    HostileCase("check: pyproject.toml without a version", expect: [0, 1], setup: versionFiles([
        "pyproject.toml": bytes("[project]\nname = \"demo\"\ndynamic = [\"version\"]\n"), "VERSION": bytes("1.0.0\n"),
    ]), command: shipshape(["check"])),
    HostileCase("check: pyproject.toml is broken TOML", expect: [0, 1, 2], says: "pyproject.toml",
                setup: versionFiles(["pyproject.toml": bytes("[project\nversion = \"1.0.0\n"), "VERSION": bytes("1.0.0\n")]), command: shipshape(["check"])),
    HostileCase("check: empty VERSION file", expect: [1], says: "VERSION:1:1: version \"\" is not valid", setup: versionFiles(["VERSION": []]), command: shipshape(["check"])),
    HostileCase("check: VERSION with invalid UTF-8", expect: [0, 1, 2], says: "VERSION",
                setup: versionFiles(["VERSION": [0xFF, 0x31, 0x2E, 0x30, 0x0A]]), command: shipshape(["check"])),
    HostileCase("check: VERSION of 100,000 characters", expect: [0, 1, 2], says: "VERSION",
                setup: versionFiles(["VERSION": bytes(String(repeating: "1.", count: 50_000) + "\n")]), command: shipshape(["check"])),
    HostileCase("check: versions disagree", expect: [1], says: "package.json",
                setup: versionFiles(["package.json": bytes("{ \"version\": \"2.0.0\" }\n"), "VERSION": bytes("1.0.0\n")]), command: shipshape(["check"])),
    // A configured source must be there and match; an auto-detected file that declares no readable
    // version is not a source (the output lists the files that were read).
    HostileCase("check: configured version source missing", expect: [1, 2], says: "deploy/Dockerfile",
                setup: config("[[versions.sources]]\npath = \"deploy/Dockerfile\"\npattern = 'LABEL version=\"(?<version>[^\"]+)\"'\n",
                              then: versionFiles(["VERSION": bytes("1.0.0\n")])), command: shipshape(["check"])),
    HostileCase("check: configured version source without a match", expect: [1, 2], says: "deploy/Dockerfile",
                setup: config("[[versions.sources]]\npath = \"deploy/Dockerfile\"\npattern = 'LABEL version=\"(?<version>[^\"]+)\"'\n",
                              then: versionFiles(["VERSION": bytes("1.0.0\n"), "deploy/Dockerfile": bytes("FROM scratch\n")])),
                command: shipshape(["check"])),
    HostileCase("check: VERSION is a symbolic link inside the repository", expect: [0], setup: { sandbox in
        try sandbox.write("packaging/VERSION", "1.0.0\n")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("VERSION"), withDestinationPath: "packaging/VERSION")
        try versionFiles(["package.json": bytes("{ \"version\": \"1.0.0\" }\n")])(sandbox)
    }, command: shipshape(["check"])),
    HostileCase("check: VERSION is a symbolic link out of the repository", expect: [2], says: "outside the repository", setup: { sandbox in
        try sandbox.write(sandbox.temporaryDirectory + "/VERSION", "1.0.0\n")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("VERSION"), withDestinationPath: "../VERSION")
        try versionFiles([:])(sandbox)
    }, command: shipshape(["check"])),
    HostileCase("check: two pyproject.toml tables disagree", expect: [1], says: "pyproject.toml",
                setup: versionFiles(["pyproject.toml": bytes("[project]\nversion = \"1.0.0\"\n[tool.poetry]\nversion = \"2.0.0\"\n")]),
                command: shipshape(["check"])),
    HostileCase("check: Dockerfile label from an ARG without a default", expect: [1], says: "ARG VERSION has no default",
                setup: versionFiles(["Dockerfile": bytes("FROM alpine\nARG VERSION\nLABEL version=$VERSION\n"), "VERSION": bytes("1.0.0\n")]),
                command: shipshape(["check"])),
    HostileCase("check: setup.py version from a name it never assigns", expect: [1], says: "setup.py:1:",
                setup: versionFiles(["setup.py": bytes("setup(version=VERSION)\n"), "VERSION": bytes("1.0.0\n")]),
                command: shipshape(["check"])),
    HostileCase("check: VERSION whose major version overflows", expect: [1], says: "too large",
                setup: versionFiles(["VERSION": bytes("99999999999999999999999.0.0\n")]), command: shipshape(["check"])),
    HostileCase("check: empty repository", expect: [2], says: "no commits yet", command: shipshape(["check"])),
    HostileCase("check: unknown revision", expect: [2], says: "no-such-rev", setup: oneCommit, command: shipshape(["check", "--rev", "no-such-rev"])),
]

private let changelogCases: [HostileCase] = [
    HostileCase("changelog-sync: symlink out of the repository", expect: [2], says: "symbolic link", setup: { sandbox in
        try released(sandbox)
        try sandbox.write(sandbox.temporaryDirectory + "/outside.md", keepAChangelog)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("CHANGELOG.md"), withDestinationPath: sandbox.temporaryDirectory + "/outside.md")
    }, command: sync()),
    HostileCase("changelog-sync: CHANGELOG.md links into .git", expect: [2], says: "git directory", setup: { sandbox in
        try released(sandbox)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("CHANGELOG.md"), withDestinationPath: ".git/config")
    }, command: sync()),
    HostileCase("changelog-sync: lock file links out of the repository", expect: [2], says: "symbolic link", setup: { sandbox in
        try released(sandbox)
        try sandbox.write(sandbox.temporaryDirectory + "/victim.txt", "precious\n")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path(".git/shipshape-changelog.lock"),
                                                   withDestinationPath: sandbox.temporaryDirectory + "/victim.txt")
    }, command: sync()),
    HostileCase("changelog-sync: read-only CHANGELOG.md", expect: [2], says: "read-only", setup: { sandbox in
        try changelog(bytes(keepAChangelog))(sandbox)
        chmod(sandbox.path("CHANGELOG.md"), 0o444)
    }, command: sync()),
    HostileCase("changelog-sync: CRLF CHANGELOG.md", expect: [0], setup: changelog(bytes(keepAChangelog.replacingOccurrences(of: "\n", with: "\r\n"))), command: sync()),
    HostileCase("changelog-sync: no trailing newline", expect: [0], setup: changelog(bytes(String(keepAChangelog.dropLast()))), command: sync()),
    HostileCase("changelog-sync: 5 MiB CHANGELOG.md", expect: [0], setup: { sandbox in
        var text = "# Changelog\n\n## [Unreleased]\n"
        var index = 0
        while text.utf8.count < 5 * 1024 * 1024 {
            text += "\n## [0.0.\(index)] - 2024-01-15\n\n### Fixed\n\n" + String(repeating: "- an old fix that nobody reads any more\n", count: 50)
            index += 1
        }
        try changelog(bytes(text))(sandbox)
    }, command: sync()),
    HostileCase("changelog-sync: empty CHANGELOG.md", expect: [0], setup: changelog([]), command: sync()),
    HostileCase("changelog-sync: CHANGELOG.md with invalid UTF-8", expect: [0, 2], says: "CHANGELOG.md",
                setup: changelog(bytes("# Changelog\n\n## [Unreleased]\n\n- caf") + [0xE9] + bytes("\n")), command: sync()),
    HostileCase("changelog-sync: CHANGELOG.md with NUL bytes", expect: [0, 2], says: "CHANGELOG.md",
                setup: changelog(bytes("# Changelog\n\n## [Unreleased]\n\n- a") + [0] + bytes("b\n")), command: sync()),
    HostileCase("changelog-sync: CHANGELOG.md is a directory", expect: [2], says: "CHANGELOG.md", setup: { sandbox in
        try released(sandbox)
        try FileManager.default.createDirectory(atPath: sandbox.path("CHANGELOG.md"), withIntermediateDirectories: true)
    }, command: sync()),
    HostileCase("changelog-sync: dangling symlink", expect: [2], says: "CHANGELOG.md", setup: { sandbox in
        try released(sandbox)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("CHANGELOG.md"), withDestinationPath: "/nonexistent/elsewhere.md")
    }, command: sync()),
    HostileCase("changelog-sync: check of a huge out-of-date file", expect: [1], says: "out of date",
                setup: changelog(bytes(keepAChangelog + String(repeating: "- filler line\n", count: 200_000))), command: sync(["--check"])),
    HostileCase("changelog-sync: a release tag whose major version overflows", expect: [0], setup: { sandbox in
        try released(sandbox)
        try sandbox.gitOK("tag", "-a", "v99999999999999999999999.0.0", "-m", "too big")
        try sandbox.commit(message: "feat: after the huge tag")
    }, command: sync()),
    HostileCase("changelog-sync: Markdown headings and comments in subjects stay synced", expect: [0], setup: { sandbox in
        try released(sandbox)
        try sandbox.commit(message: "feat: ## [Unreleased] injected heading")
        try sandbox.commit(message: "fix: - [x] <!-- comment --> `code` **bold** [link](http://x)")
        let first = try sandbox.run(productsDirectory() + "/changelog-sync", [])
        guard first.status == 0 else { throw TestSupportError.commandFailed(command: ["changelog-sync"], directory: sandbox.root, result: first) }
    }, command: sync(["--check"])),
    HostileCase("changelog-sync: non-UTF-8 commit message in history", expect: [0], setup: { sandbox in
        try released(sandbox)
        try sandbox.write("f", "x")
        try sandbox.gitOK("add", "f")
        _ = try run("git", ["commit", "-q", "--no-verify", "--cleanup=verbatim", "-F", "-"], in: sandbox.root, environment: sandbox.env,
                    stdinBytes: bytes("fix: caf") + [0xE9, 0xFF] + bytes("\n"))
    }, command: sync()),
    HostileCase("changelog-sync: empty repository", expect: [0, 2], says: "commit", command: sync()),
    HostileCase("changelog-sync: unborn branch", expect: [0, 2], says: "feature/orphan", setup: unborn, command: sync()),
    HostileCase("changelog-sync: detached HEAD", expect: [0], setup: detached, command: sync()),
    HostileCase("changelog-sync: shallow clone", expect: [0, 2], says: "shallow", setup: shallowClone, command: sync(in: "../shallow")),
    HostileCase("changelog-sync: bare repository", expect: [2], says: "bare", setup: bareRepository, command: sync(in: "../bare.git")),
    HostileCase("changelog-sync: linked worktree", expect: [0], setup: linkedWorktree, command: sync(in: "../wt")),
    HostileCase("changelog-sync: submodule", expect: [0], setup: submodule, command: sync(in: "sub")),
    HostileCase("changelog-sync: SHA-256 repository", expect: [2], says: "SHA-256", setup: sha256Repository, command: sync()),
    HostileCase("changelog-sync: outside any repository", expect: [2], says: "repository", setup: { sandbox in
        try FileManager.default.createDirectory(atPath: sandbox.temporaryDirectory + "/loose", withIntermediateDirectories: true)
    }, command: sync(in: "../loose")),
    HostileCase("changelog-sync: --repo that does not exist", expect: [2], says: "/nonexistent", setup: oneCommit, command: sync(["--repo", "/nonexistent/x"])),
    HostileCase("changelog-sync: --dry-run with --check", expect: [2], says: "--dry-run", setup: released, command: sync(["--dry-run", "--check"])),
    HostileCase("changelog-sync: unknown --format", expect: [2], says: "yaml", setup: released, command: sync(["--format", "yaml"])),
    HostileCase("changelog-sync: unknown option", expect: [2], says: "--bogus", setup: released, command: sync(["--bogus"])),
    HostileCase("changelog-sync: stray positional argument", expect: [2], says: "extra", setup: released, command: sync(["extra"])),
    HostileCase("post-merge: odd arguments never fail the merge", expect: [0], setup: released,
                command: { _ in HostileCommand(program: "post-merge", arguments: ["banana", "--bogus", ""]) }),
    HostileCase("post-merge: bare repository", expect: [0], setup: bareRepository,
                command: { _ in HostileCommand(program: "post-merge", arguments: ["0"], directory: "../bare.git") }),
    HostileCase("post-merge: symlink out of the repository", expect: [0], setup: { sandbox in
        try released(sandbox)
        try sandbox.write(sandbox.temporaryDirectory + "/outside.md", keepAChangelog)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("CHANGELOG.md"), withDestinationPath: sandbox.temporaryDirectory + "/outside.md")
    }, command: { _ in HostileCommand(program: "post-merge", arguments: ["0"]) }),
]

private let shipshapeCases: [HostileCase] = [
    HostileCase("shipshape: unknown subcommand", expect: [2], says: "frobnicate", command: shipshape(["frobnicate"])),
    HostileCase("shipshape: lint with no message", expect: [2], says: "message", setup: oneCommit, command: shipshape(["lint"])),
    HostileCase("shipshape: lint with both --message and --from", expect: [2], says: "--from", setup: oneCommit,
                command: shipshape(["lint", "--message", "fix: x", "--from", "HEAD"])),
    HostileCase("shipshape: lint --from an unknown revision", expect: [2], says: "no-such-rev", setup: oneCommit,
                command: shipshape(["lint", "--from", "no-such-rev"])),
    HostileCase("shipshape: lint --from in an empty repository", expect: [2], says: "HEAD", command: shipshape(["lint", "--from", "HEAD"])),
    HostileCase("shipshape: lint --format xml", expect: [2], says: "xml", command: shipshape(["lint", "--format", "xml", "--message", "fix: x"])),
    HostileCase("shipshape: lint --message-file /dev/null", expect: [2], says: "empty", command: shipshape(["lint", "--message-file", "/dev/null"])),
    HostileCase("shipshape: lint - with invalid UTF-8", expect: [1], says: "UTF-8", command: shipshape(["lint", "-"], stdin: [0xFF, 0xFE, 0x0A])),
    HostileCase("shipshape: lint - with a 10 MiB line", expect: [1], says: "header-max-length",
                command: shipshape(["lint", "-"], stdin: bytes("fix: ") + Array(repeating: UInt8(ascii: "q"), count: 10 * 1024 * 1024))),
    HostileCase("shipshape: lint --message with an empty option value", expect: [2], says: "empty", command: shipshape(["lint", "--message", ""])),
    HostileCase("shipshape: lint --repo that does not exist", expect: [2], says: "/nonexistent", setup: oneCommit,
                command: shipshape(["lint", "--repo", "/nonexistent/dir", "--from", "HEAD"])),
    HostileCase("shipshape: lint range in a shallow clone", expect: [0, 1, 2], says: nil, setup: shallowClone,
                command: shipshape(["lint", "--from", "v1.0.0"], in: "../shallow")),
    // Harmless: the hooks land in the bare repository's hooks directory.
    HostileCase("shipshape: lint range over a non-UTF-8 commit message", expect: [0, 1], setup: { sandbox in
        try released(sandbox)
        _ = try run("git", ["commit", "-q", "--allow-empty", "--no-verify", "--cleanup=verbatim", "-F", "-"], in: sandbox.root,
                    environment: sandbox.env, stdinBytes: bytes("fix: caf") + [0xE9, 0xFF] + bytes("\n"))
    }, command: shipshape(["lint", "--from", "v1.0.0"])),
    HostileCase("commit-msg: non-ASCII branch name", expect: [1], says: "branch", setup: { sandbox in
        try oneCommit(sandbox)
        try sandbox.gitOK("checkout", "-q", "-b", "feature/\u{00FC}ber-caf\u{00E9}")
        try sandbox.write("MSG", "fix: on an odd branch\n")
    }, command: commitMsgOnMSG),
    HostileCase("shipshape: install in a bare repository", expect: [0, 2], says: "bare", setup: bareRepository, command: shipshape(["install"], in: "../bare.git")),
    HostileCase("shipshape: install outside any repository", expect: [2], says: "repository", setup: { sandbox in
        try FileManager.default.createDirectory(atPath: sandbox.temporaryDirectory + "/loose", withIntermediateDirectories: true)
    }, command: shipshape(["install"], in: "../loose")),
    HostileCase("shipshape: install with an unknown option", expect: [2], says: "--bogus", setup: oneCommit, command: shipshape(["install", "--bogus"])),
    HostileCase("shipshape: install in a linked worktree", expect: [0], setup: linkedWorktree, command: shipshape(["install"], in: "../wt")),
    HostileCase("shipshape: uninstall when nothing is installed", expect: [0, 2], says: "install", setup: oneCommit, command: shipshape(["uninstall"])),
    HostileCase("shipshape: rules with a stray argument", expect: [2], says: "banana", command: shipshape(["rules", "banana"])),
    HostileCase("shipshape: changelog without a subcommand", expect: [0, 2], says: "sync", setup: released, command: shipshape(["changelog"])),
    HostileCase("shipshape: check in a SHA-256 repository", expect: [2], says: "SHA-256", setup: sha256Repository, command: shipshape(["check"])),
]

/// Every case of the catalogue.
let hostileCases: [HostileCase] = messageCases + configurationCases + prePushCases + versionCases + changelogCases + shipshapeCases

// MARK: - Snapshots

/// What a file system entry holds: bytes, a symlink target, or a directory.
private enum Entry: Equatable {
    case file([UInt8], mode: UInt32)
    case symlink(String)
    case directory
}

/// Everything under the sandbox's temporary directory except git's own directories and `home/`.
private func snapshot(_ sandbox: GitSandbox) -> [String: Entry] {
    var entries: [String: Entry] = [:]
    let base = sandbox.temporaryDirectory
    var pending = [""]
    while let relative = pending.popLast() {
        let full = relative.isEmpty ? base : base + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { continue }
        for name in names {
            let child = relative.isEmpty ? name : relative + "/" + name
            if name == ".git" || name.hasSuffix(".git") || child == "home" || child == "remotes" { continue }
            let path = base + "/" + child
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK: entries[child] = .symlink((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            case S_IFDIR:
                entries[child] = .directory
                pending.append(child)
            default:
                entries[child] = .file(Array(FileManager.default.contents(atPath: path) ?? Data()), mode: UInt32(info.st_mode) & 0o7777)
            }
        }
    }
    return entries
}

// MARK: - The test

/// The catalogue of hostile or odd inputs: each runs a built executable with real git.
@Suite struct HostileInputTests {
    @Test func theCatalogueIsLargeEnough() {
        #expect(hostileCases.count >= 60)
        #expect(Set(hostileCases.map(\.name)).count == hostileCases.count, "case names must be unique")
    }

    @Test(arguments: hostileCases)
    func hostileInput(_ hostile: HostileCase) throws {
        let sandbox = try GitSandbox()
        try hostile.setup(sandbox)
        let command = try hostile.command(sandbox)
        let before = snapshot(sandbox)
        let executable = command.program == "git" ? "git" : productsDirectory() + "/" + command.program
        let directory = command.directory.map { sandbox.path($0) } ?? sandbox.root
        let started = Date()
        let result = try run(executable, command.arguments, in: directory, environment: sandbox.env,
                             stdinBytes: command.stdin, timeout: hostile.budget)
        let elapsed = Date().timeIntervalSince(started)
        let output = result.stdout + result.stderr
        let summary = "status \(result.status) after \(String(format: "%.2f", elapsed)) s\nstdout: \(result.stdout.prefix(800))\nstderr: \(result.stderr.prefix(800))"

        #expect(!result.timedOut, "hung: killed after \(hostile.budget) s")
        #expect(result.status < 128, "ended by a signal: \(summary)")
        #expect(hostile.expected.contains(result.status), "expected \(hostile.expected.sorted()): \(summary)")
        if result.status == 2 {
            #expect(!output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "status 2 without a word: \(summary)")
        }
        if let fragment = hostile.fragment, result.status != 0 {
            #expect(output.contains(fragment), "output does not mention \"\(fragment)\": \(summary)")
        }
        if result.status != 0 || command.program == "git" {
            let after = snapshot(sandbox)
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            // A refused `git commit` changes nothing in the work tree either.
            #expect(changed.isEmpty, "files changed by a run that did not succeed: \(changed)")
        }
    }
}
