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
}

/// The first paragraph of a message, lines trimmed and joined with single spaces (git's `%s`).
package func gitSummary(of message: String) -> String {
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
