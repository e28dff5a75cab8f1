#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a short-lived program (`git config`, `commit-msg --version`) and captures its output.
///
/// Only for commands a person runs by hand (`install --template`, `doctor`): hooks never spawn.
/// Standard input is `/dev/null` and standard error is discarded; standard output is read to the
/// end (at most 1 MiB is kept) before the child is reaped, so a chatty child cannot block.
package enum ChildProcess {
    /// What a finished child left behind.
    package struct Result: Sendable, Equatable {
        /// The exit status, or 128 + the signal that killed it.
        package var status: Int32
        /// Standard output, decoded as UTF-8 (invalid bytes replaced).
        package var output: String
    }

    /// Runs a program to completion.
    ///
    /// - Parameters:
    ///   - executable: an absolute path, or a name looked up on `environment["PATH"]`.
    ///   - arguments: the arguments after `argv[0]`.
    ///   - directory: the child's working directory.
    ///   - environment: the child's whole environment.
    /// - Returns: the status and output, or `nil` when the program could not be started.
    package static func run(
        _ executable: String, _ arguments: [String], in directory: String, environment: [String: String]
    ) -> Result? {
        guard let path = executable.contains("/") ? executable : ExecutableSearch.find(executable, environment: environment) else {
            return nil
        }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // The child starts in `directory` through `cd`: posix_spawn_file_actions_addchdir_np is
        // not on every libc we build for, and a shell costs nothing next to a person's command.
        let argv = ["/bin/sh", "-c", #"cd "$1" && shift && exec "$@""#, "sh", directory, path] + arguments
        let env = environment.map { "\($0.key)=\($0.value)" }
        var pid = pid_t()
        let spawned = withCStrings(argv) { cArgv in
            withCStrings(env) { cEnv in posix_spawn(&pid, "/bin/sh", &actions, nil, cArgv, cEnv) }
        }
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { return nil }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { System.read(fds[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            if output.count < 1 << 20 { output += buffer[0..<n] }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return nil }
        }
        let signal = status & 0x7f
        return Result(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, output: String(decoding: output, as: UTF8.self))
    }

    /// Calls `body` with a NULL-terminated array of C strings.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
