#!/usr/bin/env bash
# Times the release commit-msg hook as a whole process beside its floors, and `shipshape lint`
# of a message outside any repository. Run by hand (never part of the test suite):
#
#   Benchmarks/commit-msg.sh            # writes Benchmarks/results/commit-msg.md and .json
#
# Needs hyperfine (apt-get install hyperfine) and a C compiler.
set -euo pipefail
. "$(dirname "$0")/setup.sh"

# Floors.
swiftc -O -static-stdlib "$root/Benchmarks/floors/trivial.swift" -o "$work/trivial-swift" >&2
cc -O2 "$root/Benchmarks/floors/libgit2-open.c" -o "$work/libgit2-open" $(pkg-config --cflags --libs libgit2)

# A typical repository: a few commits on a feature branch, and a typical message.
repo="$work/repo"
git init -q -b main "$repo"
git -C "$repo" -c user.name=B -c user.email=b@example.org commit -q --allow-empty -m "chore: start"
git -C "$repo" checkout -q -b feature/export-csv
cat >"$work/MSG" <<'MSG'
feat(export): add CSV export for audit events

Users asked for a way to take audit events to a spreadsheet. The export streams rows so
memory stays flat for large ranges.

Refs: #412
MSG
mkdir -p "$work/outside"
cp "$work/MSG" "$work/outside/MSG"

cd "$repo"
hyperfine -N --warmup 50 --runs 500 \
    --export-markdown "$out/commit-msg.md" --export-json "$out/commit-msg.json" \
    -n "/bin/true" "/bin/true" \
    -n "trivial Swift binary (static stdlib)" "$work/trivial-swift" \
    -n "libgit2 floor: init + open repository" "$work/libgit2-open" \
    -n "commit-msg hook (typical message)" "$bin/commit-msg $work/MSG"
cd "$work/outside"
hyperfine -N --warmup 50 --runs 500 \
    --export-markdown "$out/lint-pure.md" --export-json "$out/lint-pure.json" \
    -n "shipshape lint --message-file (no repository)" "$bin/shipshape lint --message-file MSG"
echo
cat "$out/commit-msg.md" "$out/lint-pure.md"
