/// How every Shipshape program ends.
package enum ExitStatus: Int32, Sendable, Hashable, CaseIterable {
    /// Everything passed; warnings are allowed.
    case ok = 0
    /// A policy violation: an error-level finding, or a release step refused.
    case violation = 1
    /// Usage, configuration or environment: the check could not run.
    case trouble = 2

    /// The status of a use case's numeric verdict: 0 ok, 1 a violation, anything else trouble.
    package init(code: Int32) {
        self = ExitStatus(rawValue: code) ?? .trouble
    }
}
