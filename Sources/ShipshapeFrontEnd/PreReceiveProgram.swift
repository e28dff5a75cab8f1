package import ShipshapeDiagnostics
package import ShipshapeHooks

/// The pre-receive hook: git runs it in the receiving repository with one `<old> <new> <ref>`
/// line per pushed ref on standard input, before any ref is updated. Exit 0 accepts the push, 1
/// refuses all of it (policy), 2 means the check itself could not run (git refuses then too).
/// Everything goes to standard error, which git shows the pusher as `remote:` lines.
package enum PreReceiveProgram: Program {
    package static let name = "shipshape pre-receive"
    package static let timeLimit: UInt32 = 120

    package static func run(_ arguments: [String], invocation: Invocation) throws -> ExitStatus {
        guard arguments.isEmpty else {
            throw HookError.usage(
                "usage: pre-receive < ref-lines (\"<old sha> <new sha> <ref name>\")\n(git runs this hook in the server's repository; install it with: shipshape install --server --repo REPO.git)")
        }
        let input: [UInt8]
        do { input = try FileSystem.readStandardInput() } catch { throw HookError.file(error) }
        let result = try PreReceiveHook.run(input: input, invocation: invocation)
        // git relays standard error as `remote:` lines: colour only when the server asks for it.
        Output(stream: .standardError, environment: invocation.environment, color: result.color).emit(result.outcome.document)
        return ExitStatus(code: result.outcome.exitStatus)
    }

    package static func afterFailure(_ status: ExitStatus) -> [String] {
        ["pre-receive: push refused: the check could not run, so no ref was updated"]
    }
}
