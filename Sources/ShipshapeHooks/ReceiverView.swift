import ShipshapeGit
import ShipshapeModel

/// What the receiving side of a push already has, as the checking side can tell: the refs
/// whose history is hidden from every walk of the ref-update check.
///
/// On a client (`pre-push`) it is a guess from the remote-tracking refs `refs/remotes/<name>/*`;
/// on the server (`pre-receive`, `shipshape verify`) it is exact: every ref of the repository
/// as it was before the push (git updates no ref before pre-receive has accepted).
final class ReceiverView {
    /// git's first argument to pre-push (a remote's name, or the URL when the push names a URL);
    /// empty for the receiving repository itself.
    let name: String
    /// Whether `name` can be a configured remote's name (not a URL or path).
    let isNamed: Bool
    /// Whether the hidden refs are exactly what the receiver has (the server side), so no
    /// fork-point guess is needed for a new branch.
    let isExact: Bool
    /// The ref globs hidden from every walk: `refs/remotes/<name>/*` for a named remote,
    /// `refs/*` for the receiving repository.
    let globs: [String]
    /// Commits hidden from every walk besides the globs' (what a CI clone had independently of
    /// the push, see `independentOf(_:in:)`).
    let hiddenCommits: [ObjectID]
    private var cachedTargets: [ObjectID]?

    /// Creates the view of a remote from a client's repository (pre-push).
    init(name: String) {
        self.name = name
        isNamed = !name.isEmpty && !name.contains(":") && !name.hasPrefix("/") && !name.hasPrefix(".") && !name.contains("*")
        isExact = false
        globs = isNamed ? ["refs/remotes/\(name)/*"] : []
        hiddenCommits = []
    }

    private init(exactGlobs: [String], hiddenCommits: [ObjectID]) {
        name = ""
        isNamed = false
        isExact = true
        globs = exactGlobs
        self.hiddenCommits = hiddenCommits
    }

    /// The view of the repository that receives the push, from inside it (pre-receive): all
    /// that any of its refs reaches is already there (git moves no ref before the hook accepts).
    ///
    /// The refs' commits are listed once, tags through their peeled targets as recorded in
    /// `packed-refs` (no tag object is read: hiding `refs/*` by glob read all ~180 tags of the
    /// benchmark repository, 6 ms of a 1-commit push); a tag of a tree or blob hides nothing.
    ///
    /// - Throws: `HookError.git` when a ref cannot be read.
    static func receivingRepository(_ repository: Repository) throws(HookError) -> ReceiverView {
        var hidden: [ObjectID] = []
        var seen: Set<ObjectID> = []
        do {
            var targets = try repository.tagTargets().map(\.target)
            targets += try repository.references(matching: "refs/*").filter { !$0.name.hasPrefix("refs/tags/") }.map(\.target)
            for target in targets where seen.insert(target).inserted {
                // A commit the commit-graph lists needs no object read.
                if repository.commitGraphContains(target) {
                    hidden.append(target)
                    continue
                }
                let commit: ObjectID
                do {
                    commit = try repository.peeledCommit(target).commit
                } catch where error.kind == .wrongObjectType {
                    continue
                }
                if commit == target || seen.insert(commit).inserted { hidden.append(commit) }
            }
        } catch {
            throw .git(error)
        }
        return ReceiverView(exactGlobs: [], hiddenCommits: hidden)
    }

    /// The view from a clone that already has the pushed refs (a CI job after the push): every
    /// ref whose commit contains none of the new tips was there independently of the push, so
    /// its history is hidden; refs that contain a new tip (the pushed branch itself, its
    /// remote-tracking ref, a tag made on it) are not.
    ///
    /// - Parameters:
    ///   - tips: the commits the push's updates point to.
    ///   - repository: the clone.
    /// - Throws: `HookError.git` when a ref cannot be read.
    static func independentOf(_ tips: [ObjectID], in repository: Repository) throws(HookError) -> ReceiverView {
        var hidden: [ObjectID] = []
        var seen: Set<ObjectID> = []
        do {
            for reference in try repository.references(matching: "refs/*") {
                guard let commit = try? repository.peeledCommit(reference.target).commit, seen.insert(commit).inserted else { continue }
                var containsTip = false
                for tip in tips where try repository.isAncestor(tip, of: commit) {
                    containsTip = true
                    break
                }
                if !containsTip { hidden.append(commit) }
            }
        } catch {
            throw .git(error)
        }
        return ReceiverView(exactGlobs: [], hiddenCommits: hidden)
    }

    /// Where a new branch's new commits begin when the view cannot tell: on a client whose
    /// remote has no remote-tracking refs here (a push to a URL, or a remote never fetched), the
    /// fork point from the default branch (`PrePushHook.forkPoint`); nil on the receiving side,
    /// which knows exactly, and on a client with remote-tracking refs.
    ///
    /// - Throws: `HookError.git` when the repository cannot be read.
    func guessedBase(of tip: ObjectID, branch: String, localRef: String, in repository: Repository) throws(HookError) -> ObjectID? {
        guard !isExact, try targets(in: repository).isEmpty else { return nil }
        return try PrePushHook.forkPoint(of: tip, branch: branch, localRef: localRef, remote: self, repository: repository)
    }

    /// How advice names the pushed branch on the receiving side (`origin/main`).
    func trackingName(of branch: String) -> String {
        isNamed ? "\(name)/\(branch)" : "<remote>/\(branch)"
    }

    /// The commits the hidden refs point to (empty for a URL, a remote never fetched, or an
    /// empty receiving repository).
    func targets(in repository: Repository) throws(HookError) -> [ObjectID] {
        if let cachedTargets { return cachedTargets }
        var result = hiddenCommits
        for glob in globs {
            do { result += try repository.references(matching: glob).map(\.target) } catch { throw .git(error) }
        }
        cachedTargets = result
        return result
    }

    /// Whether hiding the refs hides nothing beyond the history of `oldTip` (true when they all
    /// point at it, the usual state right after a fetch or push).
    func hidesNothingBeyond(_ oldTip: ObjectID, in repository: Repository) throws(HookError) -> Bool {
        try targets(in: repository).allSatisfy { $0 == oldTip }
    }
}
