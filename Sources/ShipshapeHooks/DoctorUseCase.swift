import ShipshapeConfiguration
import ShipshapeGit
import ShipshapePatterns

/// `shipshape doctor`: the first thing to run when "the hook didn't fire".
///
/// Says which shipshape and which libgit2 and PCRE2 are in use, where the repository's hooks
/// are, what each hook file is (Shipshape's shim, somebody else's hook, nothing), which program
/// each shim would run (the same lookup as the shim: `PATH`, then the recorded path) and its
/// version, the hooks chained before them, the missing-program policy, whether `.shipshape.toml`
/// is valid, and the git template (`init.templateDir`). It changes nothing.
package enum DoctorUseCase {
    /// Examines the installation for the repository around a directory.
    ///
    /// - Parameters:
    ///   - directory: a directory inside the repository (outside one, only the programs and the
    ///     template are examined).
    ///   - invocation: environment (`PATH` decides which programs the shims run).
    /// - Returns: the findings.
    package static func run(directory: String, invocation: Invocation) -> DoctorReport {
        var report = DoctorReport()
        examinePrograms(&report)
        let repository: Repository?
        do {
            repository = try Repository.discover(startingAt: directory)
        } catch {
            report.add(.problem, "repository", "\(directory) cannot be read: \(error)")
            repository = nil
        }
        if let repository {
            examineHooks(of: repository, invocation: invocation, into: &report)
            examineConfiguration(of: repository, into: &report)
        } else {
            report.add(.note, "repository", "\(directory) is not inside a git repository, so no hooks were examined (run shipshape doctor inside one, or with --repo DIR)")
        }
        examineTemplate(invocation: invocation, into: &report)
        return report
    }

    /// This program and the C libraries it runs with.
    private static func examinePrograms(_ report: inout DoctorReport) {
        report.add(.ok, "shipshape", "\(shipshapeVersion) at \(FileSystem.executablePath() ?? "(unknown path)")")
        report.add(.ok, "libgit2", "\(GitLibrary.version) from \(GitLibrary.path ?? "(unknown file)")")
        report.add(.ok, "PCRE2", "\(PatternLibrary.version) from \(PatternLibrary.path ?? "(unknown file)")")
    }

    /// The hooks directory and every hook in it.
    private static func examineHooks(of repository: Repository, invocation: Invocation, into report: inout DoctorReport) {
        let hooks: String
        do {
            hooks = try repository.hooksDirectory()
        } catch {
            report.add(.problem, "hooks directory", "cannot be determined: \(error)")
            return
        }
        let configured = (try? repository.configString("core.hooksPath")).flatMap { $0 }
        let origin = configured.map { " (core.hooksPath = \($0))" } ?? ""
        report.add(.ok, "repository", "\(repository.workdir ?? repository.gitDirectory)")
        report.add(.ok, "hooks directory", hooks + origin)
        let override = (try? repository.configString(HookShim.missingPolicyKey)).flatMap { $0 }
        // The client hooks, and the server's pre-receive where it is installed (a repository that
        // receives pushes); a clone without one has nothing missing.
        let serverHooks = HookKind.allCases.filter { !HookKind.clientHooks.contains($0) && FileSystem.exists(FileSystem.join(hooks, $0.fileName)) }
        for hook in HookKind.clientHooks + serverHooks {
            examine(hook, in: hooks, policyOverride: invocation.environment["SHIPSHAPE_IF_MISSING"] ?? override, invocation: invocation, into: &report)
        }
    }

    /// One hook file: ours (and then the program it runs), foreign, or missing; and the chained hook.
    private static func examine(
        _ hook: HookKind, in hooks: String, policyOverride: String?, invocation: Invocation, into report: inout DoctorReport
    ) {
        let subject = "\(hook.fileName) hook"
        let path = FileSystem.join(hooks, hook.fileName)
        let text = (try? FileSystem.read(path)).map { String(decoding: $0, as: UTF8.self) }
        guard let text, FileSystem.isRegularFile(path) else {
            report.add(.problem, subject, "not installed at \(path); run shipshape install")
            return
        }
        guard HookShim.isShim(text) else {
            report.add(.problem, subject, "\(path) is not Shipshape's, so Shipshape's check does not run; shipshape install keeps that hook and runs it first")
            return
        }
        if !FileSystem.isExecutable(path) {
            report.add(.problem, subject, "\(path) is not executable, so git skips it; run shipshape install again (or chmod +x \(path))")
            return
        }
        examineProgram(of: hook, shim: path, text: text, policyOverride: policyOverride, invocation: invocation, into: &report)
        let chained = path + HookShim.chainedSuffix
        if FileSystem.exists(chained) {
            if FileSystem.isExecutable(chained) {
                report.add(.note, subject, "runs \(chained) (the hook that was there before) first")
            } else {
                report.add(.warning, subject, "\(chained) is not executable, so the shim skips it; chmod +x it if it should run")
            }
        }
    }

    /// The program a shim runs, found as the shim finds it, and its version.
    private static func examineProgram(
        of hook: HookKind, shim: String, text: String, policyOverride: String?, invocation: Invocation, into report: inout DoctorReport
    ) {
        let subject = "\(hook.fileName) hook"
        let recorded = HookShim.recordedProgram(in: text)
        let found = ExecutableSearch.find(hook.programName, environment: invocation.environment, skipping: shim)
        guard let program = found ?? recorded.flatMap({ FileSystem.isExecutable($0) ? $0 : nil }) else {
            let policy = policyOverride.flatMap(MissingProgramPolicy.init(rawValue:)) ?? HookShim.missingPolicy(in: text) ?? .refuse
            let nowhere = "the \(hook.programName) program is not on PATH" + (recorded.map { " nor at \($0)" } ?? "")
            if policy == .allow {
                report.add(.warning, subject, "\(nowhere), so git goes on without the check (\(HookShim.missingPolicyKey) = allow); \(HookShim.installHint)")
            } else {
                report.add(.problem, subject, "\(nowhere), so git stops with exit status 2; \(HookShim.installHint)")
            }
            return
        }
        let how = found != nil ? "found on PATH" : "the path recorded at install; not on PATH"
        let version = ChildProcess.run(program, ["--version"], in: "/", environment: invocation.environment)
        guard let version, version.status == 0 else {
            report.add(.problem, subject, "runs \(program) (\(how)), which does not start (\(program) --version failed); reinstall Shipshape")
            return
        }
        let number = version.output.split(separator: "\n").first.map(String.init) ?? ""
        if number == shipshapeVersion {
            report.add(.ok, subject, "runs \(program) (\(how)), version \(number)")
        } else {
            report.add(.warning, subject, "runs \(program) (\(how)), version \(number), not \(shipshapeVersion) like this shipshape; install one version of Shipshape, or put the one you mean first on PATH")
        }
    }

    /// `.shipshape.toml`: absent (defaults), valid or invalid.
    private static func examineConfiguration(of repository: Repository, into report: inout DoctorReport) {
        guard let root = repository.workdir else {
            report.add(.note, "configuration", "a bare repository has no work tree, so no .shipshape.toml is read; the defaults apply")
            return
        }
        let path = FileSystem.join(root, ShipshapeConfiguration.fileName)
        guard FileSystem.exists(path) else {
            report.add(.note, "configuration", "no \(ShipshapeConfiguration.fileName) at \(root): the defaults apply")
            return
        }
        do {
            _ = try ShipshapeConfiguration.load(repositoryRoot: root)
            report.add(.ok, "configuration", "\(path) is valid")
        } catch {
            report.add(.problem, "configuration", "\(path) is invalid, so every hook stops with exit status 2: \(error)")
        }
    }

    /// git's template directory and the shims in it.
    private static func examineTemplate(invocation: Invocation, into report: inout DoctorReport) {
        let directory: String?
        do {
            directory = try TemplateInstallUseCase.configuredDirectory(invocation: invocation)
        } catch {
            report.add(.warning, "template", "\(error)")
            return
        }
        guard let directory else {
            report.add(.note, "template", "init.templateDir is not set: new clones get no hooks until shipshape install runs in them (shipshape install --template changes that)")
            return
        }
        let installed = HookKind.allCases.filter { hook in
            let path = FileSystem.join(FileSystem.join(directory, "hooks"), hook.fileName)
            return (try? FileSystem.read(path)).map { HookShim.isShim(String(decoding: $0, as: UTF8.self)) } ?? false
        }
        let names = installed.map(\.fileName).joined(separator: ", ")
        report.add(.note, "template", "init.templateDir = \(directory); Shipshape hooks there: \(installed.isEmpty ? "none" : names)")
    }
}
