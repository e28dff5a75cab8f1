/// What a rule is: its identifier, default configuration, the value it accepts and examples.
///
/// The examples are the rule's documentation and its tests: one parameterized test checks that
/// every passing example yields no finding from the rule and every failing one yields at least one,
/// and `shipshape rules` prints them.
package struct RuleDescriptor: Sendable, Hashable {
    /// commitlint's rule name, e.g. `type-enum`.
    package let id: String
    /// One sentence saying what the rule checks.
    package let summary: String
    /// The configuration used when `.shipshape.toml` does not mention the rule.
    package let defaultConfiguration: RuleConfiguration
    /// The kind of value the rule accepts.
    package let valueKind: RuleValueKind
    /// Messages the rule accepts under its default configuration (or `exampleConfiguration`).
    package let passingExamples: [String]
    /// Messages the rule reports under its default configuration (or `exampleConfiguration`).
    package let failingExamples: [String]
    /// The configuration the examples are written for, when the default is `off`.
    package let exampleConfiguration: RuleConfiguration?

    /// Creates a descriptor.
    package init(
        id: String, summary: String, defaultConfiguration: RuleConfiguration, valueKind: RuleValueKind,
        passingExamples: [String] = [], failingExamples: [String] = [],
        exampleConfiguration: RuleConfiguration? = nil
    ) {
        self.id = id
        self.summary = summary
        self.defaultConfiguration = defaultConfiguration
        self.valueKind = valueKind
        self.passingExamples = passingExamples
        self.failingExamples = failingExamples
        self.exampleConfiguration = exampleConfiguration
    }
}

/// Case names accepted by `type-case`, `scope-case` and `subject-case` (commitlint's names).
package let caseNames = [
    "lower-case", "upper-case", "camel-case", "kebab-case", "pascal-case", "sentence-case",
    "snake-case", "start-case",
]
