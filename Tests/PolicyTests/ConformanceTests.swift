import Foundation
import ShipshapeDiagnostics
import ShipshapeMessage
import Testing

@testable import ShipshapePolicy

/// One case of `shared/conformance/messages.jsonl`.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let id: String
    let message: String
    let errors: Set<String>
    let warnings: Set<String>
    let ignored: Bool
    let disputed: String?

    var testDescription: String { id }

    /// `<repo>/../shared/conformance/messages.jsonl`, located from this file.
    static let fileURL: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/messages.jsonl")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: fileURL.path) }

    static func load() -> [ConformanceCase] {
        guard let data = try? Data(contentsOf: fileURL), let text = String(data: data, encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, let message = object["message"] as? String
            else { return nil }
            let disputed: String?
            switch object["disputed"] {
            case let text as String: disputed = text
            case let flag as Bool: disputed = flag ? "disputed" : nil
            default: disputed = nil
            }
            return ConformanceCase(
                id: id, message: message, errors: Set(object["errors"] as? [String] ?? []),
                warnings: Set(object["warnings"] as? [String] ?? []), ignored: object["ignored"] as? Bool ?? false,
                disputed: disputed)
        }
    }
}

@Suite("Conformance with commitlint's config-conventional")
struct ConformanceTests {
    @Test(
        "conformance case", .enabled(if: ConformanceCase.isAvailable, "shared/conformance/messages.jsonl is absent"),
        arguments: ConformanceCase.load())
    func conformance(_ testCase: ConformanceCase) throws {
        let cleaned = cleanMessage(testCase.message, mode: .default, commentChar: .hash, editorUsed: true)
        let report = try Linter(settings: LintSettings()).lint(cleaned)
        let errors = Set(report.errors.map(\.rule))
        let warnings = Set(report.warnings.map(\.rule))
        let verdict = { () -> Void in
            #expect(errors == testCase.errors, "errors of \(testCase.id)")
            #expect(warnings == testCase.warnings, "warnings of \(testCase.id)")
            #expect(report.ignored == testCase.ignored, "ignored of \(testCase.id)")
        }
        if let reason = testCase.disputed {
            withKnownIssue("disputed: \(reason)", isIntermittent: true) { verdict() }
        } else {
            verdict()
        }
    }
}
