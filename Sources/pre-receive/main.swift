// The pre-receive hook: git runs it in the receiving repository with one `<old> <new> <ref>`
// line per pushed ref on standard input, before any ref is updated. Exit 0 accepts the push, 1
// refuses all of it (policy), 2 means the check itself could not run (git refuses then too).
// Everything goes to standard error, which git shows the pusher as `remote:` lines.
import ShipshapeDiagnostics
import ShipshapeHooks

guard CommandLine.arguments.count == 1 else {
    Console.err("usage: pre-receive < ref-lines (\"<old sha> <new sha> <ref name>\")\n(git runs this hook in the server's repository; install it with: shipshape install --server --repo REPO.git)\n")
    Console.exit(2)
}

let invocation = Console.invocation()
Console.startWatchdog(program: "shipshape pre-receive", seconds: 120, status: 2, environment: invocation.environment)
do {
    let input: [UInt8]
    do { input = try FileSystem.readStandardInput() } catch { throw HookError.file(error) }
    let result = try PreReceiveHook.run(input: input, invocation: invocation)
    let renderer = Renderer(format: .text, color: result.color)
    Console.err(renderer.render(result.outcome.reports, asArray: true))
    for line in result.outcome.advice { Console.err(line + "\n") }
    Console.exit(result.outcome.exitStatus)
} catch {
    Console.err("shipshape pre-receive: error: \(error)\n")
    Console.err("pre-receive: push refused: the check could not run, so no ref was updated\n")
    Console.exit(2)
}
