import CGit2
package import ShipshapeModel

extension Repository {
    /// The length of the shortest abbreviation of an object id that no other object in the
    /// repository shares, at least `minimum` (git's `core.abbrev` default of 7), as git computes
    /// its `%h`.
    ///
    /// - Parameters:
    ///   - id: the object id.
    ///   - minimum: the shortest length to give.
    /// - Returns: the length (40 at most).
    package func uniqueAbbreviationLength(of id: ObjectID, minimum: Int = 7) -> Int {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, pointer) == 0 else { return minimum }
        defer { git_odb_free(odb) }
        var length = max(4, minimum)
        while length < 40 {
            var short = git_oid()
            var found = git_oid()
            guard git_oid_fromstrn(&short, id.hex, length) == 0 else { return length }
            if git_odb_exists_prefix(&found, odb, &short, length) != GIT_EAMBIGUOUS.rawValue { return length }
            length += 1
        }
        return 40
    }
}
