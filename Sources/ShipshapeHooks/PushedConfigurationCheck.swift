import ShipshapeConfiguration
import ShipshapeDiagnostics
import ShipshapeGit
import ShipshapeModel

/// On the receiving side, a push must not put an invalid `.shipshape.toml` on the default
/// branch: every later push would be judged by it (`TrustedConfiguration`) and fail to run, the
/// fix included. So the file at the default branch's new tip is loaded like the next push will
/// load it, and an error refuses the update.
enum PushedConfigurationCheck {
    /// The rule id of the finding.
    static let rule = "configuration-valid"

    /// Adds a finding to the reports when the push updates the default branch with an invalid
    /// `.shipshape.toml`.
    ///
    /// - Parameters:
    ///   - reports: the ref-update check's reports.
    ///   - updates: the push's updates.
    ///   - defaultBranch: the default branch's short name.
    ///   - repository: the receiving repository (inside git's quarantine).
    /// - Returns: the reports, with the finding added to the default branch's.
    /// - Throws: `HookError.git` when the commit cannot be read.
    static func adding(
        to reports: [SubjectReport], updates: [PushedRef], defaultBranch: String?, repository: Repository
    ) throws(HookError) -> [SubjectReport] {
        guard let defaultBranch,
            let update = updates.first(where: { $0.isBranch && !$0.isDeletion && $0.shortRemoteName == defaultBranch })
        else { return reports }
        let bytes: [UInt8]?
        do { bytes = try repository.blob(at: ShipshapeConfiguration.fileName, in: try repository.peeledCommit(update.localID).commit) } catch {
            throw .git(error)
        }
        guard let bytes else { return reports }
        let problem: ConfigurationError
        if let text = String(validating: bytes, as: UTF8.self) {
            do {
                _ = try ShipshapeConfiguration.parse(text: text)
                return reports
            } catch {
                problem = error
            }
        } else {
            problem = .unreadable(file: ShipshapeConfiguration.fileName, reason: "the file is not valid UTF-8 (TOML files must be UTF-8)")
        }
        let finding = Finding(
            rule: rule, severity: .error,
            message: "at \(update.localID.short()) (\(defaultBranch)): \(problem); the server judges every later push by this file, so it must load",
            help: "fix \(ShipshapeConfiguration.fileName) (the hooks and shipshape lint report the same error in a clone), commit, and push again",
            location: FileLocation(path: ShipshapeConfiguration.fileName, line: problem.line))
        var result = reports
        if let index = result.firstIndex(where: { $0.origin == update.remoteRef }) {
            result[index].findings.append(finding)
        } else {
            result.append(SubjectReport(origin: update.remoteRef, findings: [finding]))
        }
        return result
    }
}
