#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process' side of the front ends: environment, standard streams and colour decisions.
///
/// Executables use it to gather what a use case needs and to print what it returns; the use
/// cases themselves never touch these.
package enum Console {
    /// The process environment as a dictionary.
    package static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }

    /// The invocation of this process: current directory and environment.
    package static func invocation() -> Invocation {
        Invocation(workingDirectory: FileSystem.currentDirectory(), environment: environment())
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
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    /// Ends the process with a status.
    package static func exit(_ status: Int32) -> Never { Glibc.exit(status) }
}
