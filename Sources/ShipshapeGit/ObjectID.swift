import CGit2

/// A git object id (SHA-1), kept as its 40-character lower-case hexadecimal form.
package struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The full hexadecimal id.
    package let hex: String

    /// Creates an id from its full hexadecimal form.
    ///
    /// - Parameter hex: 40 hexadecimal digits (either case).
    /// - Returns: nil if the text is not a full SHA-1 id.
    package init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) })
        else { return nil }
        self.hex = hex.lowercased()
    }

    /// Copies a libgit2 oid.
    init(_ oid: git_oid) {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(40)
        withUnsafeBytes(of: oid.id) { raw in
            for byte in raw.prefix(20) {
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0xF)])
            }
        }
        hex = String(decoding: bytes, as: UTF8.self)
    }

    /// Copies a libgit2 oid from a pointer.
    init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

    /// The libgit2 form of the id.
    var oid: git_oid {
        var oid = git_oid()
        _ = git_oid_fromstrn(&oid, hex, 40)
        return oid
    }

    /// The all-zero id git uses for "no object" (e.g. a deleted ref in pre-push input).
    package static let zero = ObjectID(hex: String(repeating: "0", count: 40))!

    /// Whether this is the all-zero id.
    package var isZero: Bool { self == .zero }

    /// An abbreviated form (git's default of 7 digits; not guaranteed unique).
    ///
    /// - Parameter length: the number of digits, clamped to 4...40.
    /// - Returns: the first `length` digits.
    package func short(_ length: Int = 7) -> String { String(hex.prefix(max(4, min(40, length)))) }

    /// The full hexadecimal id.
    package var description: String { hex }

    /// Orders ids by their hexadecimal text (a stable, meaningless order for sorting).
    package static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }
}
