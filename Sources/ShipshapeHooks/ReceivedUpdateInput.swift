import ShipshapeGit
import ShipshapeModel

/// Parses the ref updates a receiving repository is told about: git's `pre-receive` input, and
/// what `shipshape verify` reads on standard input.
package enum ReceivedUpdateInput {
    /// Parses the lines `<old sha> SP <new sha> SP <ref name> LF`.
    ///
    /// Each update becomes a `PushedRef` whose local and remote ref are the ref name, `localID`
    /// the new value and `remoteID` the old one (zero for a ref that is created, deleted). Empty
    /// lines are skipped; a CR before the LF is dropped.
    ///
    /// - Parameters:
    ///   - bytes: standard input.
    ///   - program: how messages name the reader (`pre-receive`, `shipshape verify`).
    /// - Returns: the updates in input order.
    /// - Throws: `HookError.usage` for a malformed line (with its number and how to write it).
    package static func parse(_ bytes: [UInt8], program: String) throws(HookError) -> [PushedRef] {
        var updates: [PushedRef] = []
        var number = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var line = rawLine[...]
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { continue }
            let fields = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
            let text = String(decoding: line, as: UTF8.self)
            // git's ref names hold no spaces or control characters (git check-ref-format).
            guard fields.count == 3, !fields[2].isEmpty, !fields[2].contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
                throw .usage("\(program): line \(number) of standard input is not \"<old sha> <new sha> <ref name>\": \"\(excerpt(text))\"; e.g. echo \"$BEFORE $AFTER refs/heads/main\"")
            }
            let old = try objectID(fields[0], line: number, program: program)
            let new = try objectID(fields[1], line: number, program: program)
            let ref = String(decoding: fields[2], as: UTF8.self)
            updates.append(PushedRef(localRef: ref, localID: new, remoteRef: ref, remoteID: old))
        }
        return updates
    }

    /// Makes one update from command-line values (`shipshape verify --ref --old --new`).
    ///
    /// - Parameters:
    ///   - ref: the full ref name (`refs/heads/main`); a bare name is taken as a branch.
    ///   - old: the old value (empty or 40 zeros for a new ref).
    ///   - new: the new value (40 zeros for a deletion).
    ///   - program: how messages name the reader.
    /// - Throws: `HookError.usage` when a value is not a full object id.
    package static func update(ref: String, old: String, new: String, program: String) throws(HookError) -> PushedRef {
        let name = ref.hasPrefix("refs/") ? ref : "refs/heads/" + ref
        let oldID = old.isEmpty ? ObjectID.zero : try objectID(Array(old.utf8)[...], line: nil, program: program)
        let newID = try objectID(Array(new.utf8)[...], line: nil, program: program)
        return PushedRef(localRef: name, localID: newID, remoteRef: name, remoteID: oldID)
    }

    private static func excerpt(_ text: String) -> String {
        text.count > 120 ? String(text.prefix(120)) + "… (\(text.utf8.count) bytes)" : text
    }

    private static func objectID(_ field: ArraySlice<UInt8>, line: Int?, program: String) throws(HookError) -> ObjectID {
        let text = String(decoding: field, as: UTF8.self)
        if let id = ObjectID(hex: text) { return id }
        let place = line.map { "line \($0) has" } ?? "got"
        if text.utf8.count == 64 {
            throw .usage("\(program): \(place) the SHA-256 object \(text); Shipshape's libgit2 reads SHA-1 repositories only")
        }
        throw .usage("\(program): \(place) \"\(excerpt(text))\" where a full object id (40 hexadecimal digits) belongs; give full ids (git rev-parse REV)")
    }
}
