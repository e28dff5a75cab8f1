// The commit-msg hook: git runs it with the path of the message file. Exit 0 lets the commit
// through, 1 refuses it (policy), 2 means the check itself could not run.
import ShipshapeDiagnostics
import ShipshapeHooks

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "--help" || arguments.first == "-h" {
    Console.out("""
        usage: commit-msg <message-file>

        Shipshape's commit-msg hook: checks the message git is about to commit (Conventional
        Commits, commitlint's rules) and the branch name. git runs it with the path of the message
        file; install it into a repository with: shipshape install

        Exit status: 0 accepted (warnings allowed), 1 refused, 2 the check could not run.
        Settings: .shipshape.toml at the top of the repository; SHIPSHAPE_TIMEOUT (seconds, 0 = none).

        """)
    Console.exit(0)
}
if arguments.first == "--version" {
    Console.out(shipshapeVersion + "\n")
    Console.exit(0)
}
guard arguments.count == 1, let messagePath = arguments.first, !messagePath.isEmpty else {
    Console.err("usage: commit-msg <message-file>\n(git runs this hook itself; install it with: shipshape install)\n")
    Console.exit(2)
}

let invocation = Console.invocation()
Console.startWatchdog(program: "shipshape commit-msg", seconds: 60, status: 2, environment: invocation.environment)
do {
    let outcome = try CommitMsgHook.run(messagePath: messagePath, invocation: invocation)
    let renderer = Renderer(format: .text, color: Console.useColor(fileDescriptor: 2, environment: invocation.environment))
    Console.err(renderer.render(outcome.reports, asArray: false))
    for line in outcome.advice { Console.err(line + "\n") }
    Console.exit(outcome.exitStatus)
} catch {
    Console.err("shipshape commit-msg: error: \(error)\n")
    Console.exit(2)
}
