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
/// The shim is tiny on purpose (a hook runs on every commit): it runs a hook that was there
/// before Shipshape (kept beside it as `<hook>.shipshape-chained`) first, then `exec`s the
/// Shipshape program for the hook. The committed files in the repository's `hooks/` folder are
/// this rendering with no program path (they look the program up on `PATH`).
package enum HookShim {
    /// The marker that identifies a hook file as Shipshape's own.
    package static let marker = "# shipshape-managed-hook"

    /// The suffix of a foreign hook that was moved aside and is chained.
    package static let chainedSuffix = ".shipshape-chained"

    /// The shim's text.
    ///
    /// - Parameters:
    ///   - hook: which hook.
    ///   - program: absolute path of the program to run, or empty to look it up on `PATH`.
    package static func render(_ hook: HookKind, program: String) -> String {
        let name = hook.fileName
        var script = """
            #!/bin/sh
            \(marker): \(name)
            # Written by `shipshape install`; `shipshape uninstall` removes it and restores any hook
            # it replaced. A hook that was here before is kept as \(name)\(chainedSuffix) and runs first.
            program=\(shellQuoted(program))
            if [ ! -x "$program" ]; then
                found=$(command -v \(hook.programName) 2>/dev/null) || found=
                if [ -z "$found" ]; then
                    echo "shipshape: cannot find the \(name) program${program:+ at $program} or on PATH; reinstall Shipshape (install.sh), or remove this hook ($0), or skip it once with --no-verify" >&2
                    exit 2
                fi
                program=$found
            fi
            chained="${0%/*}/\(name)\(chainedSuffix)"

            """
        if hook.readsStandardInput {
            script += """
                if [ -x "$chained" ]; then
                    input=$(mktemp) || exit 2
                    cat >"$input" || exit 2
                    exec 3<"$input" 4<"$input"
                    rm -f "$input"
                    "$chained" "$@" <&3 || exit $?
                    exec "$program" "$@" <&4 3<&- 4<&-
                fi

                """
        } else {
            script += """
                if [ -x "$chained" ]; then
                    "$chained" "$@" || exit $?
                fi

                """
        }
        script += """
            exec "$program" "$@"

            """
        return script
    }

    /// Whether a hook file's text is one of Shipshape's shims.
    package static func isShim(_ text: String) -> Bool {
        text.hasPrefix("#!/bin/sh\n" + marker)
    }

    /// Single-quotes a string for sh.
    static func shellQuoted(_ s: String) -> String {
        "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
    }
}
