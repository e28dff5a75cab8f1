/// Every commit-message rule Shipshape knows, by commitlint name.
///
/// Each rule lives in its own file under `Rules/` with its descriptor (id, default
/// configuration, value kind, summary and examples) and its check.
package enum RuleCatalog {
    /// The rule implementations, sorted by id.
    static let rules: [any CommitRule.Type] = {
        let all: [any CommitRule.Type] = [
            BodyEmptyRule.self, BodyLeadingBlankRule.self, BodyMaxLineLengthRule.self,
            BreakingChangeExclamationMarkRule.self, FooterLeadingBlankRule.self, FooterMaxLineLengthRule.self,
            HeaderMaxLengthRule.self, HeaderTrimRule.self, ReferencesEmptyRule.self, ScopeCaseRule.self,
            ScopeEmptyRule.self, ScopeEnumRule.self, SignedOffByRule.self, SubjectCaseRule.self,
            SubjectEmptyRule.self, SubjectFullStopRule.self, TrailerExistsRule.self, TypeCaseRule.self,
            TypeEmptyRule.self, TypeEnumRule.self,
        ]
        return all.sorted { $0.descriptor.id < $1.descriptor.id }
    }()

    /// All descriptors, sorted by id.
    package static let descriptors: [RuleDescriptor] = rules.map { $0.descriptor }

    /// The descriptor of a rule.
    ///
    /// - Parameter id: commitlint's rule name, e.g. `type-enum`.
    /// - Returns: the descriptor, or nil if there is no rule of that id.
    package static func descriptor(for id: String) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }
}

extension LintSettings {
    /// The configuration in effect for a rule: the configured one, else the descriptor's default.
    ///
    /// - Parameter descriptor: the rule's descriptor.
    /// - Returns: `rules[descriptor.id]` or `descriptor.defaultConfiguration`.
    package func configuration(for descriptor: RuleDescriptor) -> RuleConfiguration {
        rules[descriptor.id] ?? descriptor.defaultConfiguration
    }
}
