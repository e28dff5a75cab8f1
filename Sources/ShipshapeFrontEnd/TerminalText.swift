import ShipshapeDiagnostics

/// What text and annotations need to show untrusted text (commit messages, branch names) safely
/// and line up carets under it.
enum TerminalText {
    /// Text safe to print on a terminal or in a CI log: control characters from the message
    /// (an escape sequence could rewrite the terminal or hide output) become U+FFFD.
    ///
    /// - Parameters:
    ///   - text: the text to show.
    ///   - keepingNewlines: keep line feeds (the GitHub format escapes them itself).
    static func printable(_ text: String, keepingNewlines: Bool = false) -> String {
        let unsafe: (Unicode.Scalar) -> Bool = { scalar in
            let value = scalar.value
            if value == 0x09 || (keepingNewlines && value == 0x0A) { return false }
            return value < 0x20 || (0x7F...0x9F).contains(value)
        }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(unsafe(scalar) ? "\u{FFFD}" : scalar) }
        return String(out)
    }

    /// Terminal columns a character takes: 2 for East Asian wide and emoji, 4 for a tab (shown
    /// as four spaces), else 1.
    static func displayWidth(of character: Character) -> Int {
        if character == "\t" { return 4 }
        guard let value = character.unicodeScalars.first?.value else { return 1 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Tabs shown as four spaces, so that carets line up.
    static func replacingTabs(_ text: String) -> String {
        var out = ""
        for character in text { if character == "\t" { out += "    " } else { out.append(character) } }
        return out
    }
}

extension SubjectReport {
    /// How findings name a commit: `commit 1a2b3c4 (summary)`; nil when the subject is no commit.
    var commitLabel: String? {
        commit.map { "commit \($0.prefix(7))" + (summary.map { " (\($0))" } ?? "") }
    }
}
