/// `shipshape install --template`: puts the hook shims into git's template directory
/// (`init.templateDir`), so every later `git init` and `git clone` on this machine gets them.
///
/// git copies `<templateDir>/hooks/*` into each new repository's hooks directory (and, on `git
/// init` in an existing repository, the files that are not there yet). When `init.templateDir`
/// is not set, `~/.git-template` is used and recorded in the global configuration with
/// `git config --global`, so the setting goes where git itself writes it. The configuration is
/// read and written by running git: it is the user's, not a repository's.
package enum TemplateInstallUseCase {
    /// The template directory used when `init.templateDir` is not set, relative to `HOME`.
    package static let defaultDirectoryName = ".git-template"

    /// `init.templateDir` as git resolves it outside any repository (system and global
    /// configuration), `~/` expanded; nil when it is not set.
    ///
    /// - Throws: `HookError.environment` when git cannot be run or fails.
    package static func configuredDirectory(invocation: Invocation) throws(HookError) -> String? {
        let result = try git(["config", "--get", "init.templateDir"], invocation: invocation)
        if result.status == 1 { return nil }  // not set
        guard result.status == 0 else {
            throw .environment("git config --get init.templateDir failed (exit status \(result.status)); run it yourself to see why")
        }
        let value = result.output.split(separator: "\n").first.map(String.init) ?? ""
        if value.isEmpty { return nil }
        if value == "~" || value.hasPrefix("~/"), let home = invocation.environment["HOME"] {
            return home + value.dropFirst()
        }
        return FileSystemPath.absolute(value, relativeTo: invocation.environment["HOME"] ?? "/")
    }

    /// Installs or removes the shims in the template directory.
    ///
    /// - Parameters:
    ///   - programDirectory: where the hook programs are (recorded in the shims).
    ///   - remove: uninstall instead of install (`init.templateDir` is left as it is).
    ///   - ifMissing: what the shims do when the programs cannot be found.
    ///   - invocation: environment (`HOME`, `PATH`, git's configuration variables).
    /// - Returns: one action per hook, and notices about the configuration.
    /// - Throws: `HookError` when git cannot be run or the directory cannot be written.
    package static func run(
        programDirectory: String, remove: Bool, ifMissing: MissingProgramPolicy, invocation: Invocation
    ) throws(HookError) -> [InstallAction] {
        var notices: [InstallAction] = []
        let directory: String
        if let configured = try configuredDirectory(invocation: invocation) {
            directory = configured
        } else if remove {
            return [.notice("init.templateDir is not set, so there is no template to remove the hooks from")]
        } else {
            guard let home = invocation.environment["HOME"], !home.isEmpty else {
                throw .environment("HOME is not set, so there is no place for a git template; set init.templateDir first: git config --global init.templateDir DIR")
            }
            directory = FileSystem.join(home, defaultDirectoryName)
            let set = try git(["config", "--global", "init.templateDir", directory], invocation: invocation)
            guard set.status == 0 else {
                throw .environment("git config --global init.templateDir \(directory) failed (exit status \(set.status)); run it yourself, then shipshape install --template again")
            }
            notices.append(.notice("set init.templateDir to \(directory) in your global git configuration (undo: git config --global --unset init.templateDir)"))
        }
        let installer = HookInstaller(hooksDirectory: FileSystem.join(directory, "hooks"), programDirectory: programDirectory, ifMissing: ifMissing)
        var actions = remove ? try installer.uninstall() : try installer.install()
        if !remove {
            actions.append(.notice("every later git init and git clone on this machine gets these hooks; repositories that exist already need shipshape install (or git init inside them)"))
            if let hooksPath = try git(["config", "--get", "core.hooksPath"], invocation: invocation).output.split(separator: "\n").first {
                actions.append(.notice("core.hooksPath is set (\(hooksPath)) in your global or system configuration: git runs the hooks from there, not from the ones a template copies into each repository"))
            }
        }
        return actions + notices
    }

    /// Runs git outside any repository (in `/`, without `GIT_DIR`), so only the system and
    /// global configuration apply.
    private static func git(_ arguments: [String], invocation: Invocation) throws(HookError) -> ChildProcess.Result {
        var environment = invocation.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS"] {
            environment[key] = nil
        }
        guard let result = ChildProcess.run("git", arguments, in: "/", environment: environment) else {
            throw .environment("cannot run git (is it on PATH?); install git, or set init.templateDir and copy the hooks by hand")
        }
        return result
    }
}
