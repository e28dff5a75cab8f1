/// JSON's string syntax: the one quoting routine the JSON reporter writes names and texts with.
enum JSONText {
    private static let hexDigits = Array("0123456789abcdef")

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters
    /// escaped, everything else as it is (JSON text is UTF-8).
    static func quote(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let value = Int(scalar.value)
                    out += "\\u00"
                    out.append(hexDigits[value >> 4])
                    out.append(hexDigits[value & 0xF])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
