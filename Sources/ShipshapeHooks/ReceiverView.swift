import ShipshapeGit
import ShipshapeModel

/// What the pre-push hook knows of the remote it pushes to: its remote-tracking refs.
final class RemoteView {
    /// git's first argument: a remote's name, or the URL when the push names a URL.
    let name: String
    /// Whether `name` can be a configured remote's name (not a URL or path).
    let isNamed: Bool
    /// `refs/remotes/<name>/*` for a named remote, hidden from every walk.
    let globs: [String]
    private var cachedTargets: [ObjectID]?

    /// Creates the view of a remote.
    init(name: String) {
        self.name = name
        isNamed = !name.isEmpty && !name.contains(":") && !name.hasPrefix("/") && !name.hasPrefix(".") && !name.contains("*")
        globs = isNamed ? ["refs/remotes/\(name)/*"] : []
    }

    /// The commits the remote-tracking refs point to (empty for a URL or a remote never fetched).
    func targets(in repository: Repository) throws(HookError) -> [ObjectID] {
        if let cachedTargets { return cachedTargets }
        var result: [ObjectID] = []
        for glob in globs {
            do { result += try repository.references(matching: glob).map(\.target) } catch { throw .git(error) }
        }
        cachedTargets = result
        return result
    }

    /// Whether hiding the remote-tracking refs hides nothing beyond the history of `oldTip`
    /// (true when they all point at it, the usual state right after a fetch or push).
    func hidesNothingBeyond(_ oldTip: ObjectID, in repository: Repository) throws(HookError) -> Bool {
        try targets(in: repository).allSatisfy { $0 == oldTip }
    }
}
