package import ShipshapeDiagnostics
import ShipshapeChangelog
import ShipshapeConfiguration
import ShipshapeModel
package import ShipshapeVersioning

/// What `shipshape version` reports: the version the files agree on at HEAD and, with `--next`,
/// the one `release start auto` would choose, with the commit that decides it.
package struct VersionReport: Sendable {
    /// The agreed version.
    package var current: SemanticVersion
    /// Where it was read.
    package var readings: [VersionReading]
    /// The next version (with `--next`).
    package var next: VersionChoice?

    /// The text form: the version, then `next: 1.3.0 (feat 1a2b3c4 ... calls for a minor release)`.
    package var text: String {
        var text = current.description + "\n"
        if let next { text += "next: \(next.version) (\(next.reason))\n" }
        return text
    }

    /// The document: `version`, `sources` and, with `--next`, `next` (`version`, `reason`,
    /// `commit`); the text form closes it.
    package var document: ReportDocument {
        var members: [(String, ReportValue)] = [("version", .string(current.description)), ("sources", readings.reportValue)]
        if let next {
            var choice: [(String, ReportValue)] = [("version", .string(next.version.description)), ("reason", .string(next.reason))]
            if let commit = next.decidingCommit { choice.append(("commit", .string(commit.shortID))) }
            members.append(("next", .record(choice)))
        }
        return ReportDocument(body: .record(members), closingText: text)
    }
}

/// `shipshape version` and `shipshape release notes`: what the release commands would start from.
package enum ReleaseInfo {
    /// The version at HEAD and, when asked, the next one.
    ///
    /// - Throws: `ReleaseError` when the files disagree or nothing can be chosen.
    package static func version(next: Bool, directory: String, invocation: Invocation) throws(ReleaseError) -> VersionReport {
        let ws = try ReleaseWorkspace(directory: directory, invocation: invocation)
        let snapshot = try ws.snapshot()
        let current = try ws.agreedVersion(snapshot, force: false)
        var report = VersionReport(current: current, readings: snapshot.readings)
        if next {
            let graph = try ws.releases()
            let commits: [CommitInfo]
            do { commits = try ws.gate.commitInfos(graph.unreleasedRange(of: ws.head, finalOnly: true)) } catch { throw .hook(error) }
            do {
                report.next = try NextVersion.choose(.auto, current: current, history: graph.history, commits: commits, preLabel: nil, settings: ws.settings)
            } catch {
                throw .cannotChoose(error)
            }
        }
        return report
    }

    /// The body of a version's changelog section (default: the latest release section), ready
    /// for `gh release create vX.Y.Z --notes-file -`.
    ///
    /// - Throws: `ReleaseError.hook` when the changelog has no such section.
    package static func notes(version: String?, directory: String, invocation: Invocation) throws(ReleaseError) -> String {
        let ws = try ReleaseWorkspace(directory: directory, invocation: invocation)
        let path = ws.configuration.changelog.path
        let bytes = try ws.readWorkTree(path)
        let document: ChangelogDocument
        do { document = try ChangelogDocument(parsing: bytes, path: path) } catch { throw .changelog(.document(error)) }
        let wanted = version.map { $0.hasPrefix("v") ? String($0.dropFirst()) : $0 } ?? document.releaseVersions.first
        guard let wanted, let notes = document.releaseNotes(for: wanted) else {
            let known = document.releaseVersions.prefix(5).joined(separator: ", ")
            throw .hook(.usage("\(path) has no section for \(version ?? "a release")\(known.isEmpty ? "" : " (it has \(known))"); give one of its versions"))
        }
        return notes
    }
}
