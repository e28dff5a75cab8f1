# Shared set-up of the benchmark suite (sourced by run.sh, not run): checks the prerequisites,
# builds the release binaries and sets `root`, `out` (results folder), `bin` (the binaries) and
# `work` (a temporary folder removed on exit), with git isolated from the user's configuration.
# Set SHIPSHAPE_BENCH_NO_BUILD=1 to time the binaries already built.

# need COMMAND HINT: stop with exit status 2 when COMMAND is missing.
need() {
    command -v "$1" >/dev/null 2>&1 || { echo "benchmarks: $1 is missing: $2" >&2; exit 2; }
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$root/Benchmarks/results"
mkdir -p "$out"
need hyperfine "apt-get install -y hyperfine"
need python3 "apt-get install -y python3 python3-venv"
need git "apt-get install -y git"
need swift "install Swift 6 (https://swift.org/install)"
need cc "apt-get install -y gcc"
need pkg-config "apt-get install -y pkg-config"
[ -x /usr/bin/time ] || { echo "benchmarks: /usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }
pkg-config --exists libgit2 || { echo "benchmarks: libgit2's headers are missing: apt-get install -y libgit2-dev" >&2; exit 2; }

flags=(-c release --static-swift-stdlib)
if [ "${SHIPSHAPE_BENCH_NO_BUILD:-0}" != 1 ]; then
    swift build --package-path "$root" "${flags[@]}" >&2
fi
bin=$(swift build --package-path "$root" "${flags[@]}" --show-bin-path)
for program in shipshape commit-msg pre-push pre-receive changelog-sync; do
    [ -x "$bin/$program" ] || { echo "benchmarks: no $bin/$program; build with: swift build ${flags[*]}" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME="$work" LC_ALL=C
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
