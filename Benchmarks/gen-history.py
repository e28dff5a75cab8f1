#!/usr/bin/env python3
"""Writes a `git fast-import` stream for the two release-history shapes of issue 14 (stdlib only).

    Benchmarks/gen-history.py skew|maintenance N TAGS | git fast-import

The same arguments always give the same stream, so the same commit ids. Both shapes have N
commits on `main`, one every minute, with `VERSION` bumped and an annotated `vX.Y.0` tag on every
(N / TAGS)-th commit (`chore(release): X.Y.0`); the rest are Conventional Commits (`feat`, `fix`).

skew (item 6, clock skew): after the last release, a side branch of 1,000 sanely dated commits
and then 16 commits dated a year early is merged into `main` ("a merge across them") and
published (`refs/remotes/origin/main`). Then a fix forked from the side branch's sane part
(published only through the early-dated commits) is merged, and 1,000 commits follow: a push of
main carries exactly 1,002 new commits, and a walk ordered by date alone takes published
history for new (the 1,000 side commits).

maintenance (item 14, a branch that lacks the newest tags): `support/1.x` forks at the second
release (v1.1.0), has 49 fixes and then a commit that bumps VERSION to 1.1.1. Every later
release tag is on main only. `refs/remotes/origin/support/1.x` is the branch without its last
commit, so a push carries the one bump commit; the releases before it on the branch are v1.0.0
and v1.1.0.
"""

import sys

MINUTE = 60
YEAR = 365 * 24 * 3600
START = 1_600_000_000


class Stream:
    """The fast-import commands, with a mark per commit."""

    def __init__(self, out):
        self.out = out
        self.mark = 0

    def data(self, text):
        raw = text.encode()
        self.out.write(b"data %d\n" % len(raw) + raw + b"\n")

    def commit(self, ref, message, when, parents, files):
        self.mark += 1
        self.out.write(b"commit %s\nmark :%d\n" % (ref.encode(), self.mark))
        self.out.write(b"author Ada Byron <ada@example.com> %d +0000\n" % when)
        self.out.write(b"committer Ada Byron <ada@example.com> %d +0000\n" % when)
        self.data(message)
        if parents:
            self.out.write(b"from :%d\n" % parents[0])
            for parent in parents[1:]:
                self.out.write(b"merge :%d\n" % parent)
        for path, text in files:
            self.out.write(b"M 100644 inline %s\n" % path.encode())
            self.data(text)
        self.out.write(b"\n")
        return self.mark

    def tag(self, name, mark, when):
        self.out.write(b"tag %s\nfrom :%d\n" % (name.encode(), mark))
        self.out.write(b"tagger Ada Byron <ada@example.com> %d +0000\n" % when)
        self.data("Release version %s\n" % name[1:])

    def reset(self, ref, mark):
        self.out.write(b"reset %s\nfrom :%d\n\n" % (ref.encode(), mark))


def message(i):
    kind = ("feat", "fix")[i % 2]
    return "%s(core): change number %d\n\nThe body of change %d.\n" % (kind, i, i)


def main_line(stream, n, tags, stop=None):
    """Commits 1..n on main with a release every n / tags commits; returns the marks by number."""
    every = max(1, n // tags)
    marks = {}
    parent = None
    minor = 0
    for i in range(1, n + 1):
        when = START + i * MINUTE
        if i == 1 or i % every == 0:
            version = "1.%d.0" % minor
            files = [("VERSION", version + "\n")]
            if i == 1:
                files.append(("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n"))
            parent = stream.commit("refs/heads/main", "chore(release): %s\n" % version, when, [parent] if parent else [], files)
            stream.tag("v" + version, parent, when)
            minor += 1
        else:
            parent = stream.commit("refs/heads/main", message(i), when, [parent], [("f.txt", "%d\n" % i)])
        marks[i] = parent
        if stop and i == stop:
            break
    return marks


def skew(stream, n, tags):
    released = n - 2_100
    marks = main_line(stream, n, tags, stop=released)
    base = START + released * MINUTE
    # x: 1,000 commits with sane dates, forked 100 commits back; s: 16 commits on top of x dated
    # a year early; both merged into main and published, so x is published only through s.
    side = marks[released - 100]
    for k in range(1_000):
        side = stream.commit("refs/heads/topic", message(n + k), base + (k + 1) * MINUTE, [side], [("side.txt", "x%d\n" % k)])
    sane = side
    for k in range(16):
        side = stream.commit("refs/heads/topic", message(n + 1_000 + k), base - YEAR + k * MINUTE, [side], [("side.txt", "s%d\n" % k)])
    now = base + 1_001 * MINUTE
    published = stream.commit("refs/heads/main", "Merge branch 'topic'\n", now, [marks[released], side], [])
    stream.reset("refs/remotes/origin/main", published)
    # The new work: a commit on x's sane part (published only through s), merged, then 1,000 more.
    fix = stream.commit("refs/heads/late", message(n + 1_100), now + MINUTE, [sane], [("late.txt", "1\n")])
    tip = stream.commit("refs/heads/main", "Merge branch 'late'\n", now + 2 * MINUTE, [published, fix], [])
    for k in range(1, 1_001):
        tip = stream.commit("refs/heads/main", message(released + k), now + (k + 2) * MINUTE, [tip], [("f.txt", "x%d\n" % k)])


def maintenance(stream, n, tags):
    every = max(1, n // tags)
    marks = main_line(stream, n, tags)
    parent = marks[every]                      # v1.1.0
    when = START + n * MINUTE
    for k in range(1, 50):
        parent = stream.commit("refs/heads/support/1.x", "fix(core): backport %d\n" % k, when + k * MINUTE, [parent], [("support.txt", "%d\n" % k)])
    stream.reset("refs/remotes/origin/support/1.x", parent)
    stream.commit("refs/heads/support/1.x", "chore(release): 1.1.1\n", when + 60 * MINUTE, [parent], [("VERSION", "1.1.1\n")])


def run(argv):
    if len(argv) != 4 or argv[1] not in ("skew", "maintenance"):
        sys.stderr.write("usage: gen-history.py skew|maintenance N TAGS\n")
        return 2
    n, tags = int(argv[2]), int(argv[3])
    stream = Stream(sys.stdout.buffer)
    (skew if argv[1] == "skew" else maintenance)(stream, n, tags)
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv))
