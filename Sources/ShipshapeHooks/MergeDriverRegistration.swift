package import ShipshapeGit

/// Registers the changelog's merge driver with git, for one repository: the driver in
/// `.git/config` (`merge.shipshape-changelog.name` and `.driver`) and the changelog path in
/// `.git/info/attributes` (`/CHANGELOG.md merge=shipshape-changelog`), so nothing committed
/// changes and every merge in this clone (`git merge`, `git pull`) uses it. A forge's merge
/// button does not run it: it merges the file line by line.
package enum MergeDriverRegistration {
    /// The driver's name in git's configuration and attributes.
    package static let name = "shipshape-changelog"

    /// Registers (or, with `remove`, unregisters) the driver.
    ///
    /// - Parameters:
    ///   - repository: the repository.
    ///   - changelogPath: the changelog's path relative to the work tree root.
    ///   - programDirectory: where `changelog-sync` is installed (PATH is the fallback).
    ///   - remove: unregister instead.
    /// - Returns: what was done, for the installer's report.
    /// - Throws: `HookError` when git's configuration or the attributes file cannot be written.
    package static func apply(
        repository: Repository, changelogPath: String, programDirectory: String, remove: Bool
    ) throws(HookError) -> InstallAction {
        let attributes = FileSystem.join(repository.commonDirectory, "info/attributes")
        let line = "/\(changelogPath) merge=\(name)"
        do {
            if remove {
                try repository.unsetLocalConfig("merge.\(name).name")
                try repository.unsetLocalConfig("merge.\(name).driver")
            } else {
                try repository.setLocalConfig("merge.\(name).name", to: "Shipshape: merge synced changelogs by entry")
                try repository.setLocalConfig("merge.\(name).driver", to: driverCommand(programDirectory: programDirectory))
            }
        } catch {
            throw .git(error)
        }
        var lines = (try? FileSystem.read(attributes)).map { String(decoding: $0, as: UTF8.self) }?
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init) ?? []
        if lines.last == "" { lines.removeLast() }
        let kept = lines.filter { !$0.hasSuffix(" merge=\(name)") }
        let wanted = remove ? kept : kept + [line]
        if wanted != lines {
            do {
                try FileSystem.createDirectory(FileSystem.directoryName(attributes))
                try FileSystem.writeAtomically(Array((wanted.joined(separator: "\n") + (wanted.isEmpty ? "" : "\n")).utf8), to: attributes)
            } catch {
                throw .file(error)
            }
        }
        return .notice(remove
            ? "removed the changelog merge driver (\(attributes))"
            : "registered the changelog merge driver for \(changelogPath) (\(attributes), merge.\(name).driver)")
    }

    /// The shell command git runs: the installed program, else `changelog-sync` on PATH.
    static func driverCommand(programDirectory: String) -> String {
        let program = FileSystem.join(programDirectory, "changelog-sync").replacingSingleQuotes()
        return "p='\(program)'; [ -x \"$p\" ] || p=changelog-sync; \"$p\" --merge %O %A %B"
    }
}

extension String {
    /// The text with each `'` written as `'\''`, for a single-quoted shell word.
    fileprivate func replacingSingleQuotes() -> String {
        var result = ""
        for character in self { result += character == "'" ? "'\\''" : String(character) }
        return result
    }
}
