#!/usr/bin/env python3
"""Writes a `git fast-import` stream for a synthetic repository of N commits (stdlib only).

    Benchmarks/gen-repo.py N META.json | git fast-import --export-marks=MARKS

The same N always gives the same stream (and so the same commit ids): messages, authors and
dates come from a fixed-seed generator written here, not from Python's `random`, so they do not
change with the Python version. The history, on `main`:

- commit 1 adds VERSION, package.json and a README; most commits then change one file;
- Conventional Commits with scopes, bodies and trailers (Refs, Signed-off-by, Co-authored-by,
  Reviewed-by), a few `!` headers and `BREAKING CHANGE:` footers;
- every 25th commit is a merge (`Merge branch 'feature/…'`) of a side commit forked a few commits
  earlier;
- "legacy" history up to the latest release: a `chore(release): X.Y.0` commit that sets the
  version files every 500 commits, tagged with an annotated `vX.Y.0`, and about 2 % of messages
  that are not Conventional Commits ("Update README.md", "wip", ...);
- then UNRELEASED commits (10,000, or N / 2 when that is smaller) with no tag, no version change
  and only messages that pass commitlint's conventional rules: the pushed range of the pre-push
  cases, the range of `shipshape lint --from --to`, and the Unreleased section of the changelog.

META.json receives the fast-import marks of the commits the benchmarks need (root, latest
release, the tip minus 50 and minus 1, the tip) and the counts.
"""

import json
import sys

UNRELEASED_MAX = 10_000
RELEASE_EVERY = 500
MERGE_EVERY = 25
SIDE = 11                                         # position of the side commit in each 25
SEED = 20261125

TYPES = ["feat"] * 6 + ["fix"] * 6 + ["docs"] * 2 + ["chore"] * 2 + ["refactor"] * 2 + [
    "perf", "test", "build", "ci", "style"]
SCOPES = ["api", "auth", "billing", "cli", "config", "core", "db", "deps", "export", "i18n",
          "parser", "search", "ui"]
VERBS = ["add", "handle", "support", "remove", "rename", "cache", "validate", "document",
         "simplify", "speed up", "log", "retry"]
OBJECTS = ["cursor pagination", "empty results", "the audit log", "CSV export", "token refresh",
           "rate limits", "invoice totals", "the settings page", "locale fallbacks",
           "a race in the worker pool", "stale sessions", "webhook signatures",
           "the migration runner", "search ranking", "long file names", "time zones"]
BODY_WORDS = ("the request now goes through the shared client so that retries and timeouts "
              "follow one policy and the error reaches the caller with its context instead of "
              "a bare status code which made the reports from support hard to follow").split()
LEGACY = ["Update README.md", "wip", "fixed typo", "Add files via upload", "more tests",
          "Refactoring the parser module.", "Bump dependencies", "quick fix for the build"]
PEOPLE = [("Ada Byron", "ada@example.com"), ("Grace Murray", "grace@example.com"),
          ("Linus Benedict", "linus@example.com"), ("Margaret Heafield", "margaret@example.com"),
          ("Dennis MacAlistair", "dennis@example.com")]


class Dice:
    """A 64-bit linear congruential generator: the same numbers on every Python."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % n

    def pick(self, items):
        return items[self.below(len(items))]


def wrap(words, width=72):
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + ([line] if line else [])


def conventional(dice, i):
    """A message that passes commitlint's config-conventional rules."""
    kind = dice.pick(TYPES)
    scope = dice.pick(SCOPES) if dice.below(10) < 7 else None
    bang = "!" if dice.below(100) == 0 else ""
    header = f"{kind}{f'({scope})' if scope else ''}{bang}: {dice.pick(VERBS)} {dice.pick(OBJECTS)}"
    parts = [header]
    if dice.below(10) < 4:
        start = dice.below(len(BODY_WORDS) - 12)
        parts.append("\n".join(wrap(BODY_WORDS[start:start + 12 + dice.below(20)])))
    footers = []
    if dice.below(100) == 1:
        footers.append(f"BREAKING CHANGE: {dice.pick(OBJECTS)} now needs version 2 of the API")
    if dice.below(10) < 3:
        footers.append(f"Refs: #{1000 + i % 9000}")
    if dice.below(10) < 2:
        name, mail = dice.pick(PEOPLE)
        footers.append(f"{dice.pick(['Signed-off-by', 'Co-authored-by', 'Reviewed-by'])}: "
                       f"{name} <{mail}>")
    if footers:
        parts.append("\n".join(footers))
    return "\n\n".join(parts) + "\n"


def version_of(release):
    """The version of the release-th release (1-based): 1.0.0 ... 1.19.0, 2.0.0, ..."""
    return f"{1 + (release - 1) // 20}.{(release - 1) % 20}.0"


def package_json(version):
    return f'{{\n  "name": "bench-app",\n  "version": "{version}",\n  "private": true\n}}\n'


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 100:
        sys.exit("usage: gen-repo.py N META.json  (N >= 100)")
    total, meta_path = int(sys.argv[1]), sys.argv[2]
    unreleased = min(UNRELEASED_MAX, total // 2)
    last_release = (total - unreleased) // RELEASE_EVERY * RELEASE_EVERY
    dice = Dice(SEED)
    out = sys.stdout.buffer

    def data(text):
        raw = text.encode()
        out.write(b"data %d\n" % len(raw) + raw + b"\n")

    def header(ref, mark, i, message):
        name, mail = PEOPLE[i % len(PEOPLE)]
        when = 1_600_000_000 + i * 600
        out.write(f"commit {ref}\nmark :{mark}\nauthor {name} <{mail}> {when} +0000\n"
                  f"committer {name} <{mail}> {when} +0000\n".encode())
        data(message)

    main_tip = fork = side = None
    releases = 0
    for i in range(1, total + 1):
        legacy = i <= last_release
        position = i % MERGE_EVERY
        if position == SIDE - 3:
            fork = main_tip
        if position == SIDE:                      # a side commit, forked three commits back
            header("refs/heads/topic", i, i, conventional(dice, i))
            out.write(f"from :{fork}\n".encode())
            out.write(f"M 100644 inline notes/topic-{i}.md\n".encode())
            data(f"notes of topic {i}\n")
            side = i
            continue
        if position == SIDE + 1 and side is not None:    # merge it
            header("refs/heads/main", i, i, f"Merge branch 'feature/topic-{side}'\n")
            out.write(f"from :{main_tip}\nmerge :{side}\n".encode())
            out.write(f"M 100644 inline notes/topic-{side}.md\n".encode())
            data(f"notes of topic {side}\n")
            main_tip = i
            continue
        if legacy and i % RELEASE_EVERY == 0:     # a release
            releases += 1
            version = version_of(releases)
            header("refs/heads/main", i, i, f"chore(release): {version}\n")
            out.write(f"from :{main_tip}\n".encode())
            out.write(b"M 100644 inline VERSION\n")
            data(version + "\n")
            out.write(b"M 100644 inline package.json\n")
            data(package_json(version))
            out.write(f"tag v{version}\nfrom :{i}\n".encode())
            out.write(f"tagger Release Bot <release@example.com> {1_600_000_000 + i * 600} +0000\n"
                      .encode())
            data(f"Release {version}\n")
            main_tip = i
            continue
        if legacy and dice.below(50) == 0:
            message = dice.pick(LEGACY) + "\n"
        else:
            message = conventional(dice, i)
        header("refs/heads/main", i, i, message)
        if main_tip is not None:
            out.write(f"from :{main_tip}\n".encode())
        if i == 1:
            out.write(b"M 100644 inline VERSION\n")
            data("0.1.0\n")
            out.write(b"M 100644 inline package.json\n")
            data(package_json("0.1.0"))
            out.write(b"M 100644 inline README.md\n")
            data("# bench-app\n\nA synthetic repository for Shipshape's benchmarks.\n")
        out.write(f"M 100644 inline src/{dice.pick(SCOPES)}/part{i % 7}.txt\n".encode())
        data(f"change {i}\n")
        main_tip = i
    out.write(f"reset refs/remotes/origin/main\nfrom :{last_release}\n\n".encode())
    out.flush()

    def on_main(mark):
        """The nearest commit on main at or before this position (side commits are not)."""
        return mark - 1 if mark % MERGE_EVERY == SIDE else mark

    with open(meta_path, "w", encoding="utf-8") as meta:
        json.dump({
            "commits": total, "unreleased": total - last_release, "releases": releases,
            "latest_release": version_of(releases) if releases else None,
            "marks": {"root": 1, "release": last_release, "synced": on_main(total - 50),
                      "one_before": on_main(total - 1), "tip": main_tip},
        }, meta, indent=2)
        meta.write("\n")


if __name__ == "__main__":
    main()
