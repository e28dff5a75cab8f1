#!/bin/sh
# Benchmarks changelog-sync on synthetic repositories made with `git fast-import`:
# 10,000 and 100,000 Conventional Commits, an annotated tag every 500 commits except in the
# last 10,000 (so the latest release is 10,000 commits back), then:
#   - incremental: 50 new commits after a synced CHANGELOG.md (the file restored before each run);
#   - full: `changelog-sync --full` (rebuild from the release tag, 10,000 commits);
#   - git-cliff --unreleased on the same repository, when git-cliff is installed.
#
#   Benchmarks/changelog.sh [BIN_DIR]     (default: the release build's bin path)
#
# Needs git and hyperfine. Build first: swift build -c release --static-swift-stdlib
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$(cd "$root" && swift build -c release --show-bin-path)}
sync="$bin/changelog-sync"
[ -x "$sync" ] || { echo "no $sync; build with: swift build -c release --static-swift-stdlib" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-changelog-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

# fast-import stream: commits FROM..TO on main, tags every 500 below TAG_LIMIT.
stream() {
    awk -v from="$1" -v to="$2" -v taglimit="$3" -v parent="$4" 'BEGIN {
        split("feat fix docs chore perf refactor test build", types, " ")
        for (i = from; i <= to; i++) {
            t = types[(i % 8) + 1]
            msg = t "(mod" (i % 13) "): change number " i
            if (i % 97 == 0) msg = msg "\n\nRefs: #" i
            printf "commit refs/heads/main\nmark :%d\ncommitter Bench <bench@example.com> %d +0000\ndata %d\n%s\n", i, 1700000000 + i, length(msg) + 1, msg
            if (i == from && parent != "") printf "from %s\n", parent
            printf "M 644 inline file.txt\ndata %d\n%d\n\n", length(i "") + 1, i
            if (i % 500 == 0 && i <= taglimit) printf "tag v%d.%d.0\nfrom :%d\ntagger Bench <bench@example.com> %d +0000\ndata 8\nrelease\n\n", int(i / 50000), (i % 50000) / 500, i, 1700000000 + i
        }
    }'
}

for n in 10000 100000; do
    repo="$work/repo-$n"
    git init -q -b main "$repo"
    stream 1 "$n" $((n - 10000)) "" | git -C "$repo" fast-import --quiet
    git -C "$repo" checkout -q -f main
    "$sync" --repo "$repo" >/dev/null
    cp "$repo/CHANGELOG.md" "$work/synced-$n.md"
    stream $((n + 1)) $((n + 50)) 0 "refs/heads/main^0" | git -C "$repo" fast-import --quiet --force
    git -C "$repo" checkout -q -f main
    echo "== $n commits: latest tag $(git -C "$repo" describe --tags --abbrev=0), $(git -C "$repo" rev-list --count HEAD) commits"
    hyperfine -N --warmup 2 --runs 15 \
        --prepare "cp $work/synced-$n.md $repo/CHANGELOG.md" \
        -n "incremental ($n, 50 new)" "$sync --repo $repo"
    hyperfine -N --warmup 1 --runs 5 \
        --prepare "cp $work/synced-$n.md $repo/CHANGELOG.md" \
        -n "full ($n, tag 10,050 back)" "$sync --full --repo $repo"
    if command -v git-cliff >/dev/null; then
        hyperfine -N --warmup 1 --runs 5 -n "git-cliff --unreleased ($n)" \
            "git-cliff --repository $repo --unreleased --output $work/cliff-$n.md"
    fi
done
