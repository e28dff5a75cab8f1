/// What a hook shim does when the Shipshape program it runs is installed nowhere it can find.
///
/// The policy is baked into the shim by `shipshape install --if-missing` (default `refuse`); each
/// person can override it for a repository or for all of them with
/// `git config [--global] shipshape.ifMissing allow|refuse`, or for one command with the
/// `SHIPSHAPE_IF_MISSING` environment variable.
package enum MissingProgramPolicy: String, Sendable, CaseIterable {
    /// Stop git (exit status 2) and say how to install the programs: nothing goes unchecked.
    case refuse
    /// Warn in one line and let git go on without the check (a chained hook still runs).
    case allow
}
