#!/bin/sh
# Installs Shipshape: the programs in PREFIX/bin and the git hooks in a repository, either from a
# release (--from: no Swift, no libgit2 or PCRE2 packages needed) or from source (the C libraries
# it needs, if missing, and a release build).
#
#   ./install.sh --from shipshape-VERSION-linux-ARCH.tar.gz [--repo DIR] [--prefix DIR] [--no-hooks]
#   ./install.sh [--repo DIR] [--prefix DIR] [--no-hooks] [--uninstall]
#
# Exit status: 0 done, 2 usage or environment error.
set -eu

usage() {
    cat <<'USAGE'
usage: install.sh [--from RELEASE] [--repo DIR] [--prefix DIR] [--no-hooks] [--if-missing POLICY]
                  [--uninstall] [--help]

  --from RELEASE a release tarball (shipshape-VERSION-linux-ARCH.tar.gz), its URL (https://,
                 file://; downloaded with curl or wget) or its unpacked directory: install that,
                 with no Swift toolchain and no libgit2 or PCRE2 packages (the release programs
                 have them linked in); the default when install.sh runs from an unpacked release
  --repo DIR     repository to install the hooks into (default: the repository the current
                 directory is in; without one, only the programs are installed)
  --prefix DIR   install programs into DIR/bin (default: /usr/local as root, else ~/.local)
  --no-hooks     install the programs only
  --if-missing P what the hooks do if the programs are later missing: refuse (default) or allow
  --uninstall    remove the hooks from the repository (restoring any hook they had replaced)
                 and the programs from PREFIX/bin (and the shims a release put in
                 PREFIX/share/shipshape)
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
release=
if_missing=refuse
# Run from an unpacked release (bin/shipshape beside this script, no sources): install it.
if [ -x "$source_dir/bin/shipshape" ] && [ ! -f "$source_dir/Package.swift" ]; then release=$source_dir; fi
if [ "$(id -u)" -eq 0 ]; then default_prefix=/usr/local; else default_prefix="$HOME/.local"; fi
prefix=${PREFIX:-$default_prefix}
repo=
hooks=yes
uninstall=no

# Copies a file beside its target, then renames it: a hook running right now keeps its old file.
put() {
    mkdir -p "$(dirname "$2")" || die "cannot create $(dirname "$2")"
    tmp="$(dirname "$2")/.${2##*/}.install.$$"
    cp "$1" "$tmp" && chmod "$3" "$tmp" && mv -f "$tmp" "$2" || {
        rm -f "$tmp"
        die "cannot install $2 (permissions? try sudo, or --prefix DIR)"
    }
}

# Removes what a release install put beside the programs (the shims, the licenses).
remove_release_files() {
    if [ -d "$sharedir" ]; then
        rm -f "$sharedir/hooks/commit-msg" "$sharedir/hooks/pre-push" "$sharedir/hooks/post-merge" \
            "$sharedir/VERSION" "$sharedir/replaced-libraries"
        rmdir "$sharedir/hooks" "$sharedir" 2>/dev/null || true
    fi
    rm -rf "$prefix/share/doc/shipshape"
}

# Installs an unpacked release tree, or a tarball or URL of one, into PREFIX: no toolchain needed.
install_release() {
    from=$1
    unpacked=
    case $from in
        http://*|https://*|file://*)
            work=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-install.XXXXXX") || die "cannot create a temporary directory"
            trap 'rm -rf "$work"' EXIT INT TERM
            if command -v curl >/dev/null 2>&1; then
                curl -fsSL -o "$work/release.tar.gz" "$from" || die "cannot download $from"
            elif command -v wget >/dev/null 2>&1; then
                wget -q -O "$work/release.tar.gz" "$from" || die "cannot download $from"
            else
                die "neither curl nor wget is installed: download $from yourself and pass the file to --from"
            fi
            from=$work/release.tar.gz ;;
    esac
    if [ -d "$from" ]; then
        unpacked=$from
    else
        [ -f "$from" ] || die "--from $from: no such file"
        [ -n "${work:-}" ] || {
            work=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-install.XXXXXX") || die "cannot create a temporary directory"
            trap 'rm -rf "$work"' EXIT INT TERM
        }
        mkdir "$work/tree"
        gzip -dc "$from" | tar -xf - -C "$work/tree" || die "$from is not a Shipshape release tarball (.tar.gz)"
        for dir in "$work/tree"/*; do unpacked=$dir; done
    fi
    [ -x "$unpacked/bin/shipshape" ] || die "$1 is not a Shipshape release: it has no bin/shipshape"
    version=$("$unpacked/bin/shipshape" --version 2>/dev/null) ||
        die "the programs in $1 do not run on this machine ($(uname -s) $(uname -m)); download the release for this system, or build from source (install.sh without --from)"
    for p in $programs; do
        [ -x "$unpacked/bin/$p" ] || die "$1 has no bin/$p"
        put "$unpacked/bin/$p" "$bindir/$p" 755
        echo "installed $bindir/$p"
    done
    for f in VERSION replaced-libraries hooks/commit-msg hooks/pre-push hooks/post-merge; do
        [ -f "$unpacked/share/shipshape/$f" ] && put "$unpacked/share/shipshape/$f" "$sharedir/$f" 644
    done
    chmod 755 "$sharedir/hooks/"* 2>/dev/null || true
    if [ -d "$unpacked/share/doc/shipshape" ]; then
        mkdir -p "$prefix/share/doc/shipshape" && cp -R "$unpacked/share/doc/shipshape/." "$prefix/share/doc/shipshape/"
    fi
    echo "installed Shipshape $version (libgit2 and PCRE2 linked in)"
}

# Installs the C libraries if missing, builds from source and installs the programs.
build_and_install() {
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
        put "$products/$p" "$bindir/$p" 755
        echo "installed $bindir/$p"
    done
}

while [ $# -gt 0 ]; do
    case $1 in
        --repo) [ $# -ge 2 ] || die "--repo needs a directory"; repo=$2; shift 2 ;;
        --repo=*) repo=${1#--repo=}; shift ;;
        --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --from) [ $# -ge 2 ] || die "--from needs a release tarball, URL or directory"; release=$2; shift 2 ;;
        --from=*) release=${1#--from=}; shift ;;
        --if-missing) [ $# -ge 2 ] || die "--if-missing needs refuse or allow"; if_missing=$2; shift 2 ;;
        --if-missing=*) if_missing=${1#--if-missing=}; shift ;;
        --no-hooks) hooks=no; shift ;;
        --uninstall) uninstall=yes; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done

case $if_missing in refuse|allow) ;; *) die "--if-missing $if_missing: use refuse or allow" ;; esac
bindir="$prefix/bin"
sharedir="$prefix/share/shipshape"

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
    remove_release_files
    exit 0
fi

if [ -n "$release" ]; then
    install_release "$release"
else
    build_and_install
fi

case ":$PATH:" in
    *":$bindir:"*) ;;
    *) echo "note: $bindir is not on your PATH; add it to run shipshape by name" >&2 ;;
esac

if [ "$hooks" = yes ]; then
    if [ -n "$repo" ]; then
        "$bindir/shipshape" install --repo "$repo" --if-missing "$if_missing"
    else
        echo "no repository here: run 'shipshape install' inside each repository (or install.sh --repo DIR)"
    fi
fi
