// `shipshape doctor`: reports how the hooks of a repository are installed and what they run.
import ArgumentParser
import ShipshapeFrontEnd
import ShipshapeHooks

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say where the hooks are installed, what they run and whether anything stops them.",
        discussion: """
            Reports this shipshape's version and the libgit2 and PCRE2 it runs with; the \
            repository's hooks directory; for each hook whether it is Shipshape's shim, which \
            program the shim runs (PATH first, then the path recorded at install) and its \
            version, and the hook chained before it; whether .shipshape.toml is valid; and git's \
            template directory. Changes nothing.

            Exit status: 0 nothing stops the hooks (warnings allowed), 2 a problem was found \
            (each problem line says how to fix it).
            """)

    @OptionGroup var options: RepositoryOptions

    func run() throws {
        let invocation = Console.invocation()
        let report = DoctorUseCase.run(directory: options.directory(invocation), invocation: invocation)
        Console.out(report.rendered())
        if report.hasProblems { throw ExitCode(2) }
    }
}
