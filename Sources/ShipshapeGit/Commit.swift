import CGit2

/// A moment as git records it: seconds since the Unix epoch and the author's UTC offset.
package struct GitTime: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    package var secondsSince1970: Int64
    /// The UTC offset, in minutes, of the person's clock when recorded (e.g. 60 for +0100).
    package var offsetMinutes: Int32

    /// Creates a time.
    package init(secondsSince1970: Int64, offsetMinutes: Int32) {
        self.secondsSince1970 = secondsSince1970
        self.offsetMinutes = offsetMinutes
    }

    /// Orders times by the instant, ignoring the offset.
    package static func < (lhs: GitTime, rhs: GitTime) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }
}

/// A commit copied out of libgit2: everything the hooks and the changelog need, as values.
package struct Commit: Sendable, Hashable {
    /// The commit's id.
    package var id: ObjectID
    /// The raw message as stored (trailing newline included; no cleanup applied), decoded per the
    /// commit's `encoding` header best-effort; invalid UTF-8 is repaired with U+FFFD.
    package var message: String
    /// The first paragraph of the message, its lines joined with spaces and trimmed (git's
    /// `%s`).
    package var summary: String
    /// The author's name.
    package var authorName: String
    /// The author's e-mail address.
    package var authorEmail: String
    /// When the change was authored.
    package var authorTime: GitTime
    /// The committer's name.
    package var committerName: String
    /// The committer's e-mail address.
    package var committerEmail: String
    /// When the commit was made (`time` of git's `%ct`).
    package var time: GitTime
    /// The parents' ids, first parent first (empty for a root commit).
    package var parentIDs: [ObjectID]

    /// Creates a commit value (for tests of code that consumes commits).
    package init(
        id: ObjectID, message: String, summary: String? = nil, authorName: String, authorEmail: String,
        authorTime: GitTime, committerName: String? = nil, committerEmail: String? = nil, time: GitTime? = nil,
        parentIDs: [ObjectID] = []
    ) {
        self.id = id
        self.message = message
        self.summary = summary ?? gitSummary(of: message)
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorTime = authorTime
        self.committerName = committerName ?? authorName
        self.committerEmail = committerEmail ?? authorEmail
        self.time = time ?? authorTime
        self.parentIDs = parentIDs
    }

    /// The number of parents: 0 for a root commit, 2 or more for a merge.
    package var parentCount: Int { parentIDs.count }

    /// Whether this is a merge commit.
    package var isMerge: Bool { parentIDs.count > 1 }

    /// Copies a `git_commit`.
    init(_ commit: OpaquePointer) {
        let encoding = git_commit_message_encoding(commit).map { String(cString: $0) }
        let rawMessage = git_commit_message_raw(commit).map { decodeText(bytesOf: $0, encoding: encoding) } ?? ""
        var parents: [ObjectID] = []
        let count = git_commit_parentcount(commit)
        parents.reserveCapacity(Int(count))
        for index in 0..<count {
            if let parent = git_commit_parent_id(commit, index) { parents.append(ObjectID(parent)) }
        }
        let author = git_commit_author(commit)!.pointee
        let committer = git_commit_committer(commit)!.pointee
        self.init(
            id: ObjectID(git_commit_id(commit)),
            message: rawMessage,
            authorName: decodeText(bytesOf: author.name, encoding: encoding),
            authorEmail: decodeText(bytesOf: author.email, encoding: encoding),
            authorTime: GitTime(secondsSince1970: author.when.time, offsetMinutes: author.when.offset),
            committerName: decodeText(bytesOf: committer.name, encoding: encoding),
            committerEmail: decodeText(bytesOf: committer.email, encoding: encoding),
            time: GitTime(secondsSince1970: committer.when.time, offsetMinutes: committer.when.offset),
            parentIDs: parents)
    }
}

/// The first paragraph of a message, lines trimmed and joined with single spaces (git's `%s`).
func gitSummary(of message: String) -> String {
    // Byte-level: this runs for every commit a walk reads (10,000 on a large push), and the
    // generic `reversed()`/`drop(while:)` form cost more than reading the commit itself.
    var text = message
    text.makeContiguousUTF8()  // a no-op for native strings
    var result: [UInt8] = []
    return text.utf8.withContiguousStorageIfAvailable { bytes -> String in
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        var i = 0
        let n = bytes.count
        while i <= n {
            var end = i
            while end < n && bytes[end] != 0x0A { end += 1 }
            var a = i, b = end
            while a < b && isBlank(bytes[a]) { a += 1 }
            while b > a && isBlank(bytes[b - 1]) { b -= 1 }
            if a == b {
                if !result.isEmpty { break }
            } else {
                if !result.isEmpty { result.append(0x20) }
                result.append(contentsOf: bytes[a..<b])
            }
            i = end + 1
        }
        return String(decoding: result, as: UTF8.self)
    }!
}

/// Decodes C text stored in a commit: UTF-8 (repaired) unless the commit declares a Latin-1
/// encoding, which is mapped byte for byte. Other legacy encodings are read as UTF-8 when valid,
/// and otherwise as Latin-1 (best effort: every byte stays visible).
func decodeText(bytesOf text: UnsafePointer<CChar>?, encoding: String?) -> String {
    guard let text else { return "" }
    let bytes = UnsafeRawBufferPointer(start: text, count: strlenBytes(text))
    let name = encoding?.lowercased().replacingDashes() ?? "utf8"
    if name == "utf8" { return String(decoding: bytes, as: UTF8.self) }
    let latin1Names: Set<String> = ["iso88591", "latin1", "l1", "iso885915", "cp1252", "windows1252"]
    if !latin1Names.contains(name), let valid = String(validating: bytes, as: UTF8.self) { return valid }
    var scalars = String.UnicodeScalarView()
    for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
    return String(scalars)
}

private func strlenBytes(_ text: UnsafePointer<CChar>) -> Int {
    var count = 0
    while text[count] != 0 { count += 1 }
    return count
}

extension String {
    fileprivate func replacingDashes() -> String {
        String(self.filter { $0 != "-" && $0 != "_" })
    }
}

extension Repository {
    /// Reads one commit.
    ///
    /// - Parameter id: the commit's id.
    /// - Returns: the commit's values.
    /// - Throws: `GitError` of kind `.notFound` when there is no such commit, `.corrupt` when
    ///   it cannot be parsed.
    package func commit(_ id: ObjectID) throws(GitError) -> Commit {
        let object = try lookupCommit(id)
        defer { git_commit_free(object) }
        return Commit(object)
    }
}
