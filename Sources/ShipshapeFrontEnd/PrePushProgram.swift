package import ShipshapeDiagnostics
package import ShipshapeHooks

/// The pre-push hook: git runs it with the remote's name and URL and one line per pushed ref on
/// standard input. Exit 0 lets the push through, 1 refuses it (policy), 2 means the check itself
/// could not run. Everything goes to standard error.
package enum PrePushProgram: Program {
    package static let name = "shipshape pre-push"
    package static let timeLimit: UInt32 = 120

    package static func run(_ arguments: [String], invocation: Invocation) throws -> ExitStatus {
        if arguments == ["--version"] {
            Console.out(shipshapeVersion + "\n")
            return .ok
        }
        guard arguments.count == 2 else {
            throw HookError.usage(
                "usage: pre-push <remote-name> <remote-url> < ref-lines\n(git runs this hook itself; install it with: shipshape install)")
        }
        let input: [UInt8]
        do { input = try FileSystem.readStandardInput() } catch { throw HookError.file(error) }
        let outcome = try PrePushHook.run(remoteName: arguments[0], remoteURL: arguments[1], input: input, invocation: invocation)
        Output(stream: .standardError, environment: invocation.environment).emit(outcome.document)
        return ExitStatus(code: outcome.exitStatus)
    }
}
