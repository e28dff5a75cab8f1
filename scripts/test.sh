#!/bin/sh
# Runs Shipshape's whole test suite: unit tests, end-to-end tests that drive real git with the
# hooks installed, and the shared commit-message conformance cases (when ../shared exists).
# Installs the C libraries first if they are missing. Extra arguments go to `swift test`.
set -eu
cd "$(dirname "$0")/.."
. scripts/deps.sh
shipshape_install_deps
exec swift test "$@"
