#!/usr/bin/env bash
# The changelog cases of the benchmark suite (run.sh): changelog-sync incremental and --full on
# the 10,000- and 100,000-commit repositories, beside git log, git-cliff and commitizen.
#   Benchmarks/changelog.sh [--quick]
set -euo pipefail
exec "$(dirname "$0")/run.sh" --only changelog "$@"
