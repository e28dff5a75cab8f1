package import ShipshapePatterns

/// How branch names are checked.
package struct BranchSettings: Sendable {
    /// Level of the `branch-name` rule (off disables the check).
    package var level: RuleLevel = .error
    /// Whole-name patterns a branch must match (any one). Nil means the built-in patterns of
    /// the release process (`main`, `master`, `develop`, `feature/<kebab>`, `bugfix/<kebab>`,
    /// `hotfix/<kebab>` or `hotfix/vX.Y.Z`, `release/vX.Y.Z`).
    package var patterns: [Pattern]? = nil
    /// Patterns accepted in addition to `patterns` (or the built-in ones).
    package var extraPatterns: [Pattern] = []

    /// The defaults: the built-in branch strategy, checked at error level.
    package init() {}
}
