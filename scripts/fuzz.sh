#!/usr/bin/env bash
# Builds Shipshape's libFuzzer targets with AddressSanitizer and runs them.
#
#   scripts/fuzz.sh [--runs N | --time SECONDS] [--merge] [TARGET...]
#
# TARGET is one of: message semantic-version changelog configuration pre-push-input
# received-update-input (default:
# all, one after another). Each run starts from the committed seeds in Fuzz/Corpus/<target>
# and keeps what it learns in Fuzz/.work/<target> (not committed); a failing input is written
# to Fuzz/.work/artifacts/. Add it to Fuzz/Corpus/<target>/ so that `swift test` replays it.
# --merge copies the inputs that reach new code into Fuzz/Corpus/<target> (commit them).
#
# Exit status: 0 when every target ran clean, 1 when one found a failure or timed out,
# 2 for a usage or build error.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
all=(message semantic-version changelog configuration pre-push-input received-update-input)
limit=(-runs=1000000)
merge=0
targets=()
usage() { echo "usage: scripts/fuzz.sh [--runs N | --time SECONDS] [--merge] [TARGET...]; targets: ${all[*]}" >&2; exit 2; }
while (($#)); do
    case "$1" in
        --runs) [[ ${2:-} =~ ^[0-9]+$ ]] || usage; limit=(-runs="$2"); shift 2 ;;
        --time) [[ ${2:-} =~ ^[0-9]+$ ]] || usage; limit=(-max_total_time="$2"); shift 2 ;;
        --merge) merge=1; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) usage ;;
        *) [[ " ${all[*]} " == *" $1 "* ]] || { echo "fuzz.sh: unknown target '$1'" >&2; usage; }; targets+=("$1"); shift ;;
    esac
done
((${#targets[@]})) || targets=("${all[@]}")

# The release linker drops unreferenced sections, which would take the coverage counters with them.
# A cached build plan would miss source files added to or removed from Shipshape (a path
# dependency of the fuzz package), so the plan is made afresh each time.
build=(swift build --package-path "$root/Fuzz" -c release --sanitize=fuzzer --sanitize=address -Xlinker --no-gc-sections
    --disable-build-manifest-caching)
# (The sanitizer runtime makes the linker warn about every symbol it cannot export; hide those.)
"${build[@]}" 2>&1 | { grep -v "Cannot export local symbol" || true; } >&2 || {
    echo "fuzz.sh: the fuzz targets did not build" >&2
    exit 2
}
bin=$("${build[@]}" --show-bin-path) || exit 2

work="$root/Fuzz/.work"
mkdir -p "$work/artifacts"
# libFuzzer and AddressSanitizer report crashes; Swift's own backtracer would only slow them down.
export SWIFT_BACKTRACE=enable=no
# Leaks inside dependencies that Shipshape cannot fix are listed, with their reason, in this file.
export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
summary=()
for target in "${targets[@]}"; do
    program="$bin/Fuzz$(sed -E 's/(^|-)([a-z])/\U\2/g' <<<"$target")"
    [[ -x $program ]] || { echo "fuzz.sh: $program was not built" >&2; exit 2; }
    mkdir -p "$work/$target"
    log="$work/$target.log"
    echo "== $target ($program)" >&2
    set +e
    "$program" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
        -artifact_prefix="$work/artifacts/$target-" "$work/$target" "$root/Fuzz/Corpus/$target" >"$log" 2>&1
    code=$?
    set -e
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if ((code == 0)); then
        result="clean"
    else
        result="FAILED (exit $code; see $log and $work/artifacts/)"
        status=1
        grep -E "Fatal error|ERROR: (libFuzzer|AddressSanitizer)|Test unit written" "$log" >&2 || tail -20 "$log" >&2
    fi
    if ((merge)); then
        "$program" -merge=1 -max_len=16384 "$root/Fuzz/Corpus/$target" "$work/$target" >>"$log" 2>&1 || status=1
    fi
    summary+=("$(printf '%-18s %12s executions  %s' "$target" "${executions:-?}" "$result")")
done
printf '%s\n' "${summary[@]}"
exit "$status"
