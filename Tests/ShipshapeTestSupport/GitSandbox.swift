import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A throw-away git repository in a unique temporary directory, with a hermetic environment.
///
/// Layout of the temporary directory (removed when the sandbox is deallocated):
/// - `repo/` — the repository (`root`): a work tree with `.git`, or the git directory when bare;
/// - `home/` — `HOME`, with an empty `home/.gitconfig` as the global config and
///   `home/.config` as `XDG_CONFIG_HOME`;
/// - `remotes/` — bare repositories made by `makeBareRemote(name:)`.
///
/// The environment (`env`) contains only `PATH` from the test process plus fixed identity, dates,
/// locale and colour settings, so git behaves the same on every machine and never reads the
/// developer's own configuration. Run other programs (the built hooks) with the same environment:
/// `run(binary, args, in: sandbox.root, environment: sandbox.env)` or `sandbox.run(binary, args)`.
///
/// Commands run with the working directory passed to the child; the test process never changes
/// directory, so sandboxes can be used from parallel tests.
package final class GitSandbox {
    /// The fixed author and committer name.
    package static let userName = "Shipshape Tester"
    /// The fixed author and committer e-mail.
    package static let userEmail = "tester@example.com"
    /// The fixed author and committer date (ISO 8601, UTC).
    package static let date = "2024-01-15T12:00:00Z"

    /// The temporary directory holding the repository, the home directory and remotes
    /// (symbolic links resolved).
    package let temporaryDirectory: String
    /// The repository: the work-tree root, or the git directory when `bare`.
    package let root: String
    /// The home directory used as `HOME`.
    package let home: String
    /// The initial branch name given to `git init -b`.
    package let initialBranch: String
    /// Whether the repository is bare.
    package let isBare: Bool
    /// The environment every command runs with; tests may add variables before running commands.
    package var env: [String: String]

    /// Creates the temporary directory, the hermetic environment and runs `git init -b`.
    ///
    /// - Parameters:
    ///   - initialBranch: the branch HEAD points to (unborn until the first commit).
    ///   - bare: make a bare repository.
    /// - Throws: `TestSupportError` if the directory cannot be created or `git init` fails.
    package init(initialBranch: String = "main", bare: Bool = false) throws {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array((base + "/shipshape-test-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard created != nil else {
            throw TestSupportError.fileSystem(operation: "mkdtemp", path: base, errno: errno)
        }
        let raw = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        temporaryDirectory = Self.realPath(raw)
        root = temporaryDirectory + "/repo"
        home = temporaryDirectory + "/home"
        self.initialBranch = initialBranch
        isBare = bare
        env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "XDG_CONFIG_HOME": home + "/.config",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": home + "/.gitconfig",
            "GIT_AUTHOR_NAME": Self.userName,
            "GIT_AUTHOR_EMAIL": Self.userEmail,
            "GIT_AUTHOR_DATE": Self.date,
            "GIT_COMMITTER_NAME": Self.userName,
            "GIT_COMMITTER_EMAIL": Self.userEmail,
            "GIT_COMMITTER_DATE": Self.date,
            "GIT_TERMINAL_PROMPT": "0",
            "LC_ALL": "C",
            "LANG": "C",
            "NO_COLOR": "1",
            "TZ": "UTC",
        ]
        try createDirectory(home + "/.config")
        try write(absolute: home + "/.gitconfig", Array())
        var arguments = ["init", "-q", "-b", initialBranch]
        if bare { arguments.append("--bare") }
        arguments.append(root)
        try gitOK(arguments: arguments, in: temporaryDirectory)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: temporaryDirectory)
    }

    /// The absolute path of a file or directory relative to `root`.
    ///
    /// - Parameter relative: a path relative to the repository root (an absolute path is returned
    ///   unchanged).
    /// - Returns: the absolute path.
    package func path(_ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        if relative.isEmpty || relative == "." { return root }
        return root + "/" + relative
    }

    /// Runs git with the sandbox environment.
    ///
    /// - Parameters:
    ///   - args: git's arguments, e.g. `"log", "--oneline"`.
    ///   - directory: the working directory (relative to `root`, or absolute); nil means `root`.
    ///   - stdin: text for git's standard input.
    /// - Returns: status and output; a non-zero status is not thrown (see `gitOK`).
    /// - Throws: `TestSupportError` if git cannot be started.
    @discardableResult
    package func git(_ args: String..., in directory: String? = nil, stdin: String? = nil) throws -> ProcessResult {
        try git(arguments: args, in: directory, stdin: stdin)
    }

    /// Runs git with the sandbox environment, arguments given as an array.
    ///
    /// - Parameters:
    ///   - arguments: git's arguments.
    ///   - directory: the working directory (relative to `root`, or absolute); nil means `root`.
    ///   - stdin: text for git's standard input.
    /// - Returns: status and output.
    /// - Throws: `TestSupportError` if git cannot be started.
    @discardableResult
    package func git(arguments: [String], in directory: String? = nil, stdin: String? = nil) throws -> ProcessResult {
        try ShipshapeTestSupport.run("git", arguments, in: path(directory ?? "."), environment: env, stdin: stdin)
    }

    /// Runs git and requires success.
    ///
    /// - Parameters:
    ///   - args: git's arguments.
    ///   - directory: the working directory (relative to `root`, or absolute); nil means `root`.
    ///   - stdin: text for git's standard input.
    /// - Returns: status and output of the successful run.
    /// - Throws: `TestSupportError.commandFailed` (with git's stderr) when the status is not 0.
    @discardableResult
    package func gitOK(_ args: String..., in directory: String? = nil, stdin: String? = nil) throws -> ProcessResult {
        try gitOK(arguments: args, in: directory, stdin: stdin)
    }

    /// Runs git and requires success, arguments given as an array.
    ///
    /// - Parameters:
    ///   - arguments: git's arguments.
    ///   - directory: the working directory (relative to `root`, or absolute); nil means `root`.
    ///   - stdin: text for git's standard input.
    /// - Returns: status and output of the successful run.
    /// - Throws: `TestSupportError.commandFailed` when the status is not 0.
    @discardableResult
    package func gitOK(arguments: [String], in directory: String? = nil, stdin: String? = nil) throws -> ProcessResult {
        let result = try git(arguments: arguments, in: directory, stdin: stdin)
        guard result.status == 0 else {
            throw TestSupportError.commandFailed(command: ["git"] + arguments, directory: path(directory ?? "."), result: result)
        }
        return result
    }

    /// Runs any program with the sandbox environment.
    ///
    /// - Parameters:
    ///   - executable: a path or a bare name looked up on the sandbox `PATH`.
    ///   - arguments: the program's arguments.
    ///   - directory: the working directory (relative to `root`, or absolute); nil means `root`.
    ///   - stdin: text for standard input.
    ///   - timeout: seconds after which the program is killed (see `ProcessResult.timedOut`);
    ///     nil waits forever.
    /// - Returns: status and output.
    /// - Throws: `TestSupportError` if the program cannot be started.
    @discardableResult
    package func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil, stdin: String? = nil, timeout: Double? = nil
    ) throws -> ProcessResult {
        try ShipshapeTestSupport.run(executable, arguments, in: path(directory ?? "."), environment: env, stdin: stdin, timeout: timeout)
    }

    /// Writes a text file, creating parent directories.
    ///
    /// - Parameters:
    ///   - relativePath: the path relative to `root` (or absolute).
    ///   - contents: the text, written as UTF-8 exactly as given.
    /// - Throws: `TestSupportError.fileSystem`.
    package func write(_ relativePath: String, _ contents: String) throws {
        try write(absolute: path(relativePath), Array(contents.utf8))
    }

    /// Writes a file with raw bytes, creating parent directories.
    ///
    /// - Parameters:
    ///   - relativePath: the path relative to `root` (or absolute).
    ///   - bytes: the contents.
    /// - Throws: `TestSupportError.fileSystem`.
    package func write(_ relativePath: String, bytes: [UInt8]) throws {
        try write(absolute: path(relativePath), bytes)
    }

    /// Reads a text file.
    ///
    /// - Parameter relativePath: the path relative to `root` (or absolute).
    /// - Returns: the contents decoded as UTF-8.
    /// - Throws: `TestSupportError.fileSystem` if the file cannot be read.
    package func read(_ relativePath: String) throws -> String {
        String(decoding: try readBytes(relativePath), as: UTF8.self)
    }

    /// Reads a file's bytes.
    ///
    /// - Parameter relativePath: the path relative to `root` (or absolute).
    /// - Returns: the contents.
    /// - Throws: `TestSupportError.fileSystem` if the file cannot be read.
    package func readBytes(_ relativePath: String) throws -> [UInt8] {
        let full = path(relativePath)
        guard let data = FileManager.default.contents(atPath: full) else {
            throw TestSupportError.fileSystem(operation: "read", path: full, errno: ENOENT)
        }
        return Array(data)
    }

    /// Whether a file or directory exists.
    ///
    /// - Parameter relativePath: the path relative to `root` (or absolute).
    /// - Returns: true when something exists at the path.
    package func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relativePath))
    }

    /// Writes a file, stages it and commits with `--no-verify` (hooks do not run).
    ///
    /// - Parameters:
    ///   - file: the path relative to `root`.
    ///   - contents: the file's new text.
    ///   - message: the full commit message (used verbatim with `--cleanup=verbatim`).
    ///   - date: an author and committer date for this commit (e.g. `2024-02-01T00:00:00Z`);
    ///     nil keeps the sandbox's fixed date.
    /// - Returns: the new commit's full hexadecimal id.
    /// - Throws: `TestSupportError` when a git command fails.
    @discardableResult
    package func commit(file: String = "file.txt", contents: String? = nil, message: String, date: String? = nil) throws -> String {
        try write(file, contents ?? message + "\n")
        try gitOK("add", "--", file)
        let saved = env
        defer { env = saved }
        if let date {
            env["GIT_AUTHOR_DATE"] = date
            env["GIT_COMMITTER_DATE"] = date
        }
        try gitOK("commit", "-q", "--no-verify", "--allow-empty", "--cleanup=verbatim", "-F", "-", stdin: message)
        return try gitOK("rev-parse", "HEAD").trimmedStdout
    }

    /// Creates a bare repository under `remotes/` and adds it as a remote of the sandbox.
    ///
    /// - Parameter name: the remote's name.
    /// - Returns: the bare repository's absolute path (also the remote's URL).
    /// - Throws: `TestSupportError` when a git command fails.
    @discardableResult
    package func makeBareRemote(name: String = "origin") throws -> String {
        let remote = temporaryDirectory + "/remotes/" + name + ".git"
        try createDirectory(temporaryDirectory + "/remotes")
        try gitOK(arguments: ["init", "-q", "--bare", "-b", initialBranch, remote], in: temporaryDirectory)
        try gitOK("remote", "add", name, remote)
        return remote
    }

    // MARK: - File helpers

    private func write(absolute: String, _ bytes: [UInt8]) throws {
        if let slash = absolute.lastIndex(of: "/") {
            try createDirectory(String(absolute[..<slash]))
        }
        guard FileManager.default.createFile(atPath: absolute, contents: Data(bytes)) else {
            throw TestSupportError.fileSystem(operation: "write", path: absolute, errno: errno == 0 ? EIO : errno)
        }
    }

    private func createDirectory(_ absolute: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
        } catch {
            throw TestSupportError.fileSystem(operation: "mkdir", path: absolute, errno: EIO)
        }
    }

    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The directory holding the built executables (`shipshape`, `commit-msg`, ...) of this package.
///
/// Looked up, in order:
/// 1. the `SHIPSHAPE_BIN_DIR` environment variable, when set and non-empty (e.g. to test a
///    release build: `SHIPSHAPE_BIN_DIR=$(swift build -c release --show-bin-path) swift test`);
/// 2. the directory of the running test binary (`/proc/self/exe`) and its ancestors, the first
///    one holding an executable file named `shipshape` (under `swift test` the test bundle sits
///    next to the products in `.build/<triple>/debug`);
/// 3. `<package root>/.build/debug`, the package root derived from this source file's path.
///
/// - Returns: an absolute directory path without a trailing slash (it may not exist if nothing
///   was built).
package func productsDirectory() -> String {
    if let explicit = ProcessInfo.processInfo.environment["SHIPSHAPE_BIN_DIR"], !explicit.isEmpty {
        return explicit.hasSuffix("/") && explicit.count > 1 ? String(explicit.dropLast()) : explicit
    }
    var executablePath = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &executablePath, executablePath.count - 1)
    if length > 0 {
        var directory = String(decoding: executablePath[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while let slash = directory.lastIndex(of: "/"), !directory.isEmpty {
            directory = String(directory[..<slash])
            let candidate = (directory.isEmpty ? "" : directory) + "/shipshape"
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return directory.isEmpty ? "/" : directory
            }
        }
    }
    // #filePath is <root>/Tests/ShipshapeTestSupport/GitSandbox.swift.
    var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)
    return components.joined(separator: "/") + "/.build/debug"
}
