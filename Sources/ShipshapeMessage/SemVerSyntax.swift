/// Whether a text is a Semantic Versioning 2.0.0 version, `MAJOR.MINOR.PATCH[-PRE][+BUILD]`.
///
/// Numeric identifiers have no leading zeros; pre-release identifiers are dot-separated,
/// non-empty `[0-9A-Za-z-]`, numeric ones without leading zeros; build identifiers are
/// dot-separated, non-empty `[0-9A-Za-z-]`. No `v` prefix is accepted here.
///
/// - Parameter text: the candidate version.
/// - Returns: true for a valid SemVer 2.0.0 version.
package func isValidSemVer(_ text: Substring) -> Bool {
    let bytes = Array(text.utf8)
    var i = 0
    func numeric() -> Bool {
        let start = i
        while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        let length = i - start
        // Larger than JavaScript's safe integers is rejected by npm's semver too.
        return length > 0 && length <= 16 && !(length > 1 && bytes[start] == 0x30)
    }
    for part in 0..<3 {
        guard numeric() else { return false }
        if part < 2 {
            guard i < bytes.count && bytes[i] == 0x2E else { return false }
            i += 1
        }
    }
    func identifiers(numericRule: Bool) -> Bool {
        while true {
            let start = i
            var allDigits = true
            while i < bytes.count && (isAlnum(bytes[i]) || bytes[i] == 0x2D) {
                if !isDigit(bytes[i]) { allDigits = false }
                i += 1
            }
            let length = i - start
            guard length > 0 else { return false }
            if numericRule && allDigits && length > 1 && bytes[start] == 0x30 { return false }
            guard i < bytes.count && bytes[i] == 0x2E else { return true }
            i += 1
        }
    }
    if i < bytes.count && bytes[i] == 0x2D {
        i += 1
        guard identifiers(numericRule: true) else { return false }
    }
    if i < bytes.count && bytes[i] == 0x2B {
        i += 1
        guard identifiers(numericRule: false) else { return false }
    }
    return i == bytes.count
}

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
@inline(__always) func isAlnum(_ b: UInt8) -> Bool {
    isDigit(b) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
}
/// ASCII `\w` as in JavaScript regular expressions without the `u` flag.
@inline(__always) func isWordByte(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x5F }
