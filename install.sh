#!/bin/sh
# Installs Shipshape: the C libraries it needs (if missing), a release build, the programs in
# PREFIX/bin, and the git hooks in a repository.
#
#   ./install.sh [--repo DIR] [--prefix DIR] [--no-hooks] [--uninstall]
#
# Exit status: 0 done, 2 usage or environment error.
set -eu

usage() {
    cat <<'USAGE'
usage: install.sh [--repo DIR] [--prefix DIR] [--no-hooks] [--uninstall] [--help]

  --repo DIR     repository to install the hooks into (default: the repository the current
                 directory is in; without one, only the programs are installed)
  --prefix DIR   install programs into DIR/bin (default: /usr/local as root, else ~/.local)
  --no-hooks     install the programs only
  --uninstall    remove the hooks from the repository (restoring any hook they had replaced)
                 and the programs from PREFIX/bin
  --help         show this help

Environment: PREFIX (same as --prefix), SWIFT (the swift driver, default: swift).
USAGE
}

die() {
    echo "install.sh: $*" >&2
    exit 2
}

source_dir=$(cd "$(dirname "$0")" && pwd)
programs="shipshape commit-msg pre-push pre-receive post-merge changelog-sync"
if [ "$(id -u)" -eq 0 ]; then default_prefix=/usr/local; else default_prefix="$HOME/.local"; fi
prefix=${PREFIX:-$default_prefix}
repo=
hooks=yes
uninstall=no

while [ $# -gt 0 ]; do
    case $1 in
        --repo) [ $# -ge 2 ] || die "--repo needs a directory"; repo=$2; shift 2 ;;
        --repo=*) repo=${1#--repo=}; shift ;;
        --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --no-hooks) hooks=no; shift ;;
        --uninstall) uninstall=yes; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done

bindir="$prefix/bin"

# The repository for the hooks: --repo, else the one we are in (if any).
if [ -n "$repo" ]; then
    [ -d "$repo" ] || die "--repo $repo: no such directory"
    git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 || die "--repo $repo is not a git repository"
elif git rev-parse --git-dir >/dev/null 2>&1; then
    repo=$(pwd)
fi

if [ "$uninstall" = yes ]; then
    if [ "$hooks" = yes ] && [ -n "$repo" ]; then
        if [ -x "$bindir/shipshape" ]; then
            "$bindir/shipshape" uninstall --repo "$repo"
        else
            echo "install.sh: $bindir/shipshape is not installed; cannot remove the hooks from $repo" >&2
        fi
    fi
    for p in $programs; do
        if [ -e "$bindir/$p" ]; then rm -f "$bindir/$p" && echo "removed $bindir/$p"; fi
    done
    exit 0
fi

. "$source_dir/scripts/deps.sh"
shipshape_install_deps || exit 2

swift=${SWIFT:-swift}
command -v "$swift" >/dev/null 2>&1 || die "the Swift toolchain (swift) is not on PATH; install Swift 6 from https://swift.org/install"

build_flags="-c release"
case $(uname -s) in
    Linux) build_flags="$build_flags --static-swift-stdlib" ;;
esac
echo "building Shipshape ($build_flags); the first build takes a few minutes" >&2
# shellcheck disable=SC2086
"$swift" build --package-path "$source_dir" $build_flags >&2 || die "the build failed (see above)"
# shellcheck disable=SC2086
products=$("$swift" build --package-path "$source_dir" $build_flags --show-bin-path)

mkdir -p "$bindir" || die "cannot create $bindir"
for p in $programs; do
    [ -x "$products/$p" ] || die "the build did not produce $products/$p"
    # Copy beside the target, then rename: a hook running right now keeps its old binary.
    tmp="$bindir/.$p.install.$$"
    cp "$products/$p" "$tmp" && chmod 755 "$tmp" && mv -f "$tmp" "$bindir/$p" || {
        rm -f "$tmp"
        die "cannot install $bindir/$p (permissions? try sudo, or --prefix DIR)"
    }
    echo "installed $bindir/$p"
done

case ":$PATH:" in
    *":$bindir:"*) ;;
    *) echo "note: $bindir is not on your PATH; add it to run shipshape by name" >&2 ;;
esac

if [ "$hooks" = yes ]; then
    if [ -n "$repo" ]; then
        "$bindir/shipshape" install --repo "$repo"
    else
        echo "no repository here: run 'shipshape install' inside each repository (or install.sh --repo DIR)"
    fi
fi
