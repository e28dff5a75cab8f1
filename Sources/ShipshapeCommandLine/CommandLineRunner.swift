package import ArgumentParser
package import ShipshapeDiagnostics
import ShipshapeFrontEnd
import ShipshapeHooks

/// The ArgumentParser side of the exit-status table: parses a command line, runs the command,
/// and maps ArgumentParser's own outcomes (help, usage errors, `ExitCode`) to Shipshape's
/// statuses: 0 ok, 1 policy violation, 2 usage (ArgumentParser's own usage status is 64).
///
/// Errors of Shipshape's domains pass through to `FrontEnd`, which reports them by its table.
package enum CommandLineRunner {
    /// Parses the arguments and runs the command they name.
    ///
    /// - Parameters:
    ///   - command: the root command type.
    ///   - arguments: the arguments after the program's name.
    /// - Returns: how the run ends.
    /// - Throws: the command's error when it belongs to one of Shipshape's domains.
    package static func run<Command: ParsableCommand>(_ command: Command.Type, arguments: [String]) throws -> ExitStatus {
        do {
            var parsed = try command.parseAsRoot(arguments)
            try parsed.run()
            return .ok
        } catch {
            if ErrorStatus(error) != nil { throw error }
            let code = command.exitCode(for: error)
            let message = command.fullMessage(for: error)
            if code == .success {
                Console.out(message.isEmpty ? "" : message + "\n")
                return .ok
            }
            // A policy violation the command has already reported.
            if code == .failure && message.isEmpty { return .violation }
            if !message.isEmpty { Console.err(message + "\n") }
            return code == .failure ? .violation : .trouble
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

extension OutputFormat {
    /// Refuses a format the command cannot render, in a command's `validate()`: ArgumentParser
    /// prints the message with the usage and the run ends with status 2.
    ///
    /// - Parameters:
    ///   - supported: the formats the command renders.
    ///   - command: the command's name, for the message.
    package func validate(_ supported: [OutputFormat], command: String) throws(ValidationError) {
        do { try require(supported, command: command) } catch { throw ValidationError(error.description) }
    }
}
