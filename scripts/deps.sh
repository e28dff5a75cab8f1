#!/bin/sh
# Installs the C libraries Shipshape builds against (libgit2, PCRE2) and pkg-config, when missing.
# Debian/Ubuntu: apt-get (as root, or through sudo). macOS: Homebrew. Exit 2 when it cannot.
# Sourced by install.sh and scripts/test.sh; safe to run on its own.
set -eu

shipshape_have_deps() {
    command -v pkg-config >/dev/null 2>&1 \
        && pkg-config --exists libgit2 2>/dev/null \
        && pkg-config --exists libpcre2-8 2>/dev/null
}

shipshape_install_deps() {
    if shipshape_have_deps; then
        return 0
    fi
    if command -v apt-get >/dev/null 2>&1; then
        if [ "$(id -u)" -eq 0 ]; then
            sudo=
        elif command -v sudo >/dev/null 2>&1; then
            sudo=sudo
        else
            echo "shipshape: libgit2-dev, libpcre2-dev and pkg-config are missing and this is not root (no sudo either); install them as root: apt-get install -y libgit2-dev libpcre2-dev pkg-config" >&2
            return 2
        fi
        echo "shipshape: installing libgit2-dev, libpcre2-dev and pkg-config with apt-get" >&2
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 2
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgit2-dev libpcre2-dev pkg-config >&2 || return 2
    elif command -v brew >/dev/null 2>&1; then
        echo "shipshape: installing libgit2, pcre2 and pkg-config with Homebrew" >&2
        brew install libgit2 pcre2 pkg-config >&2 || return 2
    else
        echo "shipshape: libgit2 and PCRE2 development files are missing and neither apt-get nor Homebrew is available; install libgit2 (>= 1.1), PCRE2 (10.x) and pkg-config with your package manager" >&2
        return 2
    fi
    if ! shipshape_have_deps; then
        echo "shipshape: pkg-config still cannot find libgit2 and libpcre2-8 after installing them; check PKG_CONFIG_PATH" >&2
        return 2
    fi
}

# shipshape_install_tools PROGRAM=PACKAGE ...: installs, with apt-get, the package of each
# program that is not on PATH (the test suite's ssh-keygen, for signed releases). Exit 2 when a
# program is missing and cannot be installed.
shipshape_install_tools() {
    packages=
    for pair in "$@"; do
        command -v "${pair%%=*}" >/dev/null 2>&1 || packages="$packages ${pair#*=}"
    done
    [ -n "$packages" ] || return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "shipshape: the tests need$packages; install them with your package manager" >&2
        return 2
    fi
    sudo=
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "shipshape: the tests need$packages; install them as root: apt-get install -y$packages" >&2; return 2; }
        sudo=sudo
    fi
    echo "shipshape: installing$packages with apt-get" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 2
    # shellcheck disable=SC2086 # one word per package
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >&2 || return 2
}

# Run directly: install and report.
case "${0##*/}" in
    deps.sh) shipshape_install_deps ;;
esac
