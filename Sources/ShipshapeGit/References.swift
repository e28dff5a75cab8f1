import CGit2
package import ShipshapeModel

/// An open `git_reference_iterator`, freed on deinit.
private final class ReferenceIterator {
    let pointer: OpaquePointer

    init(repository: Repository, glob: String) throws(GitError) {
        var out: OpaquePointer?
        try check(git_reference_iterator_glob_new(&out, repository.pointer, glob), "git_reference_iterator_glob_new", subject: glob)
        pointer = out!
    }

    deinit { git_reference_iterator_free(pointer) }

    /// Calls `body` with each reference (freed afterwards).
    func forEach(_ body: (OpaquePointer) throws(GitError) -> Void) throws(GitError) {
        while true {
            var reference: OpaquePointer?
            let code = git_reference_next(&reference, pointer)
            if code == GIT_ITEROVER.rawValue { return }
            try check(code, "git_reference_next")
            defer { git_reference_free(reference) }
            try body(reference!)
        }
    }
}

extension Repository {
    /// The references whose full names match a glob, sorted by name.
    ///
    /// - Parameter glob: a `fnmatch` pattern on full names, e.g. `refs/remotes/origin/*`,
    ///   `refs/tags/v*` (`*` also crosses `/`).
    /// - Returns: name and resolved target of each; symbolic references that do not resolve
    ///   (e.g. a dangling `origin/HEAD`) are skipped.
    /// - Throws: `GitError` when the references cannot be read.
    package func references(matching glob: String) throws(GitError) -> [Reference] {
        var result: [Reference] = []
        try ReferenceIterator(repository: self, glob: glob).forEach { reference throws(GitError) in
            let name = String(cString: git_reference_name(reference))
            var resolved: OpaquePointer?
            guard git_reference_resolve(&resolved, reference) == 0 else { return }
            defer { git_reference_free(resolved) }
            guard let target = git_reference_target(resolved) else { return }
            result.append(Reference(name: name, target: ObjectID(target)))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// The resolved targets of the references matching a glob, in the reference iterator's
    /// order (as `git_revwalk_hide_glob` sees them); references that do not resolve are skipped.
    func referenceTargetsInIterationOrder(matching glob: String) throws(GitError) -> [ObjectID] {
        var result: [ObjectID] = []
        try ReferenceIterator(repository: self, glob: glob).forEach { reference throws(GitError) in
            var resolved: OpaquePointer?
            guard git_reference_resolve(&resolved, reference) == 0 else { return }
            defer { git_reference_free(resolved) }
            guard let target = git_reference_target(resolved) else { return }
            result.append(ObjectID(target))
        }
        return result
    }

    /// What each tag points at, read from the references where git recorded it: a packed
    /// annotated tag's peeled id (`packed-refs` after `git gc` or `git pack-refs`) without
    /// reading the tag; any other tag is peeled by reading it, as `tags()` does.
    ///
    /// Each object read costs random pages of the pack index (~40 KiB of resident memory per
    /// lookup on 100,000 commits), so a hook that only needs the targets avoids reading every tag.
    /// Unlike `tags()`, a tag of a tree or blob is listed too (with that object's id).
    ///
    /// - Returns: short name and peeled target of each tag, sorted by name.
    /// - Throws: `GitError` when a tag cannot be read.
    package func tagTargets() throws(GitError) -> [(name: String, target: ObjectID)] {
        var result: [(name: String, target: ObjectID)] = []
        try ReferenceIterator(repository: self, glob: "refs/tags/*").forEach { reference throws(GitError) in
            let name = String(cString: git_reference_name(reference))
            let short = name.hasPrefix("refs/tags/") ? String(name.dropFirst(10)) : name
            if let peeled = git_reference_target_peel(reference) {
                result.append((short, ObjectID(peeled)))
                return
            }
            var resolved: OpaquePointer?
            guard git_reference_resolve(&resolved, reference) == 0 else { return }
            defer { git_reference_free(resolved) }
            guard let target = git_reference_target(resolved) else { return }
            var oid = target.pointee
            var object: OpaquePointer?
            try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY), "git_object_lookup", subject: name)
            defer { git_object_free(object) }
            var peeled: OpaquePointer?
            // (peeling a commit with GIT_OBJECT_ANY would give its tree: only tags are peeled)
            if git_object_type(object) == GIT_OBJECT_TAG, git_object_peel(&peeled, object, GIT_OBJECT_ANY) == 0 {
                defer { git_object_free(peeled) }
                result.append((short, ObjectID(git_object_id(peeled))))
            } else {
                result.append((short, ObjectID(oid)))
            }
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Every tag that marks a commit, sorted by name.
    ///
    /// Tags pointing at trees or blobs are skipped (they mark no release).
    ///
    /// - Returns: name, peeled commit, whether annotated, and the annotation's message.
    /// - Throws: `GitError` when a tag cannot be read.
    package func tags() throws(GitError) -> [Tag] {
        var result: [Tag] = []
        for reference in try references(matching: "refs/tags/*") {
            var oid = reference.target.oid
            var object: OpaquePointer?
            try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY), "git_object_lookup", subject: reference.name)
            defer { git_object_free(object) }
            var message: String?
            let annotated = git_object_type(object) == GIT_OBJECT_TAG
            if annotated, let text = git_tag_message(object) {
                message = decodeText(bytesOf: text, encoding: nil)
            }
            var commit: OpaquePointer?
            let code = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
            if code == GIT_EPEEL.rawValue || code == GIT_EINVALIDSPEC.rawValue { continue }
            try check(code, "git_object_peel", subject: reference.name)
            defer { git_object_free(commit) }
            result.append(Tag(name: reference.shortName, target: ObjectID(git_object_id(commit)), isAnnotated: annotated, message: message))
        }
        return result
    }
}
