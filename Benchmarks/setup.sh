# Shared set-up of the benchmark scripts (sourced, not run): checks hyperfine, builds the release
# binaries and sets `root`, `out` (results folder), `bin` (the binaries) and `work` (a temporary
# folder removed on exit), with git isolated from the user's configuration.
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/Benchmarks/results"
mkdir -p "$out"
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 2; }

flags=(-c release --static-swift-stdlib)
swift build --package-path "$root" "${flags[@]}" >&2
bin=$(swift build --package-path "$root" "${flags[@]}" --show-bin-path)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME="$work" LC_ALL=C
