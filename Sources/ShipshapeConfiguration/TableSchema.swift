import TOMLKit

/// One `.shipshape.toml` table declared once: each key with its typed reader and where its value
/// lands. The unknown-key check, the dotted names in errors and their lines all follow from the
/// declaration, so a key is spelled in exactly one place.
struct TableSchema<Settings> {
    /// The table's name (`release`).
    let name: String
    /// Its keys.
    let keys: [KeySchema<Settings>]

    /// Every key's name, for the unknown-key check and its suggestions.
    var keyNames: [String] { keys.map(\.name) }
}

/// A key of a table: its name and how its value is read into the settings.
struct KeySchema<Settings> {
    /// The key's name inside its table.
    let name: String
    /// Reads the value (reporting a wrong type or value through the reader) into the settings.
    let read: (inout SettingsReader, any TOMLValueConvertible, _ dotted: String, inout Settings) -> Void

    /// A string key; a blank value is an error.
    static func string(_ name: String, _ path: WritableKeyPath<Settings, String>, nonEmpty: Bool = true) -> KeySchema {
        checkedString(name, path) { text in
            nonEmpty && text.allSatisfy({ $0 == " " || $0 == "\t" }) ? "it must not be empty" : nil
        }
    }

    /// A string key that must contain `{version}` (a message template).
    static func template(_ name: String, _ path: WritableKeyPath<Settings, String>) -> KeySchema {
        checkedString(name, path) { text in
            text.contains("{version}") ? nil : "write {version} where the version goes, e.g. \"chore: bump version to {version}\""
        }
    }

    /// A string key whose value `problem` may refuse, saying why.
    private static func checkedString(
        _ name: String, _ path: WritableKeyPath<Settings, String>, problem: @escaping (String) -> String?
    ) -> KeySchema {
        KeySchema(name: name) { reader, value, dotted, settings in
            guard let text = reader.string(value, key: dotted) else { return }
            if let reason = problem(text) {
                reader.errors.append(.badValue(
                    file: reader.file, key: dotted, line: reader.locator.line(of: dotted), value: "\"\(text)\"", reason: reason,
                    suggestion: nil))
                return
            }
            settings[keyPath: path] = text
        }
    }

    /// A boolean key.
    static func bool(_ name: String, _ path: WritableKeyPath<Settings, Bool>) -> KeySchema {
        KeySchema(name: name) { reader, value, dotted, settings in
            if let flag = reader.bool(value, key: dotted) { settings[keyPath: path] = flag }
        }
    }

    /// A string that is one of a few words, each standing for a value; another word is an error
    /// that lists them (and suggests the nearest).
    static func choice<Value>(
        _ name: String, _ path: WritableKeyPath<Settings, Value>, _ words: KeyValuePairs<String, Value>, meaning: String
    ) -> KeySchema {
        KeySchema(name: name) { reader, value, dotted, settings in
            guard let text = reader.string(value, key: dotted) else { return }
            if let found = words.first(where: { $0.key == text }) {
                settings[keyPath: path] = found.value
                return
            }
            let names = words.map(\.key)
            reader.errors.append(.badValue(
                file: reader.file, key: dotted, line: reader.locator.line(of: dotted), value: "\"\(text)\"",
                reason: "\(meaning) \(names.dropLast().map { "\"\($0)\"" }.joined(separator: ", ")) or \"\(names.last!)\"",
                suggestion: suggestion(for: text, among: names)))
        }
    }

    /// A non-empty array of non-empty strings.
    static func strings(_ name: String, _ path: WritableKeyPath<Settings, [String]>) -> KeySchema {
        KeySchema(name: name) { reader, value, dotted, settings in
            if let list = reader.nonEmptyStrings(value, key: dotted) { settings[keyPath: path] = list }
        }
    }
}

extension SettingsReader {
    /// Reads a table by its schema: unknown keys are reported with a suggestion, every known key
    /// is read by its own reader.
    mutating func read<Settings>(_ table: TOMLTable, schema: TableSchema<Settings>, into settings: inout Settings) {
        for key in table.keys where !schema.keyNames.contains(key) {
            unknownKey(key, known: schema.keyNames, prefix: schema.name + ".")
        }
        for key in schema.keys {
            guard let value = table[key.name] else { continue }
            key.read(&self, value, schema.name + "." + key.name, &settings)
        }
    }
}
