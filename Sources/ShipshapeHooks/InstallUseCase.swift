import ShipshapeChangelog
import ShipshapeGit

/// `shipshape install` / `uninstall`: finds the hooks directory of a repository and runs the installer.
package enum InstallUseCase {
    /// Where the hooks go for the repository around a directory.
    ///
    /// - Returns: git's hooks directory: `core.hooksPath` when set, else the common `hooks`
    ///   directory shared by all worktrees.
    /// - Throws: `HookError.notARepository` outside a repository, `.git` when it cannot be read.
    package static func hooksDirectory(repository directory: String, invocation: Invocation) throws(HookError) -> String {
        let repository: Repository?
        do { repository = try Repository.discover(startingAt: directory) } catch { throw .git(error) }
        guard let repository else { throw .notARepository(path: directory) }
        do { return try repository.hooksDirectory() } catch { throw .git(error) }
    }

    /// Installs or removes the hooks.
    ///
    /// - Parameters:
    ///   - directory: a directory inside the repository.
    ///   - programDirectory: where the hook programs are (beside `shipshape`).
    ///   - remove: uninstall instead of install.
    ///   - ifMissing: what the shims do when the programs cannot be found.
    ///   - invocation: environment.
    /// - Returns: one action per hook.
    package static func run(
        repository directory: String, programDirectory: String, remove: Bool, ifMissing: MissingProgramPolicy = .refuse,
        invocation: Invocation
    ) throws(HookError) -> [InstallAction] {
        let hooks = try hooksDirectory(repository: directory, invocation: invocation)
        let installer = HookInstaller(hooksDirectory: hooks, programDirectory: programDirectory, ifMissing: ifMissing)
        var actions = remove ? try installer.uninstall() : try installer.install()
        if let repository = try? Repository.discover(startingAt: directory), repository.workdir != nil {
            let path = (try? ChangelogSyncUseCase.settings(nil, for: repository).path) ?? "CHANGELOG.md"
            actions.append(try MergeDriverRegistration.apply(
                repository: repository, changelogPath: path, programDirectory: programDirectory, remove: remove))
        }
        if !remove, let configured = try? Repository.discover(startingAt: directory)?.configString("core.hooksPath"),
            !configured.hasPrefix("/"), !configured.hasPrefix("~")
        {
            actions.append(
                .notice(
                    "core.hooksPath is relative (\(configured)): git resolves it in each worktree's own directory, so other worktrees run the hooks only if \(configured) is committed to the repository or you run shipshape install in each of them"
                ))
        }
        return actions
    }
}
