import ShipshapeDiagnostics
import Testing

@testable import ShipshapePolicy

/// One rule example: the descriptor it belongs to, the message and whether it must pass.
struct RuleExample: Sendable, CustomTestStringConvertible {
    let descriptor: RuleDescriptor
    let message: String
    let passes: Bool

    var testDescription: String {
        "\(descriptor.id) \(passes ? "passes" : "fails"): \(message.debugDescription)"
    }

    static let all: [RuleExample] = RuleCatalog.descriptors.flatMap { d in
        d.passingExamples.map { RuleExample(descriptor: d, message: $0, passes: true) }
            + d.failingExamples.map { RuleExample(descriptor: d, message: $0, passes: false) }
    }
}

@Suite("Rule examples are tests")
struct RuleExampleTests {
    @Test("rule example", arguments: RuleExample.all)
    func example(_ example: RuleExample) throws {
        var settings = LintSettings()
        settings.rules[example.descriptor.id] =
            example.descriptor.exampleConfiguration ?? example.descriptor.defaultConfiguration
        let report = try Linter(settings: settings).lint(example.message + "\n")
        let own = report.findings.filter { $0.rule == example.descriptor.id }
        if example.passes {
            #expect(own.isEmpty, "unexpected: \(own.map(\.message))")
        } else {
            #expect(!own.isEmpty)
            for finding in own {
                #expect(!finding.message.isEmpty)
                #expect(finding.span != nil)
            }
        }
    }

    @Test func everyRuleHasExamples() {
        for d in RuleCatalog.descriptors {
            #expect(!d.passingExamples.isEmpty, "\(d.id) has no passing example")
            #expect(!d.failingExamples.isEmpty, "\(d.id) has no failing example")
            if d.defaultConfiguration.level == .off {
                #expect(d.exampleConfiguration != nil, "\(d.id) is off by default and needs an example configuration")
            }
        }
    }

    @Test func catalogIsSortedAndMatchesCommitlint() {
        let ids = RuleCatalog.descriptors.map(\.id)
        #expect(ids == ids.sorted())
        #expect(ids.count == 20)
        let config = [
            "body-leading-blank": RuleLevel.warning, "body-max-line-length": .error, "footer-leading-blank": .warning,
            "footer-max-line-length": .error, "header-max-length": .error, "header-trim": .error,
            "subject-case": .error, "subject-empty": .error, "subject-full-stop": .error, "type-case": .error,
            "type-empty": .error, "type-enum": .error,
        ]
        for d in RuleCatalog.descriptors {
            #expect(d.defaultConfiguration.level == (config[d.id] ?? .off), "\(d.id)")
        }
        #expect(RuleCatalog.descriptor(for: "header-max-length")?.defaultConfiguration.value == .integer(100))
        #expect(RuleCatalog.descriptor(for: "nope") == nil)
    }
}
