package import ShipshapeDiagnostics
import ShipshapeGit
import ShipshapePolicy
import ShipshapeConfiguration

/// What a hook decided, ready for an executable to print and turn into an exit status.
package struct HookOutcome: Sendable {
    /// One report per checked subject (the message, the branch).
    package var reports: [SubjectReport]
    /// Lines to print after the reports when the hook refuses (how to recover).
    package var advice: [String]

    /// Creates an outcome.
    package init(reports: [SubjectReport], advice: [String] = []) {
        self.reports = reports
        self.advice = advice
    }

    /// True when any report has an error-level finding.
    package var refused: Bool { reports.contains { !$0.isValid } }

    /// 1 when refused (policy violation), else 0.
    package var exitStatus: Int32 { refused ? 1 : 0 }

    /// The reports as a list, and the advice after them.
    package var document: ReportDocument { .subjects(reports, asList: true, closing: advice) }
}

/// The `commit-msg` hook: checks the message git is about to commit and the branch it goes on.
///
/// git runs it at the top of the work tree with the path of the message file (relative, or
/// absolute in a linked worktree). The file is the raw text before git's cleanup (comments, the
/// `-v` diff); git sets `GIT_EDITOR=:` when no editor was used, which decides what
/// `commit.cleanup=default` means. The hook only reads: it never writes the index or takes a lock.
///
/// Branch names are checked when HEAD is on a branch, including the unborn branch of a new
/// repository. A detached HEAD (rebase, bisect, a checked-out tag) is not a branch and is not
/// checked; commits made during a merge, cherry-pick or revert on a branch are checked as usual.
package enum CommitMsgHook {
    /// Runs the hook.
    ///
    /// - Parameters:
    ///   - messagePath: the path git passed (relative to the working directory or absolute).
    ///   - invocation: working directory and environment.
    /// - Returns: the reports for the message and the branch, and recovery advice when refused.
    /// - Throws: `HookError` when the message cannot be read, the repository or configuration is
    ///   broken, or a configured pattern fails.
    package static func run(messagePath: String, invocation: Invocation) throws(HookError) -> HookOutcome {
        let absolutePath = FileSystem.join(invocation.workingDirectory, messagePath)
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(absolutePath) } catch { throw .file(error) }
        let context = try RepositoryContext.load(
            from: invocation.workingDirectory, invocation: invocation, requireRepository: false)
        let editorUsed = invocation.environment["GIT_EDITOR"] != ":"
        let (message, cleaned) = try LintUseCase.lint(
            bytes: bytes, origin: messagePath, kind: .raw(editorUsed: editorUsed), context: context)
        var reports = [message]
        if let branchReport = try checkBranch(context) { reports.append(branchReport) }
        var outcome = HookOutcome(reports: reports, advice: context.warnings)
        if !message.isValid {
            outcome.advice += recoveryAdvice(
                cleanedMessage: cleaned, rawPath: absolutePath, context: context, amending: invocation.isAmending)
        } else if outcome.refused, let branch = context.repository.flatMap({ try? $0.head().branchName }) {
            outcome.advice.append("commit refused: the branch name \"\(branch)\" does not follow the branch policy")
            outcome.advice.append("rename the branch and commit again: git branch -m <new-name>")
        }
        return outcome
    }

    /// How to get the refused message back: it is saved, cleaned (without comments or the `-v`
    /// diff, which `git commit -F` would otherwise commit), next to git's own files.
    ///
    /// When the refused commit was an amend (`git commit --amend`, a rebase's `reword`), HEAD is
    /// still the commit being replaced: the advice amends it again rather than committing on
    /// top, and, in a rebase, continues it afterwards.
    static func recoveryAdvice(cleanedMessage: String, rawPath: String, context: RepositoryContext, amending: Bool = false) -> [String] {
        var saved = rawPath
        // Without a repository (libgit2 could not open it), git's COMMIT_EDITMSG still names the
        // git directory it lives in.
        let besideGit = FileSystem.baseName(rawPath) == "COMMIT_EDITMSG" ? FileSystem.directoryName(rawPath) : nil
        if let gitDirectory = context.repository?.gitDirectory ?? besideGit {
            let path = FileSystem.join(gitDirectory, "SHIPSHAPE_EDITMSG")
            let text = cleanedMessage.isEmpty || cleanedMessage.hasSuffix("\n") ? cleanedMessage : cleanedMessage + "\n"
            // Saved in the encoding git expects for this repository, so `git commit -F` reads it back.
            let latin1 = context.commitEncodingIsLatin1() && text.unicodeScalars.allSatisfy { $0.value < 256 }
            let bytes = latin1 ? text.unicodeScalars.map { UInt8($0.value) } : Array(text.utf8)
            if (try? FileSystem.writeAtomically(bytes, to: path)) != nil { saved = path }
        }
        guard amending else {
            return [
                "commit refused; your message is saved in \(saved)",
                "fix it and commit again with: git commit -e -F \(shellQuoted(saved))",
            ]
        }
        var advice = [
            "commit refused; your message is saved in \(saved)",
            "fix it and amend again with: git commit --amend -e -F \(shellQuoted(saved))",
        ]
        if context.repository?.state.isRebasing == true { advice.append("then go on with the rebase: git rebase --continue") }
        return advice
    }

    /// The branch-name report, or nil when HEAD is detached or there is no repository.
    static func checkBranch(_ context: RepositoryContext) throws(HookError) -> SubjectReport? {
        guard let repository = context.repository else { return nil }
        let settings = context.configuration.branches
        guard settings.level != .off else { return nil }
        let name: String
        do {
            switch try repository.head() {
            case let .branch(branch, _): name = branch
            case let .unborn(branch): name = branch
            case .detached: return nil
            }
        } catch {
            throw .git(error)
        }
        let findings: [Finding]
        do {
            findings = try BranchPolicy(settings: settings).check(name)
        } catch {
            throw .pattern(error)
        }
        return SubjectReport(origin: "branch \"\(name)\"", text: name, findings: findings)
    }

    private static func shellQuoted(_ s: String) -> String {
        if s.allSatisfy({ $0.isLetter || $0.isNumber || "/._-".contains($0) }) { return s }
        return "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
    }
}
