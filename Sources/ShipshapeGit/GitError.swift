import CGit2

/// A libgit2 call that failed: which call, libgit2's return code and error class, and its message.
///
/// Every negative return code of a libgit2 function becomes a `GitError`. `kind` classifies the
/// failure for callers that react to it (e.g. "not found"); `description` says what failed and,
/// when known, how to fix it.
package struct GitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A coarse classification of the failure.
    package enum Kind: Sendable, Hashable {
        /// The path is not (inside) a git repository.
        case notARepository
        /// The repository uses SHA-256 object ids (or another extension) libgit2 1.5 cannot read.
        case unsupportedRepositoryFormat
        /// A revision, object, reference, path or config key does not exist.
        case notFound
        /// A short revision matches more than one object.
        case ambiguous
        /// An object or index file is damaged (zlib error, hash mismatch, truncated file).
        case corrupt
        /// The repository directory belongs to another user (`safe.directory`).
        case ownership
        /// A revision names an object that is not (and does not peel to) the requested type.
        case wrongObjectType
        /// A configuration value has the wrong form (e.g. `core.bare = maybe`).
        case invalidConfigValue
        /// A configuration file (the repository's, `~/.gitconfig`, the system's) cannot be
        /// parsed: the file is broken, not the repository.
        case invalidConfigFile
        /// A symbolic link in a commit leads outside the repository, to nothing, or in a loop,
        /// so the file it stands for cannot be read at that commit.
        case unreadableLink
        /// An object a commit or tree names is not in the object database: a partial clone
        /// (`git clone --filter`) that has not fetched it, or damage.
        case missingObject
        /// An invalid argument such as a malformed revision or object id.
        case invalidInput
        /// Anything else.
        case other
    }

    /// The libgit2 function that failed, e.g. `git_repository_open_ext`.
    package let function: String
    /// libgit2's return code (`GIT_ENOTFOUND` = -3, ...).
    package let code: Int32
    /// libgit2's error class (`GIT_ERROR_REPOSITORY` = 6, ...), 0 when none was set.
    package let errorClass: Int32
    /// libgit2's message (`git_error_last()`), or a message of our own.
    package let message: String
    /// What the call was about (a path, a revision, a config key), when known.
    package let subject: String?
    /// The classification.
    package let kind: Kind

    /// Creates an error from explicit values (for failures detected in Swift, or in tests).
    ///
    /// - Parameters:
    ///   - function: the failing call.
    ///   - code: a libgit2 return code.
    ///   - errorClass: a libgit2 error class.
    ///   - message: what went wrong.
    ///   - subject: the path, revision or key concerned.
    ///   - kind: the classification; derived from code, class and message when nil.
    package init(function: String, code: Int32, errorClass: Int32 = 0, message: String, subject: String? = nil, kind: Kind? = nil) {
        self.function = function
        self.code = code
        self.errorClass = errorClass
        self.message = message
        self.subject = subject
        self.kind = kind ?? Self.classify(function: function, code: code, errorClass: errorClass, message: message)
    }

    /// Captures `git_error_last()` for a failed call.
    static func last(_ function: String, _ code: Int32, subject: String? = nil) -> GitError {
        var message = "libgit2 error \(code)"
        var errorClass: Int32 = 0
        if let last = git_error_last() {
            errorClass = last.pointee.klass
            if let text = last.pointee.message { message = String(cString: text) }
        }
        while message.last == "\n" || message.last == " " { message.removeLast() }
        return GitError(function: function, code: code, errorClass: errorClass, message: message, subject: subject)
    }

    private static func classify(function: String, code: Int32, errorClass: Int32, message: String) -> Kind {
        let lower = message.lowercased()
        if lower.contains("objectformat") || lower.contains("sha256") || lower.contains("unsupported extension") {
            return .unsupportedRepositoryFormat
        }
        if code == GIT_EOWNER.rawValue { return .ownership }
        if code == GIT_EAMBIGUOUS.rawValue { return .ambiguous }
        if code == GIT_EPEEL.rawValue || function == "git_object_peel" { return .wrongObjectType }
        if code == GIT_EMISMATCH.rawValue || errorClass == Int32(GIT_ERROR_ZLIB.rawValue) { return .corrupt }
        if errorClass == Int32(GIT_ERROR_CONFIG.rawValue) && lower.contains("failed to parse config file") { return .invalidConfigFile }
        if code == GIT_ENOTFOUND.rawValue {
            if function.hasPrefix("git_repository_open") { return .notARepository }
            let objectLookup = ["git_blob_lookup", "git_tree_lookup", "git_commit_lookup", "git_commit_tree", "git_object_lookup", "git_odb_read"]
            if errorClass == Int32(GIT_ERROR_ODB.rawValue) && objectLookup.contains(function) { return .missingObject }
            return .notFound
        }
        if code == GIT_EINVALIDSPEC.rawValue || code == GIT_EINVALID.rawValue { return .invalidInput }
        if errorClass == Int32(GIT_ERROR_CONFIG.rawValue) && (function.hasPrefix("git_config_get") || function.hasPrefix("git_config_parse")) {
            return .invalidConfigValue
        }
        if lower.contains("corrupt") || lower.contains("truncated") || lower.contains("failed to parse")
            || lower.contains("invalid object") || lower.contains("bad object") || lower.contains("malformed")
        {
            return .corrupt
        }
        return .other
    }

    /// libgit2's name of the return code.
    package var codeName: String {
        switch code {
        case -1: return "GIT_ERROR"
        case -3: return "GIT_ENOTFOUND"
        case -4: return "GIT_EEXISTS"
        case -5: return "GIT_EAMBIGUOUS"
        case -8: return "GIT_EBAREREPO"
        case -9: return "GIT_EUNBORNBRANCH"
        case -12: return "GIT_EINVALIDSPEC"
        case -14: return "GIT_ELOCKED"
        case -19: return "GIT_EPEEL"
        case -20: return "GIT_EEOF"
        case -21: return "GIT_EINVALID"
        case -23: return "GIT_EDIRECTORY"
        case -33: return "GIT_EMISMATCH"
        case -36: return "GIT_EOWNER"
        default: return "error \(code)"
        }
    }

    /// How to fix the failure, when we know.
    package var hint: String? {
        switch kind {
        case .notARepository:
            return "run this inside a git work tree (or set GIT_DIR), or create a repository with `git init`"
        case .unsupportedRepositoryFormat:
            let lowered = message.lowercased()
            if lowered.contains("sha256") || lowered.contains("objectformat") {
                return "this repository uses SHA-256 object ids, which libgit2 1.5 cannot read; Shipshape needs a SHA-1 repository"
            }
            return "this repository uses a format extension (named above) that libgit2 1.5 cannot read, so Shipshape cannot open it; the commit-msg hook still checks messages, the other checks need a repository without the extension"
        case .ambiguous:
            return "use more characters of the object id, or a full ref name such as refs/heads/<name>"
        case .corrupt:
            return "the repository is damaged; run `git fsck` to find the broken objects"
        case .ownership:
            return "the repository belongs to another user; if you trust it, run `git config --global --add safe.directory \(subject ?? "<path>")` (in a CI container where every checkout is trusted, `git config --global --add safe.directory '*'`)"
        case .wrongObjectType:
            return "name a commit (or a tag that points to one)"
        case .invalidConfigValue:
            return "fix the value with `git config`"
        case .invalidConfigFile:
            return "a git configuration file cannot be read (the file and line are named above), not the repository itself; fix or remove that line (`git config --global --edit` for ~/.gitconfig, `git config --edit` for the repository's)"
        case .missingObject:
            let id = message.split(separator: "(").last.map { String($0.prefix { $0.isHexDigit }) }.flatMap { $0.count >= 40 ? $0 : nil }
            let fetch = id.map { "git cat-file -e \($0) fetches it from the promisor remote" } ?? "git show <commit>:<path> fetches a file's object from the promisor remote"
            return "the object is not in this clone: a partial clone (git clone --filter) fetches objects only when git needs them, and Shipshape reads through libgit2, which cannot fetch; \(fetch), or work in a full clone; in a clone that is not partial, the repository is damaged (git fsck)"
        case .unreadableLink:
            return "Shipshape reads files as committed and follows links only inside the repository; replace the link with the file itself, or point it at a file inside the repository, and commit"
        case .notFound, .invalidInput, .other:
            return nil
        }
    }

    /// What failed, libgit2's own message and, when known, how to fix it.
    package var description: String {
        var text = "\(function) failed"
        if let subject { text += " for \"\(subject)\"" }
        text += ": \(message) (\(codeName), class \(errorClass))"
        if let hint { text += " — \(hint)" }
        return text
    }
}

/// Turns a libgit2 return code into a thrown `GitError` when it is negative.
///
/// - Returns: the non-negative code (some calls return counts or booleans).
@discardableResult
func check(_ code: Int32, _ function: String, subject: String? = nil) throws(GitError) -> Int32 {
    if code < 0 { throw GitError.last(function, code, subject: subject) }
    return code
}
