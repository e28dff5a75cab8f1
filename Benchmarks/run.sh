#!/usr/bin/env bash
# Shipshape's benchmark suite: the release binaries beside their floors and their peers, every
# case timed side by side in one run. Run by hand (never part of the test suite):
#
#   Benchmarks/run.sh [--quick] [--only GROUPS]
#
#   --quick        fewer runs, the 10,000-commit repository only (its unreleased stretch is
#                  5,000 commits, so the range cases cover 5,000 commits instead of 10,000)
#   --only GROUPS  comma-separated: commit-msg, lint, pre-push, changelog (default: all)
#
# It builds the release binaries (setup.sh), installs the peers pinned in peers.txt into
# Benchmarks/.venv, generates the synthetic repositories with gen-repo.py + git fast-import
# (cached in Benchmarks/.cache, keyed by the generator's hash), times every case with hyperfine
# (medians) and /usr/bin/time (peak RSS), and writes Benchmarks/results/results.md and
# results.json (report.py), with the targets of issue 5 and whether each is met.
# Needs: hyperfine, python3 with venv, git, swift, cc, pkg-config + libgit2-dev, /usr/bin/time,
# and PyPI for the first run.
set -euo pipefail

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }
mode=full
only=commit-msg,lint,pre-push,changelog
while [ $# -gt 0 ]; do
    case $1 in
        --quick) mode=quick ;;
        --only)
            [ $# -ge 2 ] || { echo "run.sh: --only needs a list of groups" >&2; exit 2; }
            only=$2
            shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
for group in ${only//,/ }; do
    case $group in
        commit-msg | lint | pre-push | changelog) ;;
        *) echo "run.sh: unknown group '$group' (commit-msg, lint, pre-push, changelog)" >&2; exit 2 ;;
    esac
done
selected() { [[ ",$only," == *",$1,"* ]]; }

. "$(dirname "$0")/setup.sh"
bench="$root/Benchmarks"
raw="$work/raw"
manifest="$work/manifest.tsv"
mkdir -p "$raw"
: >"$manifest"
say() { printf '\n### %s\n' "$*" >&2; }

# --- The peers, in a private virtual environment -----------------------------------------------
venv="$bench/.venv"
want=$(sha256sum "$bench/peers.txt" | cut -c1-64)
if [ "$(cat "$venv/.peers.sha256" 2>/dev/null || true)" != "$want" ]; then
    say "installing the peers into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv" ||
        { echo "benchmarks: cannot create a virtual environment: apt-get install -y python3-venv" >&2; exit 2; }
    "$venv/bin/pip" install --disable-pip-version-check --quiet -r "$bench/peers.txt" >&2 ||
        { echo "benchmarks: pip could not install $bench/peers.txt from PyPI" >&2; exit 2; }
    echo "$want" >"$venv/.peers.sha256"
fi
peers="$venv/bin"

# --- Synthetic repositories, cached by the generator's hash ------------------------------------
key=$(sha256sum "$bench/gen-repo.py" | cut -c1-12)
cache="$bench/.cache"
mkdir -p "$cache"
find "$cache" -mindepth 1 -maxdepth 1 -name 'repos-*' ! -name "repos-$key" -exec rm -rf {} +

# repository N: makes (or reuses) the cached repository of N commits, copies it to $work/repo-N
# and sets R_DIR, R_ROOT, R_RELEASE, R_SYNCED, R_ONE_BEFORE, R_TIP (commit ids) and R_UNRELEASED.
repository() {
    local n=$1 dir="$cache/repos-$key/$1"
    if [ ! -f "$dir/refs.sh" ]; then
        say "generating the $n-commit repository (cached in $dir)"
        rm -rf "$dir" "$dir.tmp"
        mkdir -p "$dir.tmp"
        git init -q -b main "$dir.tmp/repo"
        python3 "$bench/gen-repo.py" "$n" "$dir.tmp/meta.json" |
            git -C "$dir.tmp/repo" fast-import --quiet --export-marks="$dir.tmp/marks"
        git -C "$dir.tmp/repo" update-ref -d refs/heads/topic
        git -C "$dir.tmp/repo" gc --quiet            # one pack and a commit-graph, as after git gc
        git -C "$dir.tmp/repo" checkout -q -f main
        python3 - "$dir.tmp/meta.json" "$dir.tmp/marks" >"$dir.tmp/refs.sh" <<'PY'
import json, sys
meta = json.load(open(sys.argv[1]))
marks = dict(line.split() for line in open(sys.argv[2]))
for name, mark in meta["marks"].items():
    print(f"R_{name.upper()}={marks[':%d' % mark]}")
print(f"R_UNRELEASED={meta['unreleased']}")
PY
        mv "$dir.tmp" "$dir"
    fi
    R_DIR="$work/repo-$n"
    [ -d "$R_DIR" ] || cp -a "$dir/repo" "$R_DIR"
    . "$dir/refs.sh"
}

# --- Floors ---------------------------------------------------------------------------------
cc -O2 "$bench/floors/libgit2-open.c" -o "$work/libgit2-open" $(pkg-config --cflags --libs libgit2)
swiftc -O -static-stdlib "$bench/floors/trivial.swift" -o "$work/trivial-swift" >&2

# --- Running one case -------------------------------------------------------------------------
# row GROUP ID ROLE LABEL CLASS [--shell] [--cwd DIR] [--prepare CMD] [--exit N] [--floor ID]
#     [--versus ID] CMD
# Times CMD (hyperfine syntax; without --shell it runs without a shell, so quote with q) and
# then runs it once more under /usr/bin/time for its peak RSS; ROLE is floor, shipshape or
# peer. CLASS (fast, mid, slow) sets the number of runs. --exit is the expected exit status,
# --floor and --versus name the rows its ratios are taken against (default: the group's first
# floor and first Shipshape row).
row() {
    local group=$1 id=$2 role=$3 label=$4 class=$5
    shift 5
    local shell=0 cwd=$PWD prepare="" expect=0 floor="" versus=""
    while [ $# -gt 1 ]; do
        case $1 in
            --shell) shell=1; shift ;;
            --cwd) cwd=$2; shift 2 ;;
            --prepare) prepare=$2; shift 2 ;;
            --exit) expect=$2; shift 2 ;;
            --floor) floor=$2; shift 2 ;;
            --versus) versus=$2; shift 2 ;;
            *) echo "row: unknown option $1" >&2; exit 2 ;;
        esac
    done
    local cmd=$1 warmup runs
    case $mode/$class in
        full/fast) warmup=20 runs=200 ;;   quick/fast) warmup=5 runs=30 ;;
        full/mid) warmup=3 runs=20 ;;      quick/mid) warmup=1 runs=5 ;;
        full/slow) warmup=1 runs=5 ;;      quick/slow) warmup=0 runs=3 ;;
    esac
    local args=(--style basic --ignore-failure --warmup "$warmup" --runs "$runs"
        --export-json "$raw/$id.json" -n "$label")
    [ "$shell" = 1 ] || args+=(-N)
    [ -z "$prepare" ] || args+=(--prepare "$prepare")
    (cd "$cwd" && hyperfine "${args[@]}" "$cmd" >&2)
    (
        cd "$cwd"
        if [ -n "$prepare" ]; then eval "$prepare"; fi
        if [ "$shell" = 1 ]; then
            /usr/bin/time -f %M -o "$raw/$id.rss" sh -c "exec $cmd" >/dev/null 2>&1 </dev/null || true
        else
            eval "set -- $cmd"
            /usr/bin/time -f %M -o "$raw/$id.rss" "$@" >/dev/null 2>&1 </dev/null || true
        fi
    )
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$group" "$id" "$role" "$label" "$expect" \
        "$floor" "$versus" "$cmd" >>"$manifest"
}
# na GROUP ID LABEL: a peer that cannot do this case, listed as such.
na() { printf '%s\t%s\tn/a\t%s\t\t\t\t\n' "$1" "$2" "$3" >>"$manifest"; }
# q ARGS...: one shell-quoted command line, for hyperfine -N and for eval.
q() { printf '%q ' "$@"; }
# thousands N: N with a comma every three digits, for the labels.
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }

# gitlint with the Conventional Commits title rule, commitlint's 100-character lines and no
# demand for a body (gitlint's B5/B6 defaults), so that it judges like the others
gitlint_conventional=(--contrib contrib-title-conventional-commits -c T1.line-length=100
    -c B1.line-length=100 --ignore body-is-missing,body-min-length)
main_size=100000
[ "$mode" = quick ] && main_size=10000

# --- commit-msg: a typical message, as a process and inside git commit ------------------------
if selected commit-msg; then
    say "commit-msg"
    repository 10000
    repo="$work/commit-repo"
    cp -a "$R_DIR" "$repo"
    git -C "$repo" checkout -q -b feature/export-csv
    base=$(git -C "$repo" rev-parse HEAD)
    cat >"$work/MSG" <<'MSG'
feat(export): add CSV export for audit events

Users asked for a way to take audit events to a spreadsheet. The export streams rows so
memory stays flat for large ranges.

Refs: #412
MSG
    mkdir -p "$work/outside" "$work/hooks/none" "$work/hooks/shipshape"
    cp "$work/MSG" "$work/outside/MSG"
    git -C "$repo" config core.hooksPath "$work/hooks/shipshape"
    "$bin/shipshape" install --repo "$repo" >/dev/null
    git -C "$repo" config --unset core.hooksPath
    hook() {   # hook NAME COMMAND...: a commit-msg hook that runs COMMAND with the message file
        mkdir -p "$work/hooks/$1"
        printf '#!/bin/sh\nexec %s "$1"\n' "$(q "${@:2}")" >"$work/hooks/$1/commit-msg"
        chmod +x "$work/hooks/$1/commit-msg"
    }
    hook cz "$peers/cz" check --commit-msg-file
    hook gitlint "$peers/gitlint" "${gitlint_conventional[@]}" --msg-filename
    hook commit-check "$peers/commit-check" --message
    hook conventional-pre-commit "$peers/conventional-pre-commit"

    g=commit-msg
    row $g cm.true floor "/bin/true" fast /bin/true
    row $g cm.swift floor "trivial Swift binary (static stdlib)" fast "$(q "$work/trivial-swift")"
    row $g cm.libgit2 floor "C program: libgit2 init + open the repository" fast --cwd "$repo" \
        "$(q "$work/libgit2-open")"
    row $g cm.shipshape shipshape "commit-msg MSG (in the repository)" fast --cwd "$repo" \
        --floor cm.libgit2 "$(q "$bin/commit-msg" "$work/MSG")"
    row $g cm.pure shipshape "shipshape lint --message-file MSG (no repository)" fast \
        --cwd "$work/outside" --floor cm.swift "$(q "$bin/shipshape" lint --message-file MSG)"
    # A configured pattern that backtracks catastrophically must fail fast (exit 2), not hang.
    git init -q "$work/catastrophic"
    printf "[commit]\nignore-patterns = ['(a+)+\$']\n" >"$work/catastrophic/.shipshape.toml"
    printf '%s!\n' "$(printf 'a%.0s' {1..36})" >"$work/catastrophic/MSG"
    row $g cm.catastrophic shipshape "commit-msg, catastrophic ignore pattern (a+)+\$ (refused, exit 2)" fast \
        --cwd "$work/catastrophic" --exit 2 --floor cm.libgit2 "$(q "$bin/commit-msg" MSG)"
    row $g cm.cz peer "cz check --commit-msg-file MSG" mid --cwd "$repo" --floor cm.libgit2 \
        "$(q "$peers/cz" check --commit-msg-file "$work/MSG")"
    row $g cm.gitlint peer "gitlint (conventional title rule) --msg-filename MSG" mid \
        --cwd "$repo" --floor cm.libgit2 \
        "$(q "$peers/gitlint" "${gitlint_conventional[@]}" --msg-filename "$work/MSG")"
    row $g cm.commit-check peer "commit-check --message MSG" mid --cwd "$repo" --floor cm.libgit2 \
        "$(q "$peers/commit-check" --message "$work/MSG")"
    row $g cm.cpc peer "conventional-pre-commit MSG" mid --cwd "$repo" --floor cm.libgit2 \
        "$(q "$peers/conventional-pre-commit" "$work/MSG")"

    g=git-commit
    reset=$(q git -C "$repo" update-ref refs/heads/feature/export-csv "$base")
    commit() { q git -c core.hooksPath="$work/hooks/$1" -c gc.auto=0 commit -q --allow-empty -F "$work/MSG"; }
    row $g gc.none floor "git commit, no hook" fast --cwd "$repo" --prepare "$reset" "$(commit none)"
    row $g gc.shipshape shipshape "git commit + Shipshape's commit-msg hook" fast --cwd "$repo" \
        --prepare "$reset" "$(commit shipshape)"
    for peer in cz gitlint commit-check conventional-pre-commit; do
        row $g "gc.$peer" peer "git commit + $peer as commit-msg hook" mid --cwd "$repo" \
            --prepare "$reset" "$(commit "$peer")"
    done
fi

# --- lint: a range of commits, and (full run) the whole 100,000-commit history ----------------
if selected lint; then
    say "shipshape lint over a range"
    repository "$main_size"
    g=lint-range
    span="$R_RELEASE..$R_TIP"
    row $g range.git-log floor "git log over the same range" mid \
        "$(q git -C "$R_DIR" log --format=%H%n%B "$span")"
    row $g range.shipshape shipshape "shipshape lint --from <release> --to <tip>" mid \
        "$(q "$bin/shipshape" lint --repo "$R_DIR" --from "$R_RELEASE" --to "$R_TIP")"
    row $g range.cz peer "cz check --rev-range <release>..<tip>" mid --cwd "$R_DIR" \
        "$(q "$peers/cz" check --rev-range "$span")"
    sample=$(git -C "$R_DIR" rev-list --count "$R_TIP~200..$R_TIP")
    row $g range.gitlint peer "gitlint --commits over the last $sample commits only" slow \
        --cwd "$R_DIR" \
        "$(q "$peers/gitlint" "${gitlint_conventional[@]}" --commits "$R_TIP~200..$R_TIP")"
    na $g range.commit-check "commit-check: one commit per run (--rev), no range"
    na $g range.cpc "conventional-pre-commit: one message file per run, no range"
    if [ "$mode" = full ]; then
        say "shipshape lint over the whole 100,000-commit history"
        g=lint-history
        row $g walk.git-log floor "git log over all 100,000 commits" slow \
            "$(q git -C "$R_DIR" log --format=%H%n%B "$R_TIP")"
        row $g walk.shipshape shipshape "shipshape lint --from <root> --to <tip>" slow --exit 1 \
            "$(q "$bin/shipshape" lint --repo "$R_DIR" --from "$R_ROOT" --to "$R_TIP")"
        # commitizen exits 14 (its InvalidCommitMessageError) where the others exit 1
        row $g walk.cz peer "cz check --rev-range <root>..<tip>" slow --cwd "$R_DIR" --exit 14 \
            "$(q "$peers/cz" check --rev-range "$R_ROOT..$R_TIP")"
    fi
fi

# --- pre-push and pre-receive: 1 and 10,000 new commits -------------------------------------------
if selected pre-push; then
    say "pre-push"
    repository "$main_size"
    g=pre-push
    # git gives the hook one line per pushed ref; "elsewhere" has no remote-tracking refs, so only
    # the remote's old tip hides history; origin's refs/remotes/origin/main is the latest release.
    echo "refs/heads/main $R_TIP refs/heads/main $R_ONE_BEFORE" >"$work/push-one"
    echo "refs/heads/main $R_TIP refs/heads/main $R_RELEASE" >"$work/push-many"
    row $g push.libgit2 floor "C program: libgit2 init + open the repository" fast --cwd "$R_DIR" \
        "$(q "$work/libgit2-open")"
    row $g push.one shipshape "pre-push, 1 new commit" fast --cwd "$R_DIR" --shell \
        "$(q "$bin/pre-push" elsewhere "$work/remote.git") < $(q "$work/push-one")"
    row $g push.many shipshape "pre-push, $(thousands "$R_UNRELEASED") new commits" mid --cwd "$R_DIR" --shell \
        "$(q "$bin/pre-push" origin "$work/remote.git") < $(q "$work/push-many")"
    # pre-receive as git runs it inside the server's quarantine: the server is a bare clone whose
    # main is still at the old tip (the pushed commits are in its object store but on no ref, as
    # in a quarantine), GIT_OBJECT_DIRECTORY an empty quarantine directory, the real objects its
    # alternate; every ref of the server is what it already has.
    for case in one many; do
        server="$work/server-$case.git"
        old=$R_ONE_BEFORE
        [ "$case" = many ] && old=$R_RELEASE
        git clone -q --bare --local "$R_DIR" "$server"
        git -C "$server" update-ref refs/heads/main "$old"
        git -C "$server" commit-graph write --reachable
        mkdir -p "$work/quarantine-$case/pack"
        echo "$old $R_TIP refs/heads/main" >"$work/receive-$case"
    done
    receive() {
        printf 'env GIT_DIR=. GIT_QUARANTINE_PATH=%s GIT_OBJECT_DIRECTORY=%s GIT_ALTERNATE_OBJECT_DIRECTORIES=%s %s < %s' \
            "$(q "$work/quarantine-$1")" "$(q "$work/quarantine-$1")" "$(q "$work/server-$1.git/objects")" \
            "$(q "$bin/pre-receive")" "$(q "$work/receive-$1")"
    }
    row $g receive.one shipshape "pre-receive, 1 new commit" fast --cwd "$work/server-one.git" --shell "$(receive one)"
    row $g receive.many shipshape "pre-receive, $(thousands "$R_UNRELEASED") new commits" mid --cwd "$work/server-many.git" --shell \
        "$(receive many)"
    na $g push.peers "peers: none checks version files before a push; for linting the pushed commits see cz check --rev-range in lint-range"
fi

# --- changelog-sync: incremental (50 new commits) and --full, on both repositories -------------
if selected changelog; then
    sizes="10000 100000"
    [ "$mode" = quick ] && sizes=10000
    for n in $sizes; do
        say "changelog-sync, $n commits"
        repository "$n"
        g="changelog-$n"
        k=$((n / 1000))k
        # the state before the 50 new commits: each tool's changelog as it made it at R_SYNCED
        printf '[tool.commitizen]\nname = "cz_conventional_commits"\ntag_format = "v$version"\nversion_scheme = "semver"\nversion = "%s"\n' \
            "$(git -C "$R_DIR" show "$R_TIP:VERSION")" >"$R_DIR/.cz.toml"
        synced="$work/synced-$n"
        git -C "$R_DIR" worktree add -q --detach "$synced" "$R_SYNCED"
        cp "$R_DIR/.cz.toml" "$synced/"
        "$bin/changelog-sync" --repo "$synced" >/dev/null
        (cd "$synced" && "$peers/cz" changelog --file-name CZCHANGELOG.md >/dev/null)
        cp "$synced/CHANGELOG.md" "$work/changelog-$n.md"
        cp "$synced/CZCHANGELOG.md" "$work/cz-changelog-$n.md"
        git -C "$R_DIR" worktree remove --force "$synced"
        restore=$(q cp "$work/changelog-$n.md" "$R_DIR/CHANGELOG.md")
        row $g "cl$k.git-log-50" floor "git log over the 50 new commits" fast \
            "$(q git -C "$R_DIR" log --format=%H%n%B "$R_SYNCED..$R_TIP")"
        row $g "cl$k.git-log-tag" floor "git log since the release tag ($(thousands "$R_UNRELEASED") commits)" mid \
            "$(q git -C "$R_DIR" log --format=%H%n%B "$R_RELEASE..$R_TIP")"
        row $g "cl$k.sync" shipshape "changelog-sync (50 new commits)" fast --prepare "$restore" \
            "$(q "$bin/changelog-sync" --repo "$R_DIR")"
        row $g "cl$k.full" shipshape "changelog-sync --full (since the release tag)" mid \
            --prepare "$restore" --floor "cl$k.git-log-tag" \
            "$(q "$bin/changelog-sync" --full --repo "$R_DIR")"
        row $g "cl$k.cliff" peer "git-cliff --unreleased (regenerates since the tag)" slow \
            --floor "cl$k.git-log-tag" \
            "$(q "$peers/git-cliff" --repository "$R_DIR" --unreleased --output "$work/cliff-$n.md")"
        row $g "cl$k.cz" peer "cz changelog --incremental" slow --cwd "$R_DIR" \
            --floor "cl$k.git-log-tag" \
            --prepare "$(q cp "$work/cz-changelog-$n.md" "$R_DIR/CZCHANGELOG.md")" \
            "$(q "$peers/cz" changelog --incremental --file-name CZCHANGELOG.md)"
        na $g "cl$k.others" "gitlint, commit-check, conventional-pre-commit: no changelog"
    done
fi

# --- Report -----------------------------------------------------------------------------------
python3 - "$work/environment.json" "$mode" "$root" "$peers" <<'PY'
import json, os, platform, subprocess, sys, datetime
path, mode, root, peers = sys.argv[1:]
def run(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
freeze = run(os.path.join(peers, "pip"), "freeze", "--disable-pip-version-check") or ""
wanted = {"git-cliff", "commitizen", "gitlint", "commit-check", "conventional-pre-commit",
          "conventional_pre_commit"}
json.dump({
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    "mode": mode,
    "commit": run("git", "-C", root, "rev-parse", "--short", "HEAD"),
    "cores": os.cpu_count(),
    "kernel": platform.release(),
    "git": run("git", "--version"),
    "libgit2": run("pkg-config", "--modversion", "libgit2"),
    "hyperfine": run("hyperfine", "--version"),
    "python": platform.python_version(),
    "peers": [line for line in freeze.splitlines() if line.split("==")[0] in wanted],
}, open(path, "w"), indent=2)
PY
python3 "$bench/report.py" "$manifest" "$raw" "$work/environment.json" "$out"
cat "$out/results.md"
