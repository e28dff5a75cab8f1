#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
package import ShipshapeHooks

/// The watchdog's message, prepared before the alarm is armed (read only in the signal handler).
nonisolated(unsafe) private var watchdogMessage: UnsafeBufferPointer<UInt8>?
/// The watchdog's exit status.
nonisolated(unsafe) private var watchdogStatus: Int32 = 2

/// The process' side of the front ends: environment, standard streams and colour decisions.
///
/// Executables use it to gather what a use case needs and to print what it returns; the use
/// cases themselves never touch these.
package enum Console {
    /// The process environment as a dictionary.
    package static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = System.environment
        while let entry = pointer.pointee {
            // Split on the first "=" in the raw bytes: no Character-level work per variable.
            let length = strlen(entry)
            entry.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                let all = UnsafeBufferPointer(start: bytes, count: length)
                if let eq = all.firstIndex(of: UInt8(ascii: "=")) {
                    result[String(decoding: all[..<eq], as: UTF8.self)] = String(decoding: all[(eq + 1)...], as: UTF8.self)
                }
            }
            pointer += 1
        }
        return result
    }

    /// The invocation of this process: current directory and environment.
    package static func invocation() -> Invocation {
        Invocation(workingDirectory: FileSystem.currentDirectory(), environment: environment(), parentArguments: parentArguments())
    }

    /// The parent process' arguments from `/proc/<ppid>/cmdline` (Linux), empty elsewhere or
    /// when unreadable. A hook's shim `exec`s the program, so the parent is git.
    static func parentArguments() -> [String] {
        guard let bytes = try? FileSystem.read("/proc/\(getppid())/cmdline"), !bytes.isEmpty else { return [] }
        return bytes.split(separator: 0, omittingEmptySubsequences: false).dropLast(bytes.last == 0 ? 1 : 0).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// Whether to colour output on a stream: only on a terminal, never with `NO_COLOR` set
    /// (to anything non-empty) or `TERM=dumb`.
    package static func useColor(fileDescriptor: Int32, environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    /// Writes text to standard output.
    package static func out(_ text: String) { write(text, to: 1) }

    /// Writes text to standard error.
    package static func err(_ text: String) { write(text, to: 2) }

    private static func write(_ text: String, to fd: Int32) {
        guard !text.isEmpty else { return }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { System.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    /// Makes sure the process ends within a time limit, whatever happens inside the libraries.
    ///
    /// A hook must never hang a `git commit` or `git push`: libgit2 1.5 can spin forever on some
    /// damaged objects. After `seconds` (overridable with `SHIPSHAPE_TIMEOUT`, 0 disables it)
    /// the process prints why and exits with `status` (2 for a check that could not run; a hook
    /// that must never block, such as post-merge, passes 0).
    ///
    /// - Parameters:
    ///   - program: the name shown in the message.
    ///   - seconds: the default limit.
    ///   - status: the exit status on timeout.
    ///   - environment: where `SHIPSHAPE_TIMEOUT` is read from.
    package static func startWatchdog(program: String, seconds: UInt32, status: Int32, environment: [String: String]) {
        var limit = seconds
        if let text = environment["SHIPSHAPE_TIMEOUT"], let value = UInt32(text) { limit = value }
        guard limit > 0 else { return }
        let text = "\(program): error: gave up after \(limit) s; the repository may be damaged (run git fsck) or very large (raise SHIPSHAPE_TIMEOUT, in seconds)\n"
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        watchdogMessage = UnsafeBufferPointer(buffer)
        watchdogStatus = status
        signal(SIGALRM) { _ in
            // Only async-signal-safe calls here: write(2) and _exit(2).
            if let message = watchdogMessage { _ = System.write(2, message.baseAddress, message.count) }
            _exit(watchdogStatus)
        }
        alarm(limit)
    }

    /// Ends the process with a status.
    package static func exit(_ status: Int32) -> Never { System.exit(status) }
}
