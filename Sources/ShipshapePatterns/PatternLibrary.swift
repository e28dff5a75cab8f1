import CPCRE2

/// Facts about the PCRE2 library the process runs with (for `shipshape doctor`).
package enum PatternLibrary {
    /// PCRE2's version string, e.g. `10.42 2022-12-11`.
    package static var version: String {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), $0.baseAddress) }
        guard count > 1 else { return "unknown" }
        return String(decoding: buffer[0..<Int(count - 1)], as: UTF8.self)  // the count includes the NUL
    }

    /// The file PCRE2 was loaded from, when the system can tell.
    package static var path: String? {
        shipshape_pcre2_path().map { String(cString: $0) }
    }
}
