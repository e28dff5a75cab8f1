package import ArgumentParser
import ShipshapeHooks

/// Runs an ArgumentParser command line with Shipshape's exit statuses: 0 ok, 1 policy violation,
/// 2 usage, configuration or environment error (ArgumentParser's own usage status is 64).
package enum CommandLineRunner {
    /// Parses the arguments, runs the command and ends the process.
    ///
    /// - Parameters:
    ///   - command: the root command type.
    ///   - program: the name used in error messages, e.g. `shipshape`.
    package static func run<Command: ParsableCommand>(_ command: Command.Type, program: String) -> Never {
        do {
            var parsed = try command.parseAsRoot()
            try parsed.run()
            Console.exit(0)
        } catch let error as HookError {
            Console.err("\(program): error: \(error)\n")
            Console.exit(2)
        } catch let error as ReleaseError {
            Console.err("\(program): \(error.exitStatus == 1 ? "refused" : "error"): \(error)\n")
            Console.exit(error.exitStatus)
        } catch let error as ChangelogSyncError {
            Console.err("\(program): error: \(error)\n")
            Console.exit(2)
        } catch {
            let code = command.exitCode(for: error)
            let message = command.fullMessage(for: error)
            if code == .success {
                Console.out(message.isEmpty ? "" : message + "\n")
                Console.exit(0)
            }
            if code == .failure && message.isEmpty {
                Console.exit(1)  // a policy violation, already reported
            }
            if !message.isEmpty { Console.err(message + "\n") }
            Console.exit(code == .failure ? 1 : 2)
        }
    }
}
