import ShipshapeDiagnostics
import ShipshapeMessage

/// `subject-case`: the subject is (`always`) or is not (`never`) in one of the given cases.
///
/// As in commitlint, only subjects starting with a cased letter (Unicode Ll, Lu, Lt) are
/// checked: digits, symbols, emoji and uncased scripts (CJK, ...) pass. Quoted parts are
/// ignored (ensure-case), and so are words listed in `LintSettings.acronyms`, so
/// `API tokens expire` passes with `acronyms = ["API"]`.
enum SubjectCaseRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "subject-case", summary: "The subject is not in sentence, start, pascal or upper case.",
        defaultConfiguration: .init(
            .error, .never, .strings(["sentence-case", "start-case", "pascal-case", "upper-case"])),
        valueKind: .cases(allowed: caseNames),
        passingExamples: [
            "feat: add dark mode", "fix: aPI client retries", "feat: 3D Touch shortcuts", "docs: 更新安装说明",
            "refactor: useMemo in the list view", "fix: \"Quoted\" names are fine",
        ],
        failingExamples: ["feat: Add dark mode", "feat: Add Dark Mode", "fix: ADD DARK MODE", "fix: Διόρθωση ορίων"])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let subject = context.parsed.subject else { return [] }
        let checked = removingAcronyms(subject, context.settings.acronyms)
        guard let first = checked.unicodeScalars.first else { return [] }
        switch first.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter: break
        default: return []
        }
        let cases = configuration.stringList
        // The everyday subject starts with an ASCII lower-case letter, which none of the
        // capitalised cases can match: skip the general (and costlier) case conversion.
        if configuration.applicability == .never, ("a"..."z").contains(first),
            cases.allSatisfy(capitalisedCases.contains)
        {
            return []
        }
        let matched = cases.first { ensureCase(checked, $0) }
        let span = context.parsed.fields.subjectSpan
        switch configuration.applicability {
        case .never:
            guard let matched else { return [] }
            let help: String
            if matched == "sentence-case" || matched == "upper-case" || matched == "start-case"
                || matched == "pascal-case"
            {
                help = subjectCaseHelp(subject)
            } else {
                help = "write the subject in another case"
            }
            return [
                context.finding(
                    descriptor.id, configuration,
                    "subject must not be \(humanList(cases)) (it is \(matched))", at: span, help: help)
            ]
        case .always:
            guard matched == nil else { return [] }
            let fix = cases.first.flatMap { toCase(subject, $0) }.map { "write it as \(quoted($0))" }
            return [context.finding(descriptor.id, configuration, "subject must be \(humanList(cases))", at: span, help: fix)]
        }
    }

    /// How to start a subject with a lower-case letter without mangling its first word.
    static func subjectCaseHelp(_ subject: String) -> String {
        let word = subject.prefix { $0.isLetter }
        let acronym = word.count >= 2 && word.allSatisfy { $0.isUppercase || !$0.isCased }
        let orAcronym = acronym ? ", or list \(quoted(String(word))) under [commit] acronyms in .shipshape.toml" : ""
        if let lowered = lowerCasedStart(subject) {
            return "start the subject with a lower-case letter: \(quoted(lowered))\(orAcronym)"
        }
        return "start the subject with a lower-case word, e.g. \(quoted("update " + subject))"
    }

    /// Cases that a text starting with a lower-case letter can never be in.
    static let capitalisedCases: Set<String> = ["sentence-case", "start-case", "pascal-case", "upper-case"]

    /// The subject without the configured acronyms (whole words), trimmed.
    static func removingAcronyms(_ subject: String, _ acronyms: [String]) -> String {
        guard !acronyms.isEmpty else { return subject }
        let words = subject.split(separator: " ", omittingEmptySubsequences: false)
        let kept = words.filter { word in
            let bare = word.trimmingSuffix { ",.;:!?)".contains($0) }
            return !acronyms.contains(String(bare))
        }
        return trimJS(kept.joined(separator: " "))
    }
}

extension Substring {
    /// The substring without trailing characters that satisfy the predicate.
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, predicate(last) { s = s.dropLast() }
        return s
    }
}
