/// Where `git commit` takes the text it writes above its comments in the message file, as its
/// command line tells (git 2.39's order: `-m`/`-F`, then `-c`/`-C`, then `--fixup`, then what
/// the repository holds).
package enum CommitMessageSource: Sendable, Hashable {
    /// The command line is not known.
    case unknown
    /// No option gives the text: it is `MERGE_MSG` (after `SQUASH_MSG`), `SQUASH_MSG`, the
    /// template of `commit.template`, HEAD's message for `--amend`, or nothing.
    case repository
    /// `-c REV` / `-C REV` (`--reedit-message`, `--reuse-message`): that commit's message.
    case commit(String)
    /// `-t FILE` (`--template`) as given, relative to the directory git was started in.
    case template(String)
    /// `-m`, `-F` or `--fixup`: text that is not visible to a hook.
    case hidden

    /// Reads the options of `git commit` (the arguments after the command's name).
    ///
    /// - Parameter commitArguments: the arguments of `git commit`, without `git` and `commit`.
    init(commitArguments: ArraySlice<String>) {
        // Options whose value may be the next argument, by long name and by letter.
        let longWithValue: Set<String> = [
            "message", "file", "reedit-message", "reuse-message", "template", "fixup", "squash", "author", "date",
            "cleanup", "trailer", "pathspec-from-file",
        ]
        let shortWithValue: [Character: String] = ["m": "message", "F": "file", "c": "reedit-message", "C": "reuse-message", "t": "template"]
        var options: [(name: String, value: String)] = []
        var rest = commitArguments
        while let argument = rest.popFirst(), argument != "--" {
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                if let equals = body.firstIndex(of: "=") {
                    options.append((name, String(body[body.index(after: equals)...])))
                } else if longWithValue.contains(name) {
                    options.append((name, rest.popFirst() ?? ""))
                }
            } else if argument.hasPrefix("-") {
                // A cluster of letters (`-am msg`): a letter with a value takes the rest, or the next argument.
                var letters = argument.dropFirst()
                while let letter = letters.popFirst() {
                    if let name = shortWithValue[letter] {
                        options.append((name, letters.isEmpty ? rest.popFirst() ?? "" : String(letters)))
                        break
                    }
                    if letter == "u" || letter == "S" { break }  // an optional value, attached
                }
            }
        }
        self = CommitMessageSource(options: options)
    }

    /// The source the options name, in git's order of precedence.
    private init(options: [(name: String, value: String)]) {
        let names = Set(options.map(\.name))
        if !names.isDisjoint(with: ["message", "file", "fixup"]) {
            self = .hidden
        } else if let commit = options.last(where: { $0.name == "reedit-message" || $0.name == "reuse-message" }) {
            self = .commit(commit.value)
        } else if let template = options.last(where: { $0.name == "template" }) {
            self = .template(template.value)
        } else {
            self = .repository
        }
    }
}
