/// A reference and the object it points to.
package struct Reference: Sendable, Hashable {
    /// The full name, e.g. `refs/heads/main`, `refs/remotes/origin/main`.
    package var name: String
    /// The object it points to, symbolic references resolved (for an annotated tag's ref, the tag
    /// object's id).
    package var target: ObjectID

    /// Creates a reference value.
    package init(name: String, target: ObjectID) {
        self.name = name
        self.target = target
    }

    /// The name without `refs/heads/`, `refs/tags/` or `refs/remotes/`.
    package var shortName: String {
        for prefix in ["refs/heads/", "refs/tags/", "refs/remotes/"] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }
}
