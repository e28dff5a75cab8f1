package import ShipshapeDiagnostics
import ShipshapeHooks

/// The exit-status table: which error of which domain ends a program with which status, and the
/// word its message starts with.
///
/// Every program's errors pass through here, so a usage, configuration or environment problem
/// always exits 2 and a refused release step 1, whatever command raised it.
package struct ErrorStatus: Sendable, Hashable {
    /// The status to exit with.
    package var status: ExitStatus
    /// `error`, or `refused` for a policy refusal.
    package var label: String

    /// The entry for an error of one of Shipshape's domains; nil for any other error (an
    /// argument parser's, which the program maps itself).
    package init?(_ error: any Error) {
        switch error {
        case is HookError, is ChangelogSyncError:
            self.init(status: .trouble, label: "error")
        case let error as ReleaseError:
            let status = ExitStatus(code: error.exitStatus)
            self.init(status: status, label: status == .violation ? "refused" : "error")
        default:
            return nil
        }
    }

    private init(status: ExitStatus, label: String) {
        self.status = status
        self.label = label
    }

    /// The line a program prints for the error: `program: label: what, where and how to fix it`.
    package static func message(for error: any Error, program: String) -> (line: String, status: ExitStatus) {
        let entry = ErrorStatus(error) ?? ErrorStatus(status: .trouble, label: "error")
        return ("\(program): \(entry.label): \(error)\n", entry.status)
    }
}
