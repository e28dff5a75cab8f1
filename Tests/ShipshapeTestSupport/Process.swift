#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The outcome of running a child process: its exit status and everything it wrote.
///
/// Output is captured as raw bytes (`stdoutBytes`, `stderrBytes`); `stdout` and `stderr` are the
/// same bytes decoded as UTF-8 (invalid sequences replaced with U+FFFD).
package struct ProcessResult: Sendable, Hashable, CustomStringConvertible {
    /// The exit status; `128 + n` when the child was killed by signal `n` (as a shell reports it).
    package var status: Int32
    /// Everything the child wrote to standard output.
    package var stdoutBytes: [UInt8]
    /// Everything the child wrote to standard error.
    package var stderrBytes: [UInt8]
    /// Whether the child was killed because it outlived the `timeout` given to `run`.
    package var timedOut: Bool

    /// Creates a result from raw output.
    ///
    /// - Parameters:
    ///   - status: the exit status.
    ///   - stdoutBytes: standard output as written.
    ///   - stderrBytes: standard error as written.
    ///   - timedOut: whether the child was killed for taking too long.
    package init(status: Int32, stdoutBytes: [UInt8], stderrBytes: [UInt8], timedOut: Bool = false) {
        self.status = status
        self.stdoutBytes = stdoutBytes
        self.stderrBytes = stderrBytes
        self.timedOut = timedOut
    }

    /// Standard output decoded as UTF-8.
    package var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }

    /// Standard error decoded as UTF-8.
    package var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }

    /// Whether the child exited with status 0.
    package var succeeded: Bool { status == 0 }

    /// Standard output without trailing newlines (handy for one-line answers such as `rev-parse`).
    package var trimmedStdout: String {
        var s = stdout
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return s
    }

    /// A multi-line summary of status and output, for test failure messages.
    package var description: String {
        "exit status \(status)\(timedOut ? " (killed after the timeout)" : "")\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }
}

/// A failure of the test-support helpers: a process that could not be started, a git command
/// that failed, or a file that could not be written or read.
package enum TestSupportError: Error, CustomStringConvertible {
    /// No executable of this name was found on `PATH` (searched directories listed).
    case executableNotFound(name: String, searched: [String])
    /// `posix_spawn` or a pipe set-up call failed with `errno`.
    case spawnFailed(executable: String, call: String, errno: Int32)
    /// A command exited with a non-zero status (see `ProcessResult` for its output).
    case commandFailed(command: [String], directory: String?, result: ProcessResult)
    /// A file-system operation failed with `errno`.
    case fileSystem(operation: String, path: String, errno: Int32)

    /// What failed, with the command's output or the system's reason.
    package var description: String {
        switch self {
        case let .executableNotFound(name, searched):
            return "executable \"\(name)\" not found on PATH (searched: \(searched.joined(separator: ":")))"
        case let .spawnFailed(executable, call, code):
            return "could not run \(executable): \(call) failed: \(String(cString: strerror(code)))"
        case let .commandFailed(command, directory, result):
            return "command `\(command.joined(separator: " "))` in \(directory ?? ".") failed with \(result)"
        case let .fileSystem(operation, path, code):
            return "\(operation) \(path) failed: \(String(cString: strerror(code)))"
        }
    }
}

/// Finds an executable: a name containing `/` is returned as is; a bare name is looked up in the
/// `PATH` of `environment` (falling back to this process' `PATH`).
///
/// - Parameters:
///   - name: a path or a bare command name such as `git`.
///   - environment: the environment whose `PATH` is searched.
/// - Returns: the path of the executable.
/// - Throws: `TestSupportError.executableNotFound`.
package func resolveExecutable(_ name: String, environment: [String: String]) throws -> String {
    if name.contains("/") { return name }
    let pathValue = environment["PATH"] ?? getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
    let directories = pathValue.split(separator: ":", omittingEmptySubsequences: false).map { $0.isEmpty ? "." : String($0) }
    for directory in directories {
        let candidate = directory + "/" + name
        var info = stat()
        if access(candidate, X_OK) == 0, stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            return candidate
        }
    }
    throw TestSupportError.executableNotFound(name: name, searched: directories)
}

/// Runs a program to completion and captures its output.
///
/// The child is started with `posix_spawn`; its working directory is set in the child (the test
/// process never changes directory, so tests can run in parallel). Standard output and standard
/// error are drained, and `stdin` written, concurrently while the child runs with `poll`, so a
/// child producing megabytes of output cannot deadlock. The child gets exactly `environment`
/// (nothing is inherited), default signal dispositions and its own process group.
///
/// - Parameters:
///   - executable: a path, or a bare name resolved through `environment["PATH"]`.
///   - arguments: the arguments after `argv[0]`.
///   - directory: the child's working directory; nil keeps the current one.
///   - environment: the child's complete environment.
///   - stdin: text written to the child's standard input, which is then closed; nil gives the
///     child an empty standard input.
///   - timeout: seconds after which the child is killed with SIGKILL (`timedOut` is then set and
///     the status is 137); nil waits forever.
/// - Returns: the exit status and captured output.
/// - Throws: `TestSupportError.executableNotFound` or `.spawnFailed`; a non-zero exit status is
///   not an error (see `ProcessResult.status`).
package func run(
    _ executable: String, _ arguments: [String], in directory: String?, environment: [String: String],
    stdin: String? = nil, timeout: Double? = nil
) throws -> ProcessResult {
    try run(executable, arguments, in: directory, environment: environment, stdinBytes: stdin.map { Array($0.utf8) }, timeout: timeout)
}

/// Runs a program to completion, feeding it raw bytes on standard input.
///
/// Same as `run(_:_:in:environment:stdin:)` but with bytes instead of text.
///
/// - Parameters:
///   - executable: a path, or a bare name resolved through `environment["PATH"]`.
///   - arguments: the arguments after `argv[0]`.
///   - directory: the child's working directory; nil keeps the current one.
///   - environment: the child's complete environment.
///   - stdinBytes: bytes written to standard input; nil gives an empty standard input.
///   - timeout: seconds after which the child is killed; nil waits forever.
/// - Returns: the exit status and captured output.
/// - Throws: `TestSupportError.executableNotFound` or `.spawnFailed`.
package func run(
    _ executable: String, _ arguments: [String], in directory: String?, environment: [String: String],
    stdinBytes: [UInt8]?, timeout: Double? = nil
) throws -> ProcessResult {
    let path = try resolveExecutable(executable, environment: environment)

    func fail(_ call: String, _ code: Int32 = errno) -> TestSupportError {
        .spawnFailed(executable: path, call: call, errno: code)
    }

    var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
    guard GNUFunctions.pipe2(&inPipe, O_CLOEXEC) == 0 else { throw fail("pipe2") }
    guard GNUFunctions.pipe2(&outPipe, O_CLOEXEC) == 0 else {
        close(inPipe[0]); close(inPipe[1])
        throw fail("pipe2")
    }
    guard GNUFunctions.pipe2(&errPipe, O_CLOEXEC) == 0 else {
        for fd in inPipe + outPipe { close(fd) }
        throw fail("pipe2")
    }
    // The parent's ends; closed on every path below.
    var parentFDs: Set<Int32> = [inPipe[1], outPipe[0], errPipe[0]]
    defer { for fd in parentFDs { close(fd) } }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    if let directory {
        let rc = GNUFunctions.addchdir(&actions, directory)
        if rc != 0 {
            for fd in [inPipe[0], outPipe[1], errPipe[1]] { close(fd) }
            throw fail("posix_spawn_file_actions_addchdir_np", rc)
        }
    }

    var pid: pid_t = 0
    let spawnResult = spawnInOwnGroup(path, arguments, environment, &actions, &pid)
    // The child's ends belong to the child now.
    for fd in [inPipe[0], outPipe[1], errPipe[1]] { close(fd) }
    guard spawnResult == 0 else { throw fail("posix_spawn", spawnResult) }

    // Writing to a child that exited early must not kill the test process with SIGPIPE:
    // the write end is non-blocking and EPIPE simply ends the input.
    let stdinFD = inPipe[1]
    _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
    var input = stdinBytes ?? []
    var inputOffset = 0
    var inputOpen = true
    if input.isEmpty {
        close(stdinFD); parentFDs.remove(stdinFD); inputOpen = false
    }

    var output: [UInt8] = [], errors: [UInt8] = []
    var outOpen = true, errOpen = true
    var buffer = [UInt8](repeating: 0, count: 65536)
    let deadline = timeout.map { monotonicSeconds() + $0 }
    var timedOut = false
    while outOpen || errOpen || inputOpen {
        var waitMilliseconds: Int32 = -1
        if let deadline {
            let remaining = deadline - monotonicSeconds()
            if remaining <= 0 {
                // Kill the child's whole process group (grandchildren would keep the pipes open).
                kill(-pid, SIGKILL)
                timedOut = true
                break
            }
            waitMilliseconds = Int32(min(remaining * 1000 + 1, 60_000))
        }
        var fds: [pollfd] = []
        if outOpen { fds.append(pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0)) }
        if errOpen { fds.append(pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)) }
        if inputOpen { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), waitMilliseconds)
        if ready < 0 {
            if errno == EINTR { continue }
            throw fail("poll")
        }
        for entry in fds where entry.revents != 0 {
            if entry.fd == stdinFD {
                let written = input.withUnsafeBytes { raw in
                    withSIGPIPEIgnoredWrite(stdinFD, raw.baseAddress! + inputOffset, raw.count - inputOffset)
                }
                if written > 0 { inputOffset += written }
                if (written < 0 && errno != EAGAIN && errno != EINTR) || inputOffset >= input.count
                    || entry.revents & Int16(POLLERR | POLLHUP) != 0 && written <= 0
                {
                    close(stdinFD); parentFDs.remove(stdinFD); inputOpen = false
                    input = []
                }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
            if count > 0 {
                if entry.fd == outPipe[0] { output += buffer[0..<count] } else { errors += buffer[0..<count] }
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                if entry.fd == outPipe[0] { outOpen = false } else { errOpen = false }
            }
        }
    }

    var waitStatus: Int32 = 0
    while waitpid(pid, &waitStatus, 0) < 0 {
        if errno != EINTR { throw fail("waitpid") }
    }
    let signal = waitStatus & 0x7f
    let status = signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal
    return ProcessResult(status: status, stdoutBytes: output, stderrBytes: errors, timedOut: timedOut)
}

/// Seconds on the monotonic clock.
private func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Writes to a pipe without letting SIGPIPE terminate the process: the signal is blocked on this
/// thread for the duration of the write and a pending one is consumed, so a closed pipe shows up
/// as `EPIPE` only.
private func withSIGPIPEIgnoredWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    var block = sigset_t(), old = sigset_t()
    sigemptyset(&block)
    sigaddset(&block, SIGPIPE)
    pthread_sigmask(SIG_BLOCK, &block, &old)
    let written = write(fd, bytes, count)
    let savedErrno = errno
    if written < 0 && savedErrno == EPIPE {
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
            var timeout = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&block, nil, &timeout)
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, nil)
    errno = savedErrno
    return written
}

/// glibc functions Swift does not import without `_GNU_SOURCE`, looked up once with `dlsym`.
///
/// `pipe2` creates both pipe ends close-on-exec atomically, so a pipe made for one child never
/// leaks into another child spawned concurrently by a parallel test (which would delay EOF).
private enum GNUFunctions {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private static let pipe2Function: Pipe2? = dlsym(dlopen(nil, RTLD_NOW), "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    private static let addchdirFunction: AddChdir? =
        dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addclosefromFunction: AddClosefrom? =
        dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddClosefrom.self) }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+), or nothing where it is missing.
    ///
    /// A file another test thread has open for writing (Foundation does not always open with
    /// `O_CLOEXEC`) would otherwise stay open in every child spawned meanwhile, and executing
    /// that file as a hook would fail with "Text file busy" for as long as the child lives.
    static func addclosefrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) {
        _ = addclosefromFunction?(actions, lowest)
    }

    /// `pipe2(fds, flags)`, or `pipe` plus `FD_CLOEXEC` where `pipe2` is missing.
    static func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32 {
        if let pipe2Function { return pipe2Function(fds, flags) }
        guard pipe(fds) == 0 else { return -1 }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return 0
    }

    /// `posix_spawn_file_actions_addchdir_np`, or `ENOSYS` where the C library lacks it.
    static func addchdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Int32 {
        guard let addchdirFunction else { return ENOSYS }
        return addchdirFunction(actions, path)
    }
}

/// A child process started by `start(_:_:in:environment:)`: signal it, then wait for it.
package struct StartedProcess: Sendable {
    /// The child's process id (also its process group id).
    package let pid: Int32

    /// Sends a signal to the child.
    ///
    /// - Parameter signal: e.g. `SIGKILL`.
    package func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the child to end and reaps it.
    ///
    /// - Returns: the exit status, or `128 + n` when signal `n` ended it.
    package func wait() -> Int32 {
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
        let signal = waitStatus & 0x7f
        return signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal
    }
}

/// Starts a program without waiting for it, its standard streams on `/dev/null`: for tests that
/// kill a child at a chosen moment. Wait for it with `StartedProcess.wait()`.
///
/// - Parameters:
///   - executable: a path, or a bare name resolved through `environment["PATH"]`.
///   - arguments: the arguments after `argv[0]`.
///   - directory: the child's working directory; nil keeps the current one.
///   - environment: the child's complete environment.
/// - Returns: the running child.
/// - Throws: `TestSupportError.executableNotFound` or `.spawnFailed`.
package func start(
    _ executable: String, _ arguments: [String], in directory: String?, environment: [String: String]
) throws -> StartedProcess {
    let path = try resolveExecutable(executable, environment: environment)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    if let directory {
        let rc = GNUFunctions.addchdir(&actions, directory)
        if rc != 0 { throw TestSupportError.spawnFailed(executable: path, call: "posix_spawn_file_actions_addchdir_np", errno: rc) }
    }
    var pid: pid_t = 0
    let rc = spawnInOwnGroup(path, arguments, environment, &actions, &pid)
    guard rc == 0 else { throw TestSupportError.spawnFailed(executable: path, call: "posix_spawn", errno: rc) }
    return StartedProcess(pid: pid)
}

/// Spawns a program in its own process group (so a timeout can kill it and everything it
/// started), with SIGPIPE at its default action and no blocked signals.
///
/// - Returns: `posix_spawn`'s result; `pid` receives the child's id.
private func spawnInOwnGroup(
    _ path: String, _ arguments: [String], _ environment: [String: String],
    _ actions: inout posix_spawn_file_actions_t, _ pid: inout pid_t
) -> Int32 {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaultSignals = sigset_t()
    sigemptyset(&defaultSignals)
    sigaddset(&defaultSignals, SIGPIPE)
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
    GNUFunctions.addclosefrom(&actions, 3)
    let argv = ([path] + arguments).map { strdup($0) }
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
    defer {
        for p in argv { free(p) }
        for p in envp { free(p) }
    }
    return (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
        (envp + [nil]).withUnsafeBufferPointer { envBuffer in
            posix_spawn(&pid, path, &actions, &attributes, argvBuffer.baseAddress!, envBuffer.baseAddress!)
        }
    }
}
