import ShipshapeGit

/// `shipshape install --server` / `uninstall --server`: the `pre-receive` hook in a repository
/// that receives pushes (bare, or a non-bare one pushed to).
///
/// The shim goes into the repository's hooks directory (`core.hooksPath` when set), chaining a
/// `pre-receive` that is already there, as the client install does. No merge driver is
/// registered: a server never merges.
package enum ServerInstallUseCase {
    /// Installs or removes the server hook.
    ///
    /// - Parameters:
    ///   - directory: the repository (its git directory, or a directory of its work tree).
    ///   - programDirectory: where the hook programs are (beside `shipshape`).
    ///   - remove: uninstall instead of install.
    ///   - invocation: environment.
    /// - Returns: what was done, and notes on where the configuration comes from.
    /// - Throws: `HookError.notARepository` outside a repository, `.programMissing` without the
    ///   `pre-receive` program, `.git` and `.file` for read and write failures.
    package static func run(
        repository directory: String, programDirectory: String, remove: Bool, invocation: Invocation
    ) throws(HookError) -> [InstallAction] {
        let hooks = try InstallUseCase.hooksDirectory(repository: directory, invocation: invocation)
        let installer = HookInstaller(hooksDirectory: hooks, programDirectory: programDirectory)
        if remove { return try installer.uninstall(HookKind.serverHooks) }
        var actions = try installer.install(HookKind.serverHooks)
        actions.append(
            .notice(
                "pushes are now judged by .shipshape.toml as committed on the default branch (HEAD) before each push, or by the file git config \(TrustedConfiguration.configKey) PATH names; a push cannot change the rules it is judged by"
            ))
        return actions
    }
}
