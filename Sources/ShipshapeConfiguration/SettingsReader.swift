import ShipshapePatterns
import ShipshapePolicy
import ShipshapeChangelog
import ShipshapeVersioning
import TOMLKit

/// Turns a parsed TOML table into settings, collecting every error with its line.
struct SettingsReader {
    let file: String
    let locator: KeyLocator
    var errors: [ConfigurationError] = []

    init(file: String, locator: KeyLocator) {
        self.file = file
        self.locator = locator
    }

    static let topLevelKeys = ["commit", "branches", "versions", "push", "changelog", "release"]
    static let ruleTableKeys = ["level", "when", "value"]

    mutating func read(_ root: TOMLTable) -> ShipshapeConfiguration {
        var configuration = ShipshapeConfiguration()
        for key in root.keys where !Self.topLevelKeys.contains(key) {
            unknownKey(key, known: Self.topLevelKeys, prefix: "")
        }
        if let commit = root["commit"] {
            if let table = requireTable(commit, key: "commit") { read(table, schema: Self.commitSchema, into: &configuration.lint) }
        }
        if let branches = root["branches"] {
            if let table = requireTable(branches, key: "branches") { read(table, schema: Self.branchesSchema, into: &configuration.branches) }
        }
        var versionsTable: TOMLTable?
        if let versions = root["versions"], let table = requireTable(versions, key: "versions") {
            versionsTable = table
            read(table, schema: Self.versionsSchema, into: &configuration.versions)
        }
        if let push = root["push"], let table = requireTable(push, key: "push") {
            read(table, schema: Self.pushSchema, into: &configuration.push)
        }
        if let release = root["release"], let table = requireTable(release, key: "release") {
            read(table, schema: Self.releaseSchema, into: &configuration.release)
        }
        var changelogTable: TOMLTable?
        if let changelog = root["changelog"], let table = requireTable(changelog, key: "changelog") {
            changelogTable = table
            readChangelog(table, into: &configuration.changelog)
        }
        // One tag format for every part: `[changelog] tag-prefix` is the older spelling of
        // `[versions] tag-format = "<prefix>{version}"`; both given must agree.
        if changelogTable?["tag-prefix"] != nil {
            if versionsTable?["tag-format"] != nil, configuration.changelog.tagFormat != configuration.versions.tagFormat {
                let key = "changelog.tag-prefix"
                errors.append(.badValue(
                    file: file, key: key, line: locator.line(of: key), value: quoted(configuration.changelog.tagFormat.prefix),
                    reason: "release tags have one format, and [versions] tag-format says \"\(configuration.versions.tagFormat)\"; remove tag-prefix",
                    suggestion: nil))
            }
            configuration.versions.tagFormat = configuration.changelog.tagFormat
        } else {
            configuration.changelog.tagFormat = configuration.versions.tagFormat
        }
        return configuration
    }

    // MARK: - [commit]

    /// `[commit]`: the commit-message rules and what is ignored.
    static var commitSchema: TableSchema<LintSettings> { TableSchema(name: "commit", keys: [
        KeySchema(name: "types") { reader, value, key, lint in
            guard let types = reader.strings(value, key: key) else { return }
            var rule = reader.configuration(of: "type-enum", in: lint)
            rule.value = .strings(types)
            lint.rules["type-enum"] = rule
        },
        KeySchema(name: "scopes") { reader, value, key, lint in
            if let scopes = reader.strings(value, key: key) { lint.rules["scope-enum"] = RuleConfiguration(.error, .always, .strings(scopes)) }
        },
        KeySchema(name: "ignore-defaults") { reader, value, key, lint in
            if let flag = reader.bool(value, key: key) { lint.ignores.useDefaults = flag }
        },
        KeySchema(name: "ignore-patterns") { reader, value, key, lint in lint.ignores.patterns = reader.patterns(value, key: key) },
        KeySchema(name: "bot-authors") { reader, value, key, lint in
            if let authors = reader.strings(value, key: key) { lint.ignores.botAuthors = authors }
        },
        KeySchema(name: "header-pattern") { reader, value, key, lint in
            guard let source = reader.string(value, key: key), let pattern = reader.compile(source, key: key) else { return }
            let missing = ["type", "subject"].filter { pattern.groupNames[$0] == nil }
            if missing.isEmpty {
                lint.headerPattern = pattern
            } else {
                reader.errors.append(.missingGroups(file: reader.file, key: key, line: reader.locator.line(of: key), pattern: source, groups: missing))
            }
        },
        KeySchema(name: "subject-pattern") { reader, value, key, lint in
            if let source = reader.string(value, key: key) { lint.subjectPattern = reader.compile(source, key: key) }
        },
        .bool("exempt-url-lines", \.exemptURLLines),
        .bool("exempt-trailers", \.exemptTrailers),
        KeySchema(name: "acronyms") { reader, value, key, lint in
            if let words = reader.strings(value, key: key) { lint.acronyms = words }
        },
        KeySchema(name: "rules") { reader, value, key, lint in
            if let rules = reader.requireTable(value, key: key) { reader.readRules(rules, into: &lint) }
        },
    ]) }

    private func configuration(of rule: String, in lint: LintSettings) -> RuleConfiguration {
        lint.rules[rule] ?? RuleCatalog.descriptor(for: rule)?.defaultConfiguration ?? RuleConfiguration(.off)
    }

    // MARK: - [commit.rules]

    private mutating func readRules(_ table: TOMLTable, into lint: inout LintSettings) {
        let ids = RuleCatalog.descriptors.map(\.id)
        for id in table.keys {
            let key = "commit.rules." + id
            guard let descriptor = RuleCatalog.descriptor(for: id) else {
                errors.append(.unknownRule(file: file, rule: id, line: locator.line(of: key), suggestion: suggestion(for: id, among: ids)))
                continue
            }
            guard let value = table[id] else { continue }
            if let rule = readRule(value, key: key, descriptor: descriptor, base: configuration(of: id, in: lint)) {
                lint.rules[id] = rule
            }
        }
    }

    /// One rule entry in any of its forms: a level string, a bare value, a table
    /// `{ level, when, value }` or commitlint's array `[level, when, value]`.
    private mutating func readRule(
        _ value: any TOMLValueConvertible, key: String, descriptor: RuleDescriptor, base: RuleConfiguration
    ) -> RuleConfiguration? {
        var rule = base
        switch value.type {
        case .table:
            let table = value.table!
            for name in table.keys where !Self.ruleTableKeys.contains(name) {
                unknownKey(name, known: Self.ruleTableKeys, prefix: key + ".")
            }
            if let level = table["level"] {
                guard let parsed = self.level(level, key: key + ".level") else { return nil }
                rule.level = parsed
            }
            if let when = table["when"] {
                guard let parsed = applicability(when, key: key + ".when") else { return nil }
                rule.applicability = parsed
            }
            if let ruleValue = table["value"] {
                guard let parsed = self.ruleValue(ruleValue, key: key + ".value", kind: descriptor.valueKind) else { return nil }
                rule.value = parsed
            }
            return rule
        case .array where isCommitlintArray(value.array!):
            let array = Array(value.array!)
            guard array.count <= 3 else {
                errors.append(.badValue(
                    file: file, key: key, line: locator.line(of: key), value: "an array of \(array.count) elements",
                    reason: "commitlint's form is [level, \"always\" | \"never\", value]", suggestion: nil))
                return nil
            }
            guard let parsed = level(array[0], key: key) else { return nil }
            rule.level = parsed
            if array.count > 1 {
                guard let when = applicability(array[1], key: key) else { return nil }
                rule.applicability = when
            }
            if array.count > 2 {
                guard let parsed = ruleValue(array[2], key: key, kind: descriptor.valueKind) else { return nil }
                rule.value = parsed
            }
            return rule
        case .string:
            let text = value.string!
            if let parsed = RuleLevel(rawValue: text) {
                rule.level = parsed
                return rule
            }
            switch descriptor.valueKind {
            case .string, .cases:
                guard let parsed = ruleValue(value, key: key, kind: descriptor.valueKind) else { return nil }
                rule.value = parsed
                return rule
            default:
                errors.append(.badValue(
                    file: file, key: key, line: locator.line(of: key), value: quoted(text),
                    reason: "a string here is a level: \"off\", \"warning\" or \"error\"",
                    suggestion: suggestion(for: text, among: RuleLevel.allCases.map(\.rawValue))))
                return nil
            }
        default:
            guard let parsed = ruleValue(value, key: key, kind: descriptor.valueKind) else { return nil }
            rule.value = parsed
            return rule
        }
    }

    /// Whether an array is commitlint's `[level, when, value]` rather than a list value: its first
    /// element is a level (name or 0...2) and the second, if any, is `always` or `never`.
    private func isCommitlintArray(_ array: TOMLArray) -> Bool {
        guard let first = array.first else { return false }
        let firstIsLevel: Bool
        switch first.type {
        case .string: firstIsLevel = RuleLevel(rawValue: first.string!) != nil
        case .int: firstIsLevel = (0...2).contains(first.int!)
        default: firstIsLevel = false
        }
        guard firstIsLevel else { return false }
        if array.count == 1 { return true }
        let second = array[array.index(after: array.startIndex)]
        return second.type == .string && Applicability(rawValue: second.string!) != nil
    }

    private mutating func ruleValue(_ value: any TOMLValueConvertible, key: String, kind: RuleValueKind) -> RuleValue? {
        let line = locator.line(of: key)
        switch kind {
        case .none:
            errors.append(.badValue(
                file: file, key: key, line: line, value: render(value), reason: "this rule takes no value; set only its level and when",
                suggestion: nil))
            return nil
        case .integer:
            guard value.type == .int, let number = value.int else {
                errors.append(.wrongType(file: file, key: key, line: line, expected: "an integer", actual: describe(value)))
                return nil
            }
            guard number >= 0 else {
                errors.append(.badValue(file: file, key: key, line: line, value: String(number), reason: "a length cannot be negative", suggestion: nil))
                return nil
            }
            return .integer(number)
        case .string:
            guard let text = string(value, key: key) else { return nil }
            return .string(text)
        case .strings:
            guard let list = strings(value, key: key) else { return nil }
            return .strings(list)
        case let .cases(allowed):
            let list: [String]
            if value.type == .string {
                list = [value.string!]
            } else {
                guard let parsed = strings(value, key: key, expected: "a case name or an array of case names") else { return nil }
                list = parsed
            }
            for name in list where !allowed.contains(name) {
                errors.append(.badValue(
                    file: file, key: key, line: line, value: quoted(name),
                    reason: "unknown case; use one of \(allowed.joined(separator: ", "))",
                    suggestion: suggestion(for: name, among: allowed)))
                return nil
            }
            return .strings(list)
        }
    }

    private mutating func level(_ value: any TOMLValueConvertible, key: String) -> RuleLevel? {
        let names = RuleLevel.allCases.map(\.rawValue)
        switch value.type {
        case .string:
            if let level = RuleLevel(rawValue: value.string!) { return level }
            errors.append(.badValue(
                file: file, key: key, line: locator.line(of: key), value: quoted(value.string!),
                reason: "the level must be \"off\", \"warning\" or \"error\"", suggestion: suggestion(for: value.string!, among: names)))
        case .int:
            let number = value.int!
            if (0...2).contains(number) { return [RuleLevel.off, .warning, .error][number] }
            errors.append(.badValue(
                file: file, key: key, line: locator.line(of: key), value: String(number),
                reason: "a numeric level must be 0 (off), 1 (warning) or 2 (error)", suggestion: nil))
        default:
            errors.append(.wrongType(file: file, key: key, line: locator.line(of: key), expected: "a level string (\"off\", \"warning\" or \"error\")", actual: describe(value)))
        }
        return nil
    }

    private mutating func applicability(_ value: any TOMLValueConvertible, key: String) -> Applicability? {
        guard let text = string(value, key: key) else { return nil }
        if let parsed = Applicability(rawValue: text) { return parsed }
        errors.append(.badValue(
            file: file, key: key, line: locator.line(of: key), value: quoted(text), reason: "use \"always\" or \"never\"",
            suggestion: suggestion(for: text, among: Applicability.allCases.map(\.rawValue))))
        return nil
    }

    // MARK: - [branches]

    /// `[branches]`: the branch-name policy.
    static var branchesSchema: TableSchema<BranchSettings> { TableSchema(name: "branches", keys: [
        KeySchema(name: "level") { reader, value, key, branches in
            if let level = reader.level(value, key: key) { branches.level = level }
        },
        KeySchema(name: "patterns") { reader, value, key, branches in branches.patterns = reader.patterns(value, key: key) },
        KeySchema(name: "extra-patterns") { reader, value, key, branches in branches.extraPatterns = reader.patterns(value, key: key) },
    ]) }

    // MARK: - Typed accessors

    /// The tables of an array of tables (`[[key]]` or `key = [{ ... }]`), each with its indexed
    /// key (`key[0]`) and its keys that are not `known`, which are reported here.
    ///
    /// - Parameters:
    ///   - value: the value of `key`.
    ///   - key: the dotted key, e.g. `versions.sources`.
    ///   - holding: what each table holds, for messages (`path and pattern`).
    ///   - known: the keys a table may have.
    /// - Returns: the tables (an element that is not a table is reported and left out), or nil
    ///   when the value is not an array (reported).
    mutating func arrayOfTables(
        _ value: any TOMLValueConvertible, key: String, holding: String, known: [String]
    ) -> [(prefix: String, table: TOMLTable, misspelt: [String])]? {
        guard value.type == .array, let array = value.array else {
            errors.append(.wrongType(
                file: file, key: key, line: locator.line(of: key),
                expected: "an array of tables ([[\(key)]] with \(holding))", actual: describe(value)))
            return nil
        }
        var tables: [(prefix: String, table: TOMLTable, misspelt: [String])] = []
        for (index, element) in array.enumerated() {
            let prefix = "\(key)[\(index)]"
            guard element.type == .table, let table = element.table else {
                errors.append(.wrongType(
                    file: file, key: prefix, line: locator.line(of: prefix), expected: "a table with \(holding)", actual: describe(element)))
                continue
            }
            let misspelt = table.keys.filter { !known.contains($0) }
            for name in misspelt { unknownKey(name, known: known, prefix: prefix + ".") }
            tables.append((prefix, table, misspelt))
        }
        return tables
    }

    mutating func requireTable(_ value: any TOMLValueConvertible, key: String) -> TOMLTable? {
        if value.type == .table, let table = value.table { return table }
        errors.append(.wrongType(file: file, key: key, line: locator.line(of: key), expected: "a table", actual: describe(value)))
        return nil
    }

    mutating func string(_ value: any TOMLValueConvertible, key: String) -> String? {
        if value.type == .string, let text = value.string { return text }
        errors.append(.wrongType(file: file, key: key, line: locator.line(of: key), expected: "a string", actual: describe(value)))
        return nil
    }

    mutating func bool(_ value: any TOMLValueConvertible, key: String) -> Bool? {
        if value.type == .bool, let flag = value.bool { return flag }
        errors.append(.wrongType(file: file, key: key, line: locator.line(of: key), expected: "true or false", actual: describe(value)))
        return nil
    }

    mutating func strings(_ value: any TOMLValueConvertible, key: String, expected: String = "an array of strings") -> [String]? {
        guard value.type == .array, let array = value.array else {
            errors.append(.wrongType(file: file, key: key, line: locator.line(of: key), expected: expected, actual: describe(value)))
            return nil
        }
        var result: [String] = []
        for element in array {
            guard element.type == .string, let text = element.string else {
                errors.append(.wrongType(
                    file: file, key: key, line: locator.line(of: key), expected: expected,
                    actual: "an array containing \(describe(element))"))
                return nil
            }
            result.append(text)
        }
        return result
    }

    mutating func patterns(_ value: any TOMLValueConvertible, key: String) -> [Pattern] {
        guard let sources = strings(value, key: key, expected: "an array of regular expressions (strings)") else { return [] }
        return sources.compactMap { compile($0, key: key) }
    }

    mutating func compile(_ source: String, key: String, multiline: Bool = false) -> Pattern? {
        do {
            return try Pattern(source, multiline: multiline)
        } catch {
            let line = locator.line(of: key)
            switch error {
            case let .invalid(pattern, offset, reason):
                errors.append(.badPattern(file: file, key: key, line: line, pattern: pattern, offset: offset, reason: reason))
            default:
                errors.append(.badPattern(file: file, key: key, line: line, pattern: source, offset: 0, reason: error.description))
            }
            return nil
        }
    }

    mutating func unknownKey(_ name: String, known: [String], prefix: String) {
        let key = prefix + name
        errors.append(.unknownKey(
            file: file, key: key, line: locator.line(of: key),
            suggestion: suggestion(for: name, among: known).map { prefix + $0 }))
    }

    /// "a string", "an integer (120)", ... for wrong-type messages.
    func describe(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "a string (\(quoted(value.string ?? "")))"
        case .int: return "an integer (\(value.int.map(String.init) ?? ""))"
        case .double: return "a float"
        case .bool: return "a boolean (\(value.bool == true ? "true" : "false"))"
        case .array: return "an array"
        case .table: return "a table"
        case .date, .time, .dateTime: return "a date or time"
        }
    }

    private func render(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return quoted(value.string ?? "")
        case .int: return value.int.map(String.init) ?? "?"
        case .bool: return value.bool == true ? "true" : "false"
        default: return describe(value)
        }
    }
}
