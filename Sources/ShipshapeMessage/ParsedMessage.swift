package import ShipshapeDiagnostics

/// The fields a header grammar extracts: type, scope, subject and the `!` marker.
///
/// Produced by `parseConventionalHeader(_:line:)` or, for a configured header pattern, by the
/// policy layer. Empty captures are nil, as in commitlint's parser.
package struct HeaderFields: Sendable, Hashable {
    /// The commit type, e.g. `feat`.
    package var type: String?
    /// Where the type is.
    package var typeSpan: SourceSpan?
    /// The scope between the parentheses, e.g. `api` (nested parentheses kept).
    package var scope: String?
    /// Where the scope is (without the parentheses).
    package var scopeSpan: SourceSpan?
    /// The description after `: `.
    package var subject: String?
    /// Where the subject is.
    package var subjectSpan: SourceSpan?
    /// Whether the header carries `!` before the colon.
    package var hasExclamationMark: Bool

    /// Creates header fields.
    package init(
        type: String? = nil, typeSpan: SourceSpan? = nil, scope: String? = nil, scopeSpan: SourceSpan? = nil,
        subject: String? = nil, subjectSpan: SourceSpan? = nil, hasExclamationMark: Bool = false
    ) {
        self.type = type
        self.typeSpan = typeSpan
        self.scope = scope
        self.scopeSpan = scopeSpan
        self.subject = subject
        self.subjectSpan = subjectSpan
        self.hasExclamationMark = hasExclamationMark
    }
}

/// One Conventional Commits footer (git trailer): `Token: value` or `Token #value`.
package struct Footer: Sendable, Hashable {
    /// The token, e.g. `Reviewed-by` or `BREAKING CHANGE`.
    package var token: String
    /// `": "` or `" #"`.
    package var separator: String
    /// The value, continuation lines joined with `\n`.
    package var value: String
    /// Where the footer starts (the token).
    package var span: SourceSpan
    /// 1-based lines the footer covers.
    package var lines: ClosedRange<Int>

    /// Whether this footer announces a breaking change (`BREAKING CHANGE` or `BREAKING-CHANGE`).
    package var isBreakingChange: Bool { token == "BREAKING CHANGE" || token == "BREAKING-CHANGE" }

    /// Creates a footer.
    package init(token: String, separator: String, value: String, span: SourceSpan, lines: ClosedRange<Int>) {
        self.token = token
        self.separator = separator
        self.value = value
        self.span = span
        self.lines = lines
    }
}

/// An issue reference such as `#123`, `owner/repo#12` or `Closes #7`.
package struct IssueReference: Sendable, Hashable {
    /// The closing keyword before it (`Closes`, `fixes`, ...), as written, if any.
    package var action: String?
    /// `owner/repo` or `repo` before the `#`, if any.
    package var repository: String?
    /// The prefix, `#`.
    package var prefix: String
    /// The issue identifier after the prefix, e.g. `123`.
    package var issue: String
    /// Where the reference is (prefix and issue).
    package var span: SourceSpan

    /// Creates a reference.
    package init(action: String?, repository: String?, prefix: String, issue: String, span: SourceSpan) {
        self.action = action
        self.repository = repository
        self.prefix = prefix
        self.issue = issue
        self.span = span
    }
}

/// A commit message split the way commitlint's parser splits it, with source positions.
///
/// The header is the first non-empty line. The footer is where conventional-commits-parser
/// (commitlint's parser) puts it: from the first later line that is a `BREAKING CHANGE` note
/// (`^[\s|*]*(BREAKING CHANGE|BREAKING-CHANGE)[:\s]+`, any case) or names an issue (see
/// `issueReferences(in:line:)`: a reference after a closing keyword when the line has one,
/// any reference otherwise), in running text too; everything from there on is footer. A
/// trailer such as `Signed-off-by: …` does not start it. The body is what lies between,
/// without leading and trailing blank lines.
///
/// `footers` are the Conventional Commits footers (git trailers) for the release logic: they
/// begin at the footer or at an earlier `Token: value` line, whichever comes first.
package struct ParsedMessage: Sendable, Hashable {
    /// The lines of the message (line terminators removed; `lines[0]` is line 1).
    package var lines: [String]
    /// 1-based line of the header, nil when the message is empty.
    package var headerLine: Int?
    /// The header text.
    package var header: String?
    /// Type, scope, subject and `!` as the header grammar extracted them.
    package var fields: HeaderFields
    /// The body, nil when there is none.
    package var body: String?
    /// 1-based lines of the body.
    package var bodyLines: ClosedRange<Int>?
    /// The footer text, nil when there is none.
    package var footer: String?
    /// 1-based lines of the footer.
    package var footerLines: ClosedRange<Int>?
    /// The Conventional Commits footers (trailers), in order; they may begin before `footerLines`.
    package var footers: [Footer]
    /// Issue references in the header and the footer lines that are not notes.
    package var references: [IssueReference]
    /// Whether the footer has a commitlint `BREAKING CHANGE` note (case-insensitive, may follow `*`).
    package var hasBreakingChangeNote: Bool

    /// Creates a parsed message from its parts.
    package init(
        lines: [String], headerLine: Int?, header: String?, fields: HeaderFields, body: String?,
        bodyLines: ClosedRange<Int>?, footer: String?, footerLines: ClosedRange<Int>?, footers: [Footer],
        references: [IssueReference], hasBreakingChangeNote: Bool
    ) {
        self.lines = lines
        self.headerLine = headerLine
        self.header = header
        self.fields = fields
        self.body = body
        self.bodyLines = bodyLines
        self.footer = footer
        self.footerLines = footerLines
        self.footers = footers
        self.references = references
        self.hasBreakingChangeNote = hasBreakingChangeNote
    }

    /// Whether there is nothing to lint (no non-empty line).
    package var isEmpty: Bool { headerLine == nil }
    /// The commit type.
    package var type: String? { fields.type }
    /// The scope.
    package var scope: String? { fields.scope }
    /// The subject (description).
    package var subject: String? { fields.subject }
    /// Whether the header has `!`.
    package var hasExclamationMark: Bool { fields.hasExclamationMark }
    /// Whether the commit is breaking per the specification: `!` in the header or a
    /// `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer (upper case).
    package var isBreaking: Bool { fields.hasExclamationMark || footers.contains { $0.isBreakingChange } }

    /// The text of a 1-based line, or nil when out of range.
    package func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
