// PLACEHOLDER CATALOG — the ids, defaults and value kinds are final; the rule implementations
// (one file per rule, each with its own descriptor and examples) replace this list.

/// Every commit-message rule Shipshape knows, by commitlint name.
package enum RuleCatalog {
    /// All descriptors, sorted by id.
    package static let descriptors: [RuleDescriptor] = [
        RuleDescriptor(id: "body-empty", summary: "body must (not) be empty", defaultConfiguration: .init(.off, .never), valueKind: .none),
        RuleDescriptor(id: "body-leading-blank", summary: "body begins with a blank line", defaultConfiguration: .init(.warning, .always), valueKind: .none),
        RuleDescriptor(id: "body-max-line-length", summary: "body lines are at most N characters", defaultConfiguration: .init(.error, .always, .integer(100)), valueKind: .integer),
        RuleDescriptor(id: "breaking-change-exclamation-mark", summary: "a breaking change carries both ! and a BREAKING CHANGE footer", defaultConfiguration: .init(.off, .always), valueKind: .none),
        RuleDescriptor(id: "footer-leading-blank", summary: "footer begins with a blank line", defaultConfiguration: .init(.warning, .always), valueKind: .none),
        RuleDescriptor(id: "footer-max-line-length", summary: "footer lines are at most N characters", defaultConfiguration: .init(.error, .always, .integer(100)), valueKind: .integer),
        RuleDescriptor(id: "header-max-length", summary: "header is at most N characters", defaultConfiguration: .init(.error, .always, .integer(100)), valueKind: .integer),
        RuleDescriptor(id: "header-trim", summary: "header has no leading or trailing whitespace", defaultConfiguration: .init(.error, .always), valueKind: .none),
        RuleDescriptor(id: "references-empty", summary: "references must (not) be empty", defaultConfiguration: .init(.off, .never), valueKind: .none),
        RuleDescriptor(id: "scope-case", summary: "scope is in the given case", defaultConfiguration: .init(.off, .always, .strings(["lower-case"])), valueKind: .cases(allowed: caseNames)),
        RuleDescriptor(id: "scope-empty", summary: "scope must (not) be empty", defaultConfiguration: .init(.off, .never), valueKind: .none),
        RuleDescriptor(id: "scope-enum", summary: "scope is one of the listed values", defaultConfiguration: .init(.off, .always, .strings([])), valueKind: .strings),
        RuleDescriptor(id: "signed-off-by", summary: "message has a Signed-off-by trailer", defaultConfiguration: .init(.off, .always, .string("Signed-off-by:")), valueKind: .string),
        RuleDescriptor(id: "subject-case", summary: "subject is (not) in the given cases", defaultConfiguration: .init(.error, .never, .strings(["sentence-case", "start-case", "pascal-case", "upper-case"])), valueKind: .cases(allowed: caseNames)),
        RuleDescriptor(id: "subject-empty", summary: "subject must (not) be empty", defaultConfiguration: .init(.error, .never), valueKind: .none),
        RuleDescriptor(id: "subject-full-stop", summary: "subject does (not) end with the given character", defaultConfiguration: .init(.error, .never, .string(".")), valueKind: .string),
        RuleDescriptor(id: "trailer-exists", summary: "message has the given trailer", defaultConfiguration: .init(.off, .always, .string("Signed-off-by:")), valueKind: .string),
        RuleDescriptor(id: "type-case", summary: "type is in the given case", defaultConfiguration: .init(.error, .always, .strings(["lower-case"])), valueKind: .cases(allowed: caseNames)),
        RuleDescriptor(id: "type-empty", summary: "type must (not) be empty", defaultConfiguration: .init(.error, .never), valueKind: .none),
        RuleDescriptor(id: "type-enum", summary: "type is one of the listed values", defaultConfiguration: .init(.error, .always, .strings(["build", "chore", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style", "test"])), valueKind: .strings),
    ]

    /// The descriptor of a rule, or nil if there is no rule of that id.
    package static func descriptor(for id: String) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }
}
