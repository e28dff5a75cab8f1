/// A tag peeled to the commit it marks.
package struct Tag: Sendable, Hashable {
    /// The tag's name without `refs/tags/`, e.g. `v1.2.0`.
    package var name: String
    /// The commit the tag marks (annotated tags peeled, also through tags of tags).
    package var target: ObjectID
    /// Whether this is an annotated tag (a tag object with tagger and message) rather than a
    /// lightweight one (a bare ref).
    package var isAnnotated: Bool
    /// An annotated tag's message, nil for a lightweight tag.
    package var message: String?

    /// Creates a tag value.
    package init(name: String, target: ObjectID, isAnnotated: Bool, message: String? = nil) {
        self.name = name
        self.target = target
        self.isAnnotated = isAnnotated
        self.message = message
    }
}
