import ShipshapeCommandLine
import ShipshapeDiagnostics
import ShipshapeFrontEnd
import ShipshapeHooks

/// The `shipshape` program: everything a person runs by hand or in CI.
enum ShipshapeProgram: Program {
    static let name = "shipshape"
    static let timeLimit: UInt32 = 600

    static func run(_ arguments: [String], invocation: Invocation) throws -> ExitStatus {
        // The everyday forms of `shipshape lint` skip ArgumentParser's reflection-based parsing,
        // which costs more than the lint itself; anything else (help, errors) goes through it.
        if let request = LintRequest(fastArguments: arguments) { return try request.run(invocation) }
        return try CommandLineRunner.run(Shipshape.self, arguments: arguments)
    }
}
