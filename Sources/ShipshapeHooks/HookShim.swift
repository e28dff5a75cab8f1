/// The git hooks Shipshape provides, and the shell shim that `shipshape install` writes for each.
package enum HookKind: String, Sendable, CaseIterable {
    /// Checks the commit message and the branch name.
    case commitMsg = "commit-msg"
    /// Checks what a push would publish: version consistency and the pushed commits.
    case prePush = "pre-push"
    /// Syncs the changelog's Unreleased section after merges and pulls.
    case postMerge = "post-merge"
    /// On a server: checks every pushed ref before git accepts it (`shipshape install --server`).
    case preReceive = "pre-receive"

    /// The hooks `shipshape install` places in a developer's repository.
    package static let clientHooks: [HookKind] = [.commitMsg, .prePush, .postMerge]

    /// The hooks `shipshape install --server` places in a repository that receives pushes.
    package static let serverHooks: [HookKind] = [.preReceive]

    /// The file name git looks for in the hooks directory.
    package var fileName: String { rawValue }

    /// The executable the shim runs (installed beside `shipshape`).
    package var programName: String { rawValue }

    /// Whether git feeds the hook data on standard input (which a chained hook must see too).
    package var readsStandardInput: Bool { self == .prePush || self == .preReceive }
}

/// Renders the POSIX sh shim placed in a repository's hooks directory.
///
/// The shim is tiny on purpose (a hook runs on every commit). It finds the Shipshape program for
/// the hook on `PATH` first, then at the path recorded when it was installed, so a hooks directory
/// committed to a repository works in every clone whatever prefix each teammate installed into.
/// It runs a hook that was there before Shipshape (kept beside it as `<hook>.shipshape-chained`)
/// first, then `exec`s the program. When the program is nowhere, `MissingProgramPolicy` decides.
/// The committed files in the repository's `hooks/` folder are this rendering with no recorded
/// path and the default policy.
package enum HookShim {
    /// The marker that identifies a hook file as Shipshape's own.
    package static let marker = "# shipshape-managed-hook"

    /// The suffix of a foreign hook that was moved aside and is chained.
    package static let chainedSuffix = ".shipshape-chained"

    /// The git configuration key (and, upper-cased, the environment variable
    /// `SHIPSHAPE_IF_MISSING`) that overrides the policy baked into a shim.
    package static let missingPolicyKey = "shipshape.ifMissing"

    /// The one-line hint a shim prints when the program is missing.
    package static let installHint =
        "install Shipshape's programs on PATH (from a release: ./install.sh --from shipshape-VERSION-linux-ARCH.tar.gz, or pip install shipshape_hooks-VERSION-*.whl; see Shipshape's README)"

    /// The shim's text.
    ///
    /// - Parameters:
    ///   - hook: which hook.
    ///   - program: absolute path of the program recorded at install time (used when the program
    ///     is not on `PATH`), or empty for none.
    ///   - ifMissing: what the shim does when the program is neither on `PATH` nor recorded.
    package static func render(_ hook: HookKind, program: String, ifMissing: MissingProgramPolicy = .refuse) -> String {
        let name = hook.fileName
        let recorded = program.isEmpty ? "" : " nor at \(program)"
        return """
            #!/bin/sh
            \(marker): \(name)
            # Written by `shipshape install`; `shipshape uninstall` removes it and restores any hook
            # it replaced. A hook that was here before is kept as \(name)\(chainedSuffix) and runs first.
            # Runs the \(name) program found on PATH, else the one recorded below. Without either:
            # \(ifMissing.rawValue) (override: git config \(missingPolicyKey) allow|refuse, or SHIPSHAPE_IF_MISSING).
            program=$(command -v \(hook.programName) 2>/dev/null) || program=
            if [ -z "$program" ] || [ "$program" -ef "$0" ]; then program=\(shellQuoted(program)); fi
            chained="${0%/*}/\(name)\(chainedSuffix)"
            if [ ! -x "$program" ]; then
                policy=${SHIPSHAPE_IF_MISSING:-$(git config --get \(missingPolicyKey) 2>/dev/null)}
                if [ "${policy:-\(ifMissing.rawValue)}" = allow ]; then
                    echo "shipshape: warning: the \(name) program is not on PATH\(recorded), so this \(name) check was skipped; \(installHint)" >&2
                    if [ -x "$chained" ]; then exec "$chained" "$@"; fi
                    exit 0
                fi
                echo "shipshape: error: the \(name) program is not on PATH\(recorded); \(installHint), or let git go on without the check: git config \(missingPolicyKey) allow" >&2
                exit 2
            fi
            \(chainedThenProgram(hook))
            """
    }

    /// The tail of the shim: the chained hook (if any) and then the program, both seeing the
    /// standard input git gave the hook when the hook reads it.
    private static func chainedThenProgram(_ hook: HookKind) -> String {
        if hook.readsStandardInput {
            return """
                if [ -x "$chained" ]; then
                    input=$(mktemp) || exit 2
                    cat >"$input" || exit 2
                    exec 3<"$input" 4<"$input"
                    rm -f "$input"
                    "$chained" "$@" <&3 || exit $?
                    exec "$program" "$@" <&4 3<&- 4<&-
                fi
                exec "$program" "$@"

                """
        }
        return """
            if [ -x "$chained" ]; then
                "$chained" "$@" || exit $?
            fi
            exec "$program" "$@"

            """
    }

    /// Whether a hook file's text is one of Shipshape's shims.
    package static func isShim(_ text: String) -> Bool {
        text.hasPrefix("#!/bin/sh\n" + marker)
    }

    /// The program path recorded in a shim's text, if any.
    ///
    /// - Returns: the unquoted path, or `nil` when the shim records none (or is not a shim).
    package static func recordedProgram(in text: String) -> String? {
        let prefix = #"if [ -z "$program" ] || [ "$program" -ef "$0" ]; then program="#
        let suffix = "; fi"
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) && line.hasSuffix(suffix) {
            let value = shellUnquoted(String(line.dropFirst(prefix.count).dropLast(suffix.count)))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The missing-program policy baked into a shim's text.
    package static func missingPolicy(in text: String) -> MissingProgramPolicy? {
        let lines = text.split(separator: "\n").map { $0.drop { $0 == " " } }
        return MissingProgramPolicy.allCases.first { policy in
            lines.contains { $0 == "if [ \"${policy:-\(policy.rawValue)}\" = allow ]; then" }
        }
    }

    /// Single-quotes a string for sh.
    static func shellQuoted(_ s: String) -> String {
        "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
    }

    /// Reverses `shellQuoted`.
    static func shellUnquoted(_ s: String) -> String {
        guard s.hasPrefix("'"), s.hasSuffix("'"), s.count >= 2 else { return s }
        var result = ""
        var rest = Substring(s.dropFirst().dropLast())
        while let quote = rest.firstIndex(of: "'") {
            result += rest[..<quote] + "'"
            rest = rest[quote...].dropFirst(4)  // the '\'' sequence
        }
        return result + rest
    }
}
