import ShipshapeFrontEnd
import ShipshapeHooks

extension RepositoryOptions {
    /// Installs or removes the server hook (`--server`) of the chosen repository and says what
    /// was done.
    func runServerInstaller(remove: Bool) throws {
        let invocation = Console.invocation()
        let actions = try ServerInstallUseCase.run(
            repository: directory(invocation), programDirectory: try programDirectory(), remove: remove, invocation: invocation)
        for action in actions { Console.out(action.description + "\n") }
    }
}
