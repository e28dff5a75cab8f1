#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Configuration given on git's command line (`git -c key=value`, `git --config-env`), which git
/// passes to hooks in `GIT_CONFIG_PARAMETERS` and `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_<n>`/
/// `GIT_CONFIG_VALUE_<n>`. libgit2 ignores both, so `Repository` consults these first: a hook
/// run by `git -c core.commentChar=';' commit` must see `;`.
struct ConfigOverrides: Sendable {
    /// Values by normalised key; nil for a key given without `=` (boolean true). Later entries
    /// win, as in git.
    private(set) var values: [String: String?] = [:]

    /// Reads the overrides from an environment.
    ///
    /// - Parameter environment: a variable lookup (the process environment by default).
    init(environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) {
        if let parameters = environment("GIT_CONFIG_PARAMETERS") {
            for (key, value) in Self.parseParameters(parameters) { values[Self.normalize(key)] = value }
        }
        if let countText = environment("GIT_CONFIG_COUNT"), let count = Int(countText), count > 0 {
            for index in 0..<min(count, 10_000) {
                guard let key = environment("GIT_CONFIG_KEY_\(index)") else { continue }
                values[Self.normalize(key)] = .some(environment("GIT_CONFIG_VALUE_\(index)") ?? "")
            }
        }
    }

    /// The override for a key: nil when not overridden, `.some(nil)` for a bare key (true).
    func value(for key: String) -> String?? {
        values[Self.normalize(key)]
    }

    /// Section and variable names are case-insensitive; a subsection (`remote.Origin.url`'s
    /// `Origin`) is not.
    static func normalize(_ key: String) -> String {
        guard let first = key.firstIndex(of: "."), let last = key.lastIndex(of: ".") else { return key.lowercased() }
        return key[..<first].lowercased() + key[first..<last] + key[last...].lowercased()
    }

    /// Parses git's `GIT_CONFIG_PARAMETERS`: space-separated shell-single-quoted entries, either
    /// `'key'='value'` / `'key'` (git 2.31+) or `'key=value'` (older git).
    static func parseParameters(_ text: String) -> [(String, String?)] {
        var result: [(String, String?)] = []
        var scalars = Array(text.unicodeScalars)[...]

        func skipSpaces() { while let c = scalars.first, c == " " || c == "\t" || c == "\n" { scalars.removeFirst() } }

        /// Reads one single-quoted word, joining `'\''` escapes; nil when malformed.
        func quoted() -> String? {
            guard scalars.first == "'" else { return nil }
            var word = String.UnicodeScalarView()
            scalars.removeFirst()
            while true {
                guard let c = scalars.popFirst() else { return nil }
                if c == "'" {
                    // `'\''` and `'\!'` (git's sq_quote) continue the word with a literal character.
                    let rest = Array(scalars.prefix(3))
                    if rest.count == 3, rest[0] == "\\", rest[1] == "'" || rest[1] == "!", rest[2] == "'" {
                        scalars.removeFirst(3)
                        word.append(rest[1])
                        continue
                    }
                    return String(word)
                }
                word.append(c)
            }
        }

        while true {
            skipSpaces()
            if scalars.isEmpty { break }
            guard let first = quoted() else { break }
            if scalars.first == "=" {
                scalars.removeFirst()
                if scalars.first == "'" {
                    guard let value = quoted() else { break }
                    result.append((first, value))
                } else {
                    result.append((first, nil))  // `'key'=` with nothing after: a key without value.
                }
            } else if let equals = first.firstIndex(of: "=") {
                result.append((String(first[..<equals]), String(first[first.index(after: equals)...])))
            } else {
                result.append((first, nil))
            }
        }
        return result
    }
}
