import CGit2
package import ShipshapeModel

extension Commit {
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
