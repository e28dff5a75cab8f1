#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `git` itself for the steps that write history (commit, merge, tag, branch, push), so the
/// user's configuration applies to what Shipshape makes: identity, `commit.gpgSign` and
/// `tag.gpgSign`, and the user's hooks (commit-msg and pre-push judge the release commands'
/// work). Reading stays with libgit2.
///
/// git's messages go to this process's standard error, where the person running the command
/// sees them; only a query's standard output is captured.
package struct GitProcess: Sendable {
    /// The work tree git runs in (`git -C`).
    package var directory: String

    /// Creates a runner for a work tree.
    package init(directory: String) { self.directory = directory }

    /// What a git command did.
    package struct Result: Sendable, Hashable {
        /// The exit status (128 + n when killed by signal n).
        package var status: Int32
        /// Standard output, when captured.
        package var output: String
    }

    /// Runs `git -C <directory> <arguments>`.
    ///
    /// - Parameters:
    ///   - arguments: git's arguments.
    ///   - capture: capture standard output instead of passing it through (to standard error).
    /// - Returns: the status and the captured output.
    /// - Throws: `HookError.programMissing` when git cannot be started.
    package func run(_ arguments: [String], capture: Bool = false) throws(HookError) -> Result {
        var fds: [Int32] = [-1, -1]
        if capture { guard pipe(&fds) == 0 else { throw .programMissing(hook: "git", path: "git") } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            // Keep standard output for the command's own report: git talks on standard error.
            posix_spawn_file_actions_adddup2(&actions, 2, 1)
        }
        let argv = ["git", "-C", directory] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, &cArguments, environ)
        if capture { close(fds[1]) }
        guard spawned == 0 else {
            if capture { close(fds[0]) }
            throw .programMissing(hook: "git", path: "git")
        }
        var output: [UInt8] = []
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
                if count > 0 { output += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exit, output: String(decoding: output, as: UTF8.self))
    }
}
