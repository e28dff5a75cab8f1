package import ShipshapeDiagnostics
package import ShipshapeHooks

/// The commit-msg hook: git runs it with the path of the message file. Exit 0 lets the commit
/// through, 1 refuses it (policy), 2 means the check itself could not run.
package enum CommitMsgProgram: Program {
    package static let name = "shipshape commit-msg"
    package static let timeLimit: UInt32 = 60

    static let usage = "usage: commit-msg <message-file>"

    static let help = """
        \(usage)

        Shipshape's commit-msg hook: checks the message git is about to commit (Conventional
        Commits, commitlint's rules) and the branch name. git runs it with the path of the message
        file; install it into a repository with: shipshape install

        Exit status: 0 accepted (warnings allowed), 1 refused, 2 the check could not run.
        Settings: .shipshape.toml at the top of the repository; SHIPSHAPE_TIMEOUT (seconds, 0 = none).

        """

    package static func run(_ arguments: [String], invocation: Invocation) throws -> ExitStatus {
        let output = Output(stream: .standardError, environment: invocation.environment)
        switch arguments.first {
        case "--help", "-h":
            Console.out(help)
            return .ok
        case "--version":
            Console.out(shipshapeVersion + "\n")
            return .ok
        default:
            break
        }
        guard arguments.count == 1, let messagePath = arguments.first, !messagePath.isEmpty else {
            throw HookError.usage("\(usage)\n(git runs this hook itself; install it with: shipshape install)")
        }
        let outcome = try CommitMsgHook.run(messagePath: messagePath, invocation: invocation)
        output.emit(outcome.document)
        return ExitStatus(code: outcome.exitStatus)
    }
}
