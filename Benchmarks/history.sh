#!/usr/bin/env bash
# The release-history cases of issue 14, by hand (never part of the test suite):
#
#   Benchmarks/history.sh [--sizes 20000:100,100000:500] [--bin NAME=DIR]... [--runs N]
#
#   --sizes  commits:tags pairs to generate (default 20000:100,100000:500)
#   --bin    a name and a directory holding release builds of pre-push, changelog-sync and
#            shipshape; give it several times to compare builds side by side, e.g.
#            --bin before=/old/.build/release --bin after=.build/release (default: this
#            checkout's release build, made with setup.sh, named "now")
#   --runs   hyperfine runs per case (default 10; a case over 20 s is timed once, not by hyperfine)
#
# Two shapes (Benchmarks/gen-history.py), each with and without a commit-graph:
#   skew         16 commits dated a year early, merged across: pre-push of the 1,002 new
#                commits, changelog-sync --dry-run from the release tag and from a marker one
#                commit back. Right answers: 1002 new commits checked; only commits after the
#                last release listed; 1 entry from the marker.
#   maintenance  support/1.x, forked at v1.1.0, lacks every newer tag: changelog-sync --dry-run,
#                shipshape check of the 1.1.1 bump, pre-push of that one commit.
# Each row gives the median and what the run said (commits checked, entries added, exit
# status), so a fast wrong answer cannot pass for a fast right one. Writes
# Benchmarks/results/history.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/Benchmarks"
sizes=20000:100,100000:500
runs=10
bins=()
while [ $# -gt 0 ]; do
    case $1 in
        --sizes) sizes=${2:?--sizes needs a value}; shift ;;
        --bin)
            pair=${2:?--bin needs NAME=DIR}
            [ -d "${pair#*=}" ] || { echo "history.sh: no directory ${pair#*=}" >&2; exit 2; }
            bins+=("${pair%%=*}=$(cd "${pair#*=}" && pwd)")
            shift ;;
        --runs) runs=${2:?--runs needs a number}; shift ;;
        -h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "history.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
    shift
done
command -v hyperfine >/dev/null || { echo "history.sh: hyperfine is missing: apt-get install -y hyperfine" >&2; exit 2; }
command -v jq >/dev/null || { echo "history.sh: jq is missing: apt-get install -y jq" >&2; exit 2; }
if [ ${#bins[@]} -eq 0 ]; then
    . "$bench/setup.sh"
    bins=("now=$bin")
fi

key=$(sha256sum "$bench/gen-history.py" | cut -c1-12)
cache="$bench/.cache/history-$key"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$bench/results/history.md"
mkdir -p "$cache" "$bench/results"
find "$bench/.cache" -mindepth 1 -maxdepth 1 -name 'history-*' ! -name "history-$key" -exec rm -rf {} +

# repository SHAPE N TAGS GRAPH: a fresh copy of the cached repository in $work, its path in $repo.
repository() {
    local shape=$1 n=$2 tags=$3 graph=$4 cached="$cache/$1-$2-$3"
    if [ ! -d "$cached" ]; then
        echo "generating $shape with $n commits and $tags tags" >&2
        git init -q -b main "$cached.tmp"
        python3 "$bench/gen-history.py" "$shape" "$n" "$tags" | git -C "$cached.tmp" fast-import --quiet
        git -C "$cached.tmp" remote add origin /nonexistent
        git -C "$cached.tmp" checkout -q -f "$([ "$shape" = skew ] && echo main || echo support/1.x)"
        mv "$cached.tmp" "$cached"
    fi
    repo="$work/$shape-$n-$graph"
    rm -rf "$repo"
    cp -a "$cached" "$repo"
    if [ "$graph" = graph ]; then git -C "$repo" commit-graph write --reachable; else rm -f "$repo/.git/objects/info/commit-graph"; fi
}

# measure LABEL COMMAND...: one table row per build: the median and what the command said.
measure() {
    local label=$1
    shift
    for entry in "${bins[@]}"; do
        local name=${entry%%=*} dir=${entry#*=}
        local cmd=("${@//@BIN@/$dir}") said status start end seconds
        start=$(date +%s.%N)
        set +e
        said=$(cd "$repo" && timeout 300 bash -c "${cmd[*]}" 2>&1)
        status=$?
        set -e
        end=$(date +%s.%N)
        seconds=$(echo "$end - $start" | bc)
        if [ "$status" = 124 ]; then
            printf '| %s | %s | > 300 s | timed out |\n' "$label" "$name" >>"$out"
            continue
        fi
        local median
        if [ "$(echo "$seconds > 20" | bc)" = 1 ]; then
            # A case this slow is measured by the run above alone.
            median=$(echo "$seconds * 1000 / 1" | bc)
        else
            printf '%s\n' "${cmd[*]}" >"$work/case.sh"
            (cd "$repo" && hyperfine -N -i -w 1 -r "$runs" --export-json "$work/h.json" "bash $work/case.sh" >/dev/null 2>&1)
            median=$(jq -r '.results[0].median * 1000 | floor' "$work/h.json")
        fi
        printf '| %s | %s | %s ms | exit %s: %s |\n' "$label" "$name" "$median" "$status" \
            "$(echo "$said" | tail -1 | cut -c1-120 | tr '|' '/')" >>"$out"
    done
}

{
    echo "# Release-history costs (issue 14, items 6 and 14)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); builds: ${bins[*]}"
    echo
    echo "| case | build | median | what it said |"
    echo "|---|---|---:|---|"
} >"$out"

for pair in ${sizes//,/ }; do
    n=${pair%%:*} tags=${pair##*:}
    for graph in nograph graph; do
        repository skew "$n" "$tags" "$graph"
        pushed="refs/heads/main $(git -C "$repo" rev-parse main) refs/heads/main $(git -C "$repo" rev-parse origin/main)"
        measure "skew $n, $graph: pre-push of 1,002 new commits" "echo '$pushed' | @BIN@/pre-push origin /nonexistent"
        measure "skew $n, $graph: changelog-sync --dry-run from the tag" \
            "@BIN@/changelog-sync --dry-run --format json | jq -c '{incremental, added: (.added | length)}'"
        # A marker one commit back, written by the last build: the incremental case.
        git -C "$repo" checkout -q -b synced main~1
        (cd "$repo" && "${bins[-1]#*=}/changelog-sync" >/dev/null)
        git -C "$repo" checkout -q main
        measure "skew $n, $graph: changelog-sync --dry-run from a marker 1 commit back" \
            "@BIN@/changelog-sync --dry-run --format json | jq -c '{incremental, added: (.added | length)}'"

        repository maintenance "$n" "$tags" "$graph"
        pushed="refs/heads/support/1.x $(git -C "$repo" rev-parse HEAD) refs/heads/support/1.x $(git -C "$repo" rev-parse origin/support/1.x)"
        measure "maintenance $n/$tags tags, $graph: changelog-sync --dry-run" \
            "@BIN@/changelog-sync --dry-run --format json | jq -c '{releaseTag, added: (.added | length)}'"
        measure "maintenance $n/$tags tags, $graph: shipshape check of the 1.1.1 bump" "@BIN@/shipshape check"
        measure "maintenance $n/$tags tags, $graph: pre-push of the bump" "echo '$pushed' | @BIN@/pre-push origin /nonexistent"
    done
done
cat "$out"
