import CGit2
import ShipshapeModel

extension ObjectID {
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
        self.init(validHex: String(decoding: bytes, as: UTF8.self))
    }

    /// Copies a libgit2 oid from a pointer.
    init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

    /// The libgit2 form of the id.
    var oid: git_oid {
        var oid = git_oid()
        _ = git_oid_fromstrn(&oid, hex, 40)
        return oid
    }
}
