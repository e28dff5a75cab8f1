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

    /// Wraps 40 lower-case hexadecimal digits already known to be valid (the Git wall's
    /// conversion from libgit2's binary ids).
    ///
    /// - Parameter validHex: the digits.
    package init(validHex: String) { hex = validHex }

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
