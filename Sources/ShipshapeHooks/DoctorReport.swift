/// What `shipshape doctor` found: one line per fact, each marked as fine, worth knowing, or a
/// problem that keeps a hook from doing its job.
package struct DoctorReport: Sendable, Equatable {
    /// How a finding bears on the hooks.
    package enum Status: String, Sendable {
        /// As it should be.
        case ok
        /// Worth knowing; nothing is broken.
        case note
        /// Works, but probably not as meant (a skipped check, a version mismatch).
        case warning
        /// A hook will not run, or will stop git: the line says how to fix it.
        case problem
    }

    /// One finding.
    package struct Item: Sendable, Equatable {
        /// How it bears on the hooks.
        package var status: Status
        /// What it is about, e.g. `commit-msg hook`, `configuration`.
        package var subject: String
        /// What was found (and, for a problem, how to fix it).
        package var detail: String

        /// Creates a finding.
        package init(_ status: Status, _ subject: String, _ detail: String) {
            self.status = status
            self.subject = subject
            self.detail = detail
        }
    }

    /// The findings, in the order they were made.
    package var items: [Item] = []

    /// Creates an empty report.
    package init() {}

    /// Adds a finding.
    package mutating func add(_ status: Status, _ subject: String, _ detail: String) {
        items.append(Item(status, subject, detail))
    }

    /// Whether any finding is a problem (`shipshape doctor` then exits with status 2).
    package var hasProblems: Bool { items.contains { $0.status == .problem } }

    /// The report as text: `status  subject: detail`, one finding per line, then a summary.
    package func rendered() -> String {
        var text = ""
        for item in items {
            let status = item.status.rawValue
            text += status + String(repeating: " ", count: max(1, 9 - status.count)) + item.subject + ": " + item.detail + "\n"
        }
        let problems = items.filter { $0.status == .problem }.count
        let warnings = items.filter { $0.status == .warning }.count
        text += problems == 0 && warnings == 0
            ? "everything Shipshape needs is in place\n"
            : "\(problems) problem\(problems == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        return text
    }
}
