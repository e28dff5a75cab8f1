#!/usr/bin/env bash
# The commit-msg cases of the benchmark suite (run.sh): the hook as a process and inside
# `git commit`, `shipshape lint` outside any repository, beside their floors and peers.
#   Benchmarks/commit-msg.sh [--quick]
set -euo pipefail
exec "$(dirname "$0")/run.sh" --only commit-msg "$@"
