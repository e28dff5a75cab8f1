import ShipshapeGit
package import ShipshapeModel

/// One line of pre-push input: a local ref pushed to a remote ref.
package struct PushedRef: Sendable, Hashable {
    /// The local side as the user named it (`refs/heads/main`, `HEAD`, `main@{1 minute ago}`),
    /// or `(delete)` for a deletion.
    package var localRef: String
    /// The object pushed (a commit, or a tag object for an annotated tag); zero for a deletion.
    package var localID: ObjectID
    /// The ref updated on the remote (`refs/heads/main`, `refs/tags/v1.2.0`).
    package var remoteRef: String
    /// What the remote ref pointed to; zero when it is new on the remote.
    package var remoteID: ObjectID

    /// Creates a pushed ref.
    package init(localRef: String, localID: ObjectID, remoteRef: String, remoteID: ObjectID) {
        self.localRef = localRef
        self.localID = localID
        self.remoteRef = remoteRef
        self.remoteID = remoteID
    }

    /// Whether the push deletes the remote ref (nothing to check).
    package var isDeletion: Bool { localID.isZero }
    /// Whether the remote ref does not exist yet.
    package var isNewOnRemote: Bool { remoteID.isZero }
    /// Whether the remote ref is a branch.
    package var isBranch: Bool { remoteRef.hasPrefix("refs/heads/") }
    /// Whether the remote ref is a tag.
    package var isTag: Bool { remoteRef.hasPrefix("refs/tags/") }
    /// The remote ref without `refs/heads/` or `refs/tags/`.
    package var shortRemoteName: String {
        for prefix in ["refs/heads/", "refs/tags/"] where remoteRef.hasPrefix(prefix) {
            return String(remoteRef.dropFirst(prefix.count))
        }
        return remoteRef
    }
}

/// Parses what git writes to a pre-push hook's standard input.
package enum PrePushInput {
    /// Parses the lines `<local ref> SP <local sha> SP <remote ref> SP <remote sha> LF`.
    ///
    /// Each line is split from the right, since the local ref may contain spaces
    /// (`main@{1 minute ago}`). Empty lines are skipped; empty input gives no refs.
    ///
    /// - Parameter bytes: standard input.
    /// - Returns: the refs in input order.
    /// - Throws: `HookError.usage` for a malformed line (with its number) and for SHA-256 ids,
    ///   which this build cannot read.
    package static func parse(_ bytes: [UInt8]) throws(HookError) -> [PushedRef] {
        var refs: [PushedRef] = []
        var number = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var line = rawLine[...]
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { continue }
            var fields: [String] = []
            var rest = line
            for _ in 0..<3 {
                guard let space = rest.lastIndex(of: 0x20) else {
                    throw .usage("pre-push: line \(number) of standard input is not \"<local ref> <local sha> <remote ref> <remote sha>\": \"\(excerpt(String(decoding: line, as: UTF8.self)))\"; git runs this hook itself (install it with: shipshape install)")
                }
                fields.insert(String(decoding: rest[(space + 1)...], as: UTF8.self), at: 0)
                rest = rest[..<space]
            }
            let localRef = String(decoding: rest, as: UTF8.self)
            let localID = try objectID(fields[0], line: number)
            let remoteID = try objectID(fields[2], line: number)
            refs.append(PushedRef(localRef: localRef, localID: localID, remoteRef: fields[1], remoteID: remoteID))
        }
        return refs
    }

    /// At most 120 characters of a line for an error message (the input may be megabytes long).
    private static func excerpt(_ text: String) -> String {
        text.count > 120 ? String(text.prefix(120)) + "… (\(text.utf8.count) bytes)" : text
    }

    private static func objectID(_ text: String, line: Int) throws(HookError) -> ObjectID {
        if let id = ObjectID(hex: text) { return id }
        if text.utf8.count == 64 && text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) {
            throw .usage("pre-push: line \(line) names the SHA-256 object \(text); this repository uses SHA-256 object ids, which Shipshape's libgit2 cannot read; push with --no-verify or use a SHA-1 repository")
        }
        throw .usage("pre-push: line \(line) of standard input has \"\(excerpt(text))\" where an object id (40 hexadecimal digits) belongs")
    }
}
