package import ShipshapeDiagnostics
package import ShipshapeHooks

/// The post-merge hook: git runs it after a merge or pull with one argument, the squash flag.
/// It syncs the changelog's Unreleased section and never fails the merge: problems are warnings,
/// and the exit status is always 0 — even when the watchdog ends a stuck run.
package enum PostMergeProgram: Program {
    package static let name = "shipshape post-merge"
    package static let timeLimit: UInt32 = 60
    package static let timeoutStatus = ExitStatus.ok

    package static func run(_ arguments: [String], invocation: Invocation) throws -> ExitStatus {
        if arguments == ["--version"] {
            Console.out(shipshapeVersion + "\n")
            return .ok
        }
        let outcome = PostMergeHook.run(arguments: arguments, invocation: invocation)
        for line in outcome.messages { Console.out(line + "\n") }
        for line in outcome.warnings { Console.err(line + "\n") }
        return ExitStatus(code: outcome.exitStatus)
    }
}
