// The post-merge hook: git runs it after a merge or pull with one argument, the squash flag.
// It syncs the changelog's Unreleased section and never fails the merge: problems are warnings,
// and the exit status is always 0.
import ShipshapeHooks

if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
    Console.out(shipshapeVersion + "\n")
    Console.exit(0)
}
let invocation = Console.invocation()
// Even a stuck repository must not hold up the merge: give up quietly-but-visibly with status 0.
Console.startWatchdog(program: "shipshape post-merge", seconds: 60, status: 0, environment: invocation.environment)
let outcome = PostMergeHook.run(arguments: Array(CommandLine.arguments.dropFirst()), invocation: invocation)
for line in outcome.messages { Console.out(line + "\n") }
for line in outcome.warnings { Console.err(line + "\n") }
Console.exit(outcome.exitStatus)
