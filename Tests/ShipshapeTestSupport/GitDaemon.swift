import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `git daemon` serving a directory of repositories on 127.0.0.1, with pushes enabled
/// (`--enable=receive-pack`), for tests of what a server sees over the git protocol.
///
/// Started on a free port by `init`, stopped (its whole process group) by `stop()` or when the
/// instance is deallocated.
package final class GitDaemon {
    /// The port it listens on.
    package let port: Int
    private let process: StartedProcess
    private var stopped = false

    /// Starts the daemon and waits until it accepts connections.
    ///
    /// - Parameters:
    ///   - basePath: the directory whose repositories are served (`git://127.0.0.1:PORT/<name>.git`).
    ///   - environment: the daemon's environment (the sandbox's, so hooks run hermetically).
    /// - Throws: `TestSupportError` when it cannot start or does not listen within 10 s.
    package init(basePath: String, environment: [String: String]) throws {
        var lastError: (any Error)?
        for _ in 0..<5 {
            let port = try Self.freePort()
            let process = try start(
                "git",
                [
                    "daemon", "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)", "--export-all", "--enable=receive-pack",
                    "--base-path=\(basePath)", basePath,
                ], in: basePath, environment: environment)
            if Self.waitUntilListening(port: port, seconds: 10) {
                self.port = port
                self.process = process
                return
            }
            kill(-process.pid, SIGKILL)
            _ = process.wait()
            lastError = TestSupportError.fileSystem(operation: "git daemon listening on 127.0.0.1:\(port)", path: basePath, errno: ECONNREFUSED)
        }
        throw lastError!
    }

    deinit { stop() }

    /// The URL of a repository under the base path.
    package func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    /// Stops the daemon and everything it started.
    package func stop() {
        guard !stopped else { return }
        stopped = true
        kill(-process.pid, SIGTERM)
        _ = process.wait()
    }

    /// A port nothing listens on now (the kernel's pick for port 0).
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError.fileSystem(operation: "socket", path: "127.0.0.1", errno: errno) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw TestSupportError.fileSystem(operation: "bind", path: "127.0.0.1", errno: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether a connection to the port succeeds within the time.
    private static func waitUntilListening(port: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            if fd >= 0 {
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = UInt16(port).bigEndian
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
                }
                close(fd)
                if connected { return true }
            }
            usleep(50_000)
        }
        return false
    }
}
