package import ShipshapeDiagnostics
import ShipshapeMessage
package import ShipshapePatterns

/// Checks branch names against the release process's naming rules (rule id `branch-name`).
///
/// The built-in forms are `main`, `master`, `develop`, `feature/<name>`, `bugfix/<name>`,
/// `hotfix/<name>`, `hotfix/vX.Y.Z` and `release/vX.Y.Z`, where `<name>` is one lower-case
/// kebab-case segment (`[a-z0-9]+(-[a-z0-9]+)*`; nested `/` segments are not allowed, so
/// `feature/auth/login` should be `feature/auth-login`, or be allowed with `extraPatterns`)
/// and `X.Y.Z` is a SemVer 2.0.0 version (pre-release and build allowed, no leading zeros).
/// Configured `patterns` replace the built-in forms; `extraPatterns` add to either. Patterns
/// must match the whole name.
package struct BranchPolicy: Sendable {
    /// The settings in effect.
    package let settings: BranchSettings

    /// The built-in forms, for documentation and messages.
    package static let defaultPatternDescriptions: [String] = [
        "main", "master", "develop", "feature/<kebab-case-name>", "bugfix/<kebab-case-name>",
        "hotfix/<kebab-case-name>", "hotfix/vX.Y.Z", "release/vX.Y.Z",
    ]

    /// The rule id of branch findings.
    package static let ruleID = "branch-name"

    /// Creates a policy.
    ///
    /// - Parameter settings: level and patterns (defaults: the built-in forms at error level).
    /// - Throws: `PatternError` when a configured pattern is unusable (reserved; patterns
    ///   arrive compiled, so nothing is thrown today).
    package init(settings: BranchSettings = BranchSettings()) throws(PatternError) {
        self.settings = settings
    }

    /// Checks one branch name.
    ///
    /// - Parameter branchName: the short name, e.g. `feature/login` (not `refs/heads/...`).
    /// - Returns: no finding when the name is allowed or the rule is off; otherwise one finding
    ///   whose message lists the allowed forms and whose help suggests a fixed name when one
    ///   can be guessed.
    /// - Throws: `PatternError` when a configured pattern exceeds its match limits.
    package func check(_ branchName: String) throws(PatternError) -> [Finding] {
        try check(branchName, origin: .local)
    }

    /// Checks a branch name, with a fix that suits where the name came from.
    ///
    /// For the local branch the fix is `git branch -m`. For a pushed ref it is that too when the
    /// ref has the local branch's name; when it does not (`git push origin develop:wip-stuff`),
    /// renaming would rename the wrong branch, so the fix is to push to a valid name instead.
    ///
    /// - Parameters:
    ///   - branchName: the short name, e.g. `feature/login`.
    ///   - origin: the current branch, or a pushed ref with what it was pushed from.
    /// - Returns: as `check(_:)`.
    /// - Throws: `PatternError` when a configured pattern exceeds its match limits.
    package func check(_ branchName: String, origin: BranchOrigin) throws(PatternError) -> [Finding] {
        guard settings.level != .off else { return [] }
        for pattern in settings.extraPatterns where try pattern.matchesWhole(branchName) { return [] }
        let severity: Severity = settings.level == .warning ? .warning : .error
        let span = SourceSpan(line: 1, column: 1, length: max(1, branchName.count))
        if let patterns = settings.patterns {
            for pattern in patterns where try pattern.matchesWhole(branchName) { return [] }
            let forms = (patterns + settings.extraPatterns).map { quotedText($0.source) }
            let what = origin.renamesLocalBranch(branchName) ? "rename the branch to a name" : "push to a name"
            return [
                Finding(
                    rule: Self.ruleID, severity: severity,
                    message: "branch \(quotedText(branchName)) does not match any allowed pattern",
                    span: span, help: "\(what) that matches one of: \(forms.joined(separator: ", "))")
            ]
        }
        if Self.isDefaultBranchName(branchName) { return [] }
        let forms = Self.defaultPatternDescriptions.joined(separator: ", ")
        let help = Self.help(for: branchName, guess: Self.suggestedName(for: branchName), origin: origin)
        return [
            Finding(
                rule: Self.ruleID, severity: severity,
                message: "branch \(quotedText(branchName)) does not follow the branch naming rules (allowed: \(forms))",
                span: span, help: help)
        ]
    }

    /// The fix for a name that breaks the built-in forms: the guessed name and the command that
    /// gets there from where the name came from.
    static func help(for name: String, guess: String?, origin: BranchOrigin) -> String {
        guard let guess, guess != name else {
            return origin.renamesLocalBranch(name)
                ? "rename the branch to one of the allowed forms" : "push to a name of one of the allowed forms"
        }
        switch origin {
        case .local:
            return "did you mean \(quotedText(guess))? (git branch -m \(guess))"
        case let .pushed(_, remote) where origin.renamesLocalBranch(name):
            return "did you mean \(quotedText(guess))? (git branch -m \(guess), then git push \(remote) \(guess))"
        case let .pushed(source, remote):
            return "did you mean \(quotedText(guess))? push to that name instead: git push \(remote) \(source):refs/heads/\(guess)"
        }
    }

    /// Whether a name has one of the built-in forms.
    ///
    /// - Parameter name: the branch's short name.
    /// - Returns: true for `main`, `master`, `develop`, `feature|bugfix|hotfix/<kebab>`,
    ///   `hotfix/vX.Y.Z` or `release/vX.Y.Z`.
    package static func isDefaultBranchName(_ name: String) -> Bool {
        if name == "main" || name == "master" || name == "develop" { return true }
        guard let slash = name.firstIndex(of: "/") else { return false }
        let prefix = name[..<slash]
        let rest = name[name.index(after: slash)...]
        switch prefix {
        case "feature", "bugfix": return isKebab(rest)
        case "hotfix": return isKebab(rest) || isVersion(rest)
        case "release": return isVersion(rest)
        default: return false
        }
    }

    /// `[a-z0-9]+(-[a-z0-9]+)*`.
    static func isKebab(_ text: Substring) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-" else { return false }
        var previousDash = false
        for byte in text.utf8 {
            if byte == 0x2D {
                if previousDash { return false }
                previousDash = true
            } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                previousDash = false
            } else {
                return false
            }
        }
        return true
    }

    /// `v` followed by a SemVer 2.0.0 version.
    static func isVersion(_ text: Substring) -> Bool {
        text.hasPrefix("v") && isValidSemVer(text.dropFirst())
    }

    /// A kebab-case form of a name: Latin letters deburred, words of camel case split
    /// (`NoCommits` → `no-commits`, `HTTPServer` → `http-server`), lower case, other runs become `-`.
    static func kebab(_ text: Substring) -> String {
        var out = ""
        var pendingDash = false
        let scalars = Array(deburred(String(text)).unicodeScalars)
        func isUpper(_ i: Int) -> Bool { i >= 0 && i < scalars.count && scalars[i].value >= 0x41 && scalars[i].value <= 0x5A }
        func isLowerOrDigit(_ i: Int) -> Bool {
            i >= 0 && i < scalars.count
                && ((scalars[i].value >= 0x61 && scalars[i].value <= 0x7A) || (scalars[i].value >= 0x30 && scalars[i].value <= 0x39))
        }
        for (i, scalar) in scalars.enumerated() {
            if isUpper(i) && (isLowerOrDigit(i - 1) || (isUpper(i - 1) && isLowerOrDigit(i + 1) && !isDigitScalar(i + 1))) {
                pendingDash = true
            }
            let v = scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(Unicode.Scalar(v)!)
            } else {
                pendingDash = true
            }
        }
        return out

        func isDigitScalar(_ i: Int) -> Bool { i < scalars.count && scalars[i].value >= 0x30 && scalars[i].value <= 0x39 }
    }

    /// Names people give the long-lived branches, and the branch they mean.
    private static let fixedBranchSynonyms: [String: String] = [
        "dev": "develop", "devel": "develop", "development": "develop", "develp": "develop", "integration": "develop",
        "trunk": "main", "mainline": "main", "prod": "main", "production": "main",
    ]

    /// The long-lived branch a name means (`dev` → `develop`, `mian` → `main`), or nil.
    static func fixedBranchGuess(_ name: String) -> String? {
        let lower = name.lowercased()
        if ["main", "master", "develop"].contains(lower) { return lower }
        if let synonym = fixedBranchSynonyms[lower] { return synonym }
        for fixed in ["develop", "master", "main"] where lower.count >= 4 && editDistance(lower, fixed) <= (fixed.count > 4 ? 2 : 1) {
            return fixed
        }
        return nil
    }

    private static let prefixSynonyms: [String: String] = [
        "feat": "feature", "features": "feature", "ft": "feature", "feature-branch": "feature",
        "fix": "bugfix", "bug": "bugfix", "bugs": "bugfix", "bugfixes": "bugfix", "bug-fix": "bugfix",
        "fixes": "bugfix", "hot-fix": "hotfix", "hotfixes": "hotfix", "hf": "hotfix", "rel": "release",
        "releases": "release", "rc": "release",
    ]

    /// A guess at the intended name, or nil when none can be made.
    static func suggestedName(for name: String) -> String? {
        if let fixed = fixedBranchGuess(name) { return fixed }
        guard let slash = name.firstIndex(of: "/") else {
            let k = kebab(Substring(name))
            return k.isEmpty ? nil : "feature/" + k
        }
        let rawPrefix = name[..<slash].lowercased()
        let rest = name[name.index(after: slash)...]
        let known = ["feature", "bugfix", "hotfix", "release"]
        var prefix = known.contains(rawPrefix) ? rawPrefix : prefixSynonyms[rawPrefix]
        if prefix == nil {
            let best = known.map { ($0, editDistance(rawPrefix, $0)) }.min { $0.1 < $1.1 }
            if let best, best.1 <= 2 { prefix = best.0 }
        }
        guard let prefix else {
            let k = kebab(Substring(name))
            return k.isEmpty ? nil : "feature/" + k
        }
        if prefix == "release" || prefix == "hotfix" {
            if let version = versionGuess(rest) { return prefix + "/" + version }
            if prefix == "release" { return nil }
        }
        let k = kebab(rest)
        return k.isEmpty ? nil : prefix + "/" + k
    }

    /// `v1.2.0` for `1.2.0`, `V1.2.0`, `v1.2`, `v01.2.0`; nil when the text is not version-like.
    static func versionGuess(_ text: Substring) -> String? {
        var core = Substring(text.lowercased())
        if core.hasPrefix("v") { core = core.dropFirst() }
        guard let first = core.first, first.isASCII, first.isNumber else { return nil }
        if isValidSemVer(core) { return "v" + core }
        let end = core.firstIndex { $0 == "-" || $0 == "+" } ?? core.endIndex
        var numbers = core[..<end].split(separator: ".", omittingEmptySubsequences: false).map { part -> String in
            let trimmed = part.drop { $0 == "0" }
            return trimmed.isEmpty ? "0" : String(trimmed)
        }
        while numbers.count < 3 { numbers.append("0") }
        let candidate = numbers.joined(separator: ".") + core[end...]
        return isValidSemVer(Substring(candidate)) ? "v" + candidate : nil
    }
}

private func quotedText(_ text: String) -> String { "\"" + text + "\"" }

/// Where a checked branch name came from, which decides the command a fix suggests.
package enum BranchOrigin: Sendable, Hashable {
    /// The current branch of the repository (commit-msg).
    case local
    /// A ref a push creates or updates on a remote (pre-push).
    ///
    /// - `source`: what was pushed, as git names it (the local branch, `HEAD` or a commit).
    /// - `remote`: the remote as given to `git push` (a name or a URL).
    case pushed(source: String, remote: String)

    /// Whether renaming the local branch to a fixed name also fixes this name: only when the
    /// name is the local branch's own.
    func renamesLocalBranch(_ name: String) -> Bool {
        switch self {
        case .local: return true
        case let .pushed(source, _): return source == name || source == "refs/heads/" + name
        }
    }
}
