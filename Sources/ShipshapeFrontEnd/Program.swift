package import ShipshapeDiagnostics
package import ShipshapeHooks

/// One of Shipshape's executables, as the front end runs it.
///
/// Every `main.swift` is `FrontEnd.main(SomeProgram.self)`: the front end starts the watchdog,
/// gives the program its arguments and invocation, and turns what it returns or throws into an
/// exit status through one table (`ErrorStatus`).
package protocol Program {
    /// The name in messages, e.g. `shipshape pre-push`.
    static var name: String { get }
    /// How long a run may take before the watchdog ends it, in seconds (`SHIPSHAPE_TIMEOUT`
    /// overrides it).
    static var timeLimit: UInt32 { get }
    /// The status a run ended by the watchdog exits with.
    static var timeoutStatus: ExitStatus { get }

    /// Runs the program and writes its report.
    ///
    /// - Parameters:
    ///   - arguments: the arguments after the program's name.
    ///   - invocation: working directory and environment.
    /// - Returns: how the run ends.
    /// - Throws: an error of one of Shipshape's domains, which the front end reports.
    static func run(_ arguments: [String], invocation: Invocation) throws -> ExitStatus

    /// Lines printed after the error message when a run fails with `status`.
    static func afterFailure(_ status: ExitStatus) -> [String]
}

extension Program {
    package static var timeoutStatus: ExitStatus { .trouble }
    package static func afterFailure(_ status: ExitStatus) -> [String] { [] }
}

/// Runs programs: the one place where a process starts and ends.
package enum FrontEnd {
    /// Runs a program with the process' arguments and ends the process.
    package static func main<P: Program>(_ program: P.Type) -> Never {
        let invocation = Console.invocation()
        Console.startWatchdog(program: P.name, seconds: P.timeLimit, status: P.timeoutStatus.rawValue, environment: invocation.environment)
        Console.exit(run(program, arguments: Array(CommandLine.arguments.dropFirst()), invocation: invocation).rawValue)
    }

    /// Runs a program and reports a failure on standard error.
    ///
    /// - Returns: the status to exit with.
    package static func run<P: Program>(_ program: P.Type, arguments: [String], invocation: Invocation) -> ExitStatus {
        do {
            return try P.run(arguments, invocation: invocation)
        } catch {
            let (line, status) = ErrorStatus.message(for: error, program: P.name)
            Console.err(line)
            for note in P.afterFailure(status) { Console.err(note + "\n") }
            return status
        }
    }
}
