// The pre-push hook: git runs it with the remote's name and URL and one line per pushed ref on
// standard input. Exit 0 lets the push through, 1 refuses it (policy), 2 means the check itself
// could not run. Everything goes to standard error.
import ShipshapeDiagnostics
import ShipshapeHooks

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--version"] {
    Console.out(shipshapeVersion + "\n")
    Console.exit(0)
}
guard arguments.count == 2 else {
    Console.err("usage: pre-push <remote-name> <remote-url> < ref-lines\n(git runs this hook itself; install it with: shipshape install)\n")
    Console.exit(2)
}

let invocation = Console.invocation()
Console.startWatchdog(program: "shipshape pre-push", seconds: 120, status: 2, environment: invocation.environment)
do {
    let input: [UInt8]
    do { input = try FileSystem.readStandardInput() } catch { throw HookError.file(error) }
    let outcome = try PrePushHook.run(remoteName: arguments[0], remoteURL: arguments[1], input: input, invocation: invocation)
    let renderer = Renderer(format: .text, color: Console.useColor(fileDescriptor: 2, environment: invocation.environment))
    Console.err(renderer.render(outcome.reports, asArray: true))
    for line in outcome.advice { Console.err(line + "\n") }
    Console.exit(outcome.exitStatus)
} catch {
    Console.err("shipshape pre-push: error: \(error)\n")
    Console.exit(2)
}
