#!/bin/sh
# Runs Shipshape's whole test suite: unit tests, end-to-end tests that drive real git with the
# hooks installed, and the shared commit-message conformance cases (when ../shared exists).
# Installs the C libraries first if they are missing. Extra arguments go to `swift test`.
#
# With SHIPSHAPE_PACKAGING=1 (CI sets it) it first builds the release artefacts
# (scripts/package.sh --wheel into .build/packaging/dist) and a virtual environment with
# pre-commit, prek and lefthook from PyPI (.build/packaging/venv), and the packaging tests run
# them: the tarball with the system's libgit2 and PCRE2 hidden, install.sh --from, the wheel in
# a fresh virtual environment, and the three hook managers. That needs root (mount namespaces),
# python3 with venv, the static archives of libgit2's dependencies, and a few more minutes.
set -eu
cd "$(dirname "$0")/.."
. scripts/deps.sh
shipshape_install_deps
# The release tests sign commits and tags with an SSH key, as a team that requires signatures does.
shipshape_install_tools ssh-keygen=openssh-client
if [ "${SHIPSHAPE_PACKAGING:-0}" = 1 ]; then
    work=.build/packaging
    mkdir -p "$work"
    scripts/package.sh --wheel --out "$work/dist" >&2
    if ! "$work/venv/bin/python" -c 'import pre_commit' 2>/dev/null \
        || ! [ -x "$work/venv/bin/prek" ] || ! [ -x "$work/venv/bin/lefthook" ]; then
        python3 -m venv "$work/venv"
        "$work/venv/bin/python" -m pip install -q --disable-pip-version-check \
            'pre-commit==4.7.*' 'prek==0.5.*' 'lefthook==2.2.*'
    fi
    SHIPSHAPE_DIST=$work/dist SHIPSHAPE_TOOLS_VENV=$work/venv
    export SHIPSHAPE_DIST SHIPSHAPE_TOOLS_VENV
fi
exec swift test "$@"
