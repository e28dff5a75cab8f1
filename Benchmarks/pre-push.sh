#!/usr/bin/env bash
# The pre-push cases of the benchmark suite (run.sh): 1 and 10,000 new commits.
#   Benchmarks/pre-push.sh [--quick]
set -euo pipefail
exec "$(dirname "$0")/run.sh" --only pre-push "$@"
