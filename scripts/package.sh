#!/bin/sh
# Builds Shipshape's self-contained release artefacts into dist/:
#
#   scripts/package.sh           dist/shipshape-VERSION-linux-ARCH.tar.gz
#   scripts/package.sh --wheel   the tarball and dist/shipshape_hooks-VERSION-py3-none-PLATFORM.whl
#
# The programs are a release build with the Swift standard library linked in statically. libgit2
# (which Shipshape loads on first use, see Sources/CGit2Loader) and PCRE2 are bundled with every
# library they need except the C runtime, in lib/shipshape beside bin/, and the programs find them
# through an $ORIGIN run path: the target machine needs glibc, libgcc_s and libstdc++ only.
# (DESIGN.md, "Facts measured on this machine", says why bundling beat static linking.)
#
# Options: --wheel (also build the wheel), --out DIR (default: dist), --build-path DIR (SwiftPM's
# scratch path, default: .build-package). Needs swift, patchelf, ldd, tar, gzip and python3 (for
# the wheel). Exit status: 0 built, 2 usage or environment error.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)

die() {
    echo "package.sh: $*" >&2
    exit 2
}

wheel=no
out=dist
build_path=.build-package
while [ $# -gt 0 ]; do
    case $1 in
        --wheel) wheel=yes; shift ;;
        --out) [ $# -ge 2 ] || die "--out needs a directory"; out=$2; shift 2 ;;
        --build-path) [ $# -ge 2 ] || die "--build-path needs a directory"; build_path=$2; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option: $1 (see --help)" ;;
    esac
done

[ "$(uname -s)" = Linux ] || die "only Linux artefacts can be built so far (this is $(uname -s)); use install.sh to build from source"
for tool in swift patchelf ldd tar gzip strip; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not on PATH (Debian: apt-get install patchelf binutils; Swift 6 from https://swift.org/install)"
done

. scripts/deps.sh
shipshape_install_deps || exit 2

version=$(sed -n 's/^package let shipshapeVersion = "\(.*\)"$/\1/p' Sources/ShipshapeHooks/Version.swift)
[ -n "$version" ] || die "cannot read the version from Sources/ShipshapeHooks/Version.swift"
arch=$(uname -m)
name="shipshape-$version-linux-$arch"
programs="shipshape commit-msg pre-push post-merge changelog-sync"

echo "package.sh: building $name (release, static Swift standard library)" >&2
# shellcheck disable=SC2016 # $ORIGIN is for the dynamic loader, not the shell
swift build -c release --static-swift-stdlib --scratch-path "$build_path" \
    -Xlinker -rpath -Xlinker '$ORIGIN/../lib/shipshape' >&2 || die "the release build failed (see above)"
products=$(swift build -c release --static-swift-stdlib --scratch-path "$build_path" --show-bin-path)

stage=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-package.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM
tree="$stage/$name"
mkdir -p "$tree/bin" "$tree/lib/shipshape" "$tree/share/shipshape/hooks" "$tree/share/doc/shipshape/licenses"

for p in $programs; do
    [ -x "$products/$p" ] || die "the build did not produce $products/$p"
    cp "$products/$p" "$tree/bin/$p"
    strip "$tree/bin/$p"
done
cp hooks/commit-msg hooks/pre-push hooks/post-merge "$tree/share/shipshape/hooks/"
cp install.sh "$tree/install.sh"
cp README.md "$tree/share/doc/shipshape/README.md"
echo "$version" >"$tree/share/shipshape/VERSION"

# The libraries to bundle: what the programs link (PCRE2) and what libgit2 needs, less the C
# runtime every Linux machine has.
libgit2=$(pkg-config --variable=libdir libgit2)/libgit2.so.$(pkg-config --modversion libgit2 | cut -d. -f1,2)
[ -f "$libgit2" ] || die "cannot find $libgit2 (the libgit2 the headers belong to)"
is_c_runtime() {
    case $1 in
        linux-vdso.so.*|ld-linux*|libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|libresolv.so.*|libutil.so.*|libgcc_s.so.*|libstdc++.so.*) return 0 ;;
    esac
    return 1
}
: >"$stage/libraries"
{ ldd "$libgit2"; for p in $programs; do ldd "$tree/bin/$p"; done; } | awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 }' | sort -u >"$stage/ldd"
echo "$(basename "$libgit2") $libgit2" >>"$stage/ldd"
while read -r soname path; do
    is_c_runtime "$soname" && continue
    [ -e "$tree/lib/shipshape/$soname" ] && continue
    cp -L "$path" "$tree/lib/shipshape/$soname"
    chmod 644 "$tree/lib/shipshape/$soname"
    # shellcheck disable=SC2016
    patchelf --set-rpath '$ORIGIN' "$tree/lib/shipshape/$soname"
    echo "$soname" >>"$stage/libraries"
    # The license of the Debian package the library comes from.
    package=$(dpkg-query -S "$(readlink -f "$path")" 2>/dev/null | head -n1 | cut -d: -f1) || package=
    if [ -n "$package" ] && [ -f "/usr/share/doc/$package/copyright" ]; then
        cp "/usr/share/doc/$package/copyright" "$tree/share/doc/shipshape/licenses/$package.copyright"
    fi
done <"$stage/ldd"
sort -o "$tree/share/shipshape/bundled-libraries" "$stage/libraries"
grep -q '^libgit2\.so\.' "$tree/share/shipshape/bundled-libraries" || die "libgit2 was not bundled"
grep -q '^libpcre2-8\.so\.' "$tree/share/shipshape/bundled-libraries" || die "PCRE2 was not bundled"

mkdir -p "$out"
tarball="$out/$name.tar.gz"
# Reproducible: fixed order, owner and times (the commit's date), no gzip timestamp.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - "$name" | gzip -9n >"$tarball.tmp"
mv -f "$tarball.tmp" "$tarball"
echo "$tarball"

if [ "$wheel" = yes ]; then
    command -v python3 >/dev/null 2>&1 || die "python3 is needed to build the wheel"
    python3 scripts/wheel.py --tree "$tree" --version "$version" --out "$out" --epoch "$epoch" || die "the wheel could not be built"
fi
