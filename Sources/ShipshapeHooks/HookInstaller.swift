/// What `install` or `uninstall` did to one hook.
package enum InstallAction: Sendable, Equatable, CustomStringConvertible {
    /// A new shim was written.
    case installed(HookKind, path: String)
    /// An older Shipshape shim was rewritten (e.g. the program moved).
    case updated(HookKind, path: String)
    /// The shim was already up to date.
    case unchanged(HookKind, path: String)
    /// A foreign hook was moved aside to `chainedPath`; it still runs before Shipshape.
    case chained(HookKind, path: String, chainedPath: String)
    /// The shim was removed.
    case removed(HookKind, path: String)
    /// The shim was removed and the hook it had replaced was put back.
    case restored(HookKind, path: String)
    /// The hook there is not Shipshape's; it was left alone.
    case leftForeign(HookKind, path: String)
    /// Nothing of Shipshape's was there.
    case absent(HookKind, path: String)
    /// Something the user should know about the installation.
    case notice(String)

    package var description: String {
        switch self {
        case let .installed(hook, path): return "installed \(hook.fileName) hook: \(path)"
        case let .updated(hook, path): return "updated \(hook.fileName) hook: \(path)"
        case let .unchanged(hook, path): return "\(hook.fileName) hook already installed: \(path)"
        case let .chained(hook, path, chained):
            return "installed \(hook.fileName) hook: \(path) (the existing hook was kept as \(chained) and still runs first)"
        case let .removed(hook, path): return "removed \(hook.fileName) hook: \(path)"
        case let .restored(hook, path): return "removed \(hook.fileName) hook and restored the one it had replaced: \(path)"
        case let .leftForeign(hook, path): return "left \(path) alone: that \(hook.fileName) hook is not Shipshape's"
        case let .absent(hook, path): return "no Shipshape \(hook.fileName) hook at \(path)"
        case let .notice(text): return "note: " + text
        }
    }
}

/// Writes and removes Shipshape's hook shims in a hooks directory, never losing a foreign hook.
///
/// A hook that is not Shipshape's is moved aside to `<hook>.shipshape-chained` and run by the
/// shim before Shipshape's own check, so both keep working; uninstalling puts it back. Running
/// either operation twice is harmless.
package struct HookInstaller: Sendable {
    /// The directory git runs hooks from (`core.hooksPath` already resolved).
    package var hooksDirectory: String
    /// The directory holding the hook programs (`commit-msg`, ...), recorded in each shim.
    package var programDirectory: String
    /// What the shims do when the programs are on neither `PATH` nor the recorded path.
    package var ifMissing: MissingProgramPolicy

    /// Creates an installer.
    package init(hooksDirectory: String, programDirectory: String, ifMissing: MissingProgramPolicy = .refuse) {
        self.hooksDirectory = hooksDirectory
        self.programDirectory = programDirectory
        self.ifMissing = ifMissing
    }

    /// The path of a hook file.
    package func path(of hook: HookKind) -> String { FileSystem.join(hooksDirectory, hook.fileName) }

    /// The path a foreign hook is moved to.
    package func chainedPath(of hook: HookKind) -> String { path(of: hook) + HookShim.chainedSuffix }

    /// Installs the shims for the given hooks.
    ///
    /// - Returns: what was done, one action per hook.
    /// - Throws: `HookError.programMissing` when a hook program is not beside `shipshape`,
    ///   `HookError.chainConflict` when both a foreign hook and an earlier chained one exist,
    ///   `HookError.file` for file-system failures.
    package func install(_ hooks: [HookKind] = HookKind.clientHooks) throws(HookError) -> [InstallAction] {
        for hook in hooks {
            let program = FileSystem.join(programDirectory, hook.programName)
            if !FileSystem.isExecutable(program) { throw .programMissing(hook: hook.fileName, path: program) }
        }
        do {
            try FileSystem.createDirectory(hooksDirectory)
        } catch {
            throw .file(error)
        }
        var actions: [InstallAction] = []
        for hook in hooks {
            actions.append(try install(hook))
        }
        return actions
    }

    private func install(_ hook: HookKind) throws(HookError) -> InstallAction {
        let target = path(of: hook)
        let shim = HookShim.render(hook, program: FileSystem.join(programDirectory, hook.programName), ifMissing: ifMissing)
        let bytes = Array(shim.utf8)
        if FileSystem.exists(target) {
            if let text = ownShimText(at: target) {
                if text == shim { return .unchanged(hook, path: target) }
                try HookError.file { () throws(FileSystemError) in try FileSystem.writeAtomically(bytes, to: target, mode: 0o755) }
                return .updated(hook, path: target)
            }
            let chained = chainedPath(of: hook)
            if FileSystem.exists(chained) { throw .chainConflict(hook: target, chained: chained) }
            try HookError.file { () throws(FileSystemError) in
                try FileSystem.move(target, to: chained)
                try FileSystem.writeAtomically(bytes, to: target, mode: 0o755)
            }
            return .chained(hook, path: target, chainedPath: chained)
        }
        try HookError.file { () throws(FileSystemError) in try FileSystem.writeAtomically(bytes, to: target, mode: 0o755) }
        return .installed(hook, path: target)
    }

    /// Removes the shims and restores any hooks they had replaced.
    ///
    /// - Returns: what was done, one action per hook.
    /// - Throws: `HookError.file` for file-system failures.
    package func uninstall(_ hooks: [HookKind] = HookKind.clientHooks) throws(HookError) -> [InstallAction] {
        var actions: [InstallAction] = []
        for hook in hooks {
            let target = path(of: hook)
            let chained = chainedPath(of: hook)
            do {
                if FileSystem.exists(target) {
                    guard ownShimText(at: target) != nil else {
                        actions.append(.leftForeign(hook, path: target))
                        continue
                    }
                    try FileSystem.remove(target)
                    if FileSystem.exists(chained) {
                        try FileSystem.move(chained, to: target)
                        actions.append(.restored(hook, path: target))
                    } else {
                        actions.append(.removed(hook, path: target))
                    }
                } else if FileSystem.exists(chained) {
                    try FileSystem.move(chained, to: target)
                    actions.append(.restored(hook, path: target))
                } else {
                    actions.append(.absent(hook, path: target))
                }
            } catch {
                throw .file(error)
            }
        }
        return actions
    }

    /// The text of the file if it is a regular file holding one of our shims.
    private func ownShimText(at path: String) -> String? {
        guard !FileSystem.isSymbolicLink(path), FileSystem.isRegularFile(path),
            let bytes = try? FileSystem.read(path)
        else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        return HookShim.isShim(text) ? text : nil
    }
}
