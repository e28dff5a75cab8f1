package import ShipshapeDiagnostics

/// Turns report documents into one output format. Each format has one reporter, and it is the
/// only code that encodes a finding in that format.
///
/// Rendering is pure: the front end decides about colour and where the text goes.
package protocol Reporter: Sendable {
    /// The whole document, ending with a newline unless empty.
    func render(_ document: ReportDocument) -> String

    /// What starts a list of subjects rendered one at a time (a range of commits, reported as
    /// they are read and then dropped).
    var listStart: String { get }

    /// One subject of such a list.
    ///
    /// - Parameters:
    ///   - subject: the subject.
    ///   - isFirst: whether it is the first of the list.
    func listItem(_ subject: SubjectReport, isFirst: Bool) -> String

    /// What ends the list, with the closing text for people.
    ///
    /// The start, the items and the end together are the text `render` gives for a document
    /// whose body is the list and whose closing is `closing`.
    func listEnd(closing: String) -> String
}

extension OutputFormat {
    /// The reporter of this format.
    ///
    /// - Parameters:
    ///   - color: whether text may use ANSI colours (text only).
    ///   - verbose: whether text mentions ignored subjects and why (text only).
    package func reporter(color: Bool = false, verbose: Bool = false) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, verbose: verbose)
        case .json: JSONReporter()
        case .github: GitHubReporter()
        }
    }
}
