#!/bin/sh
# Builds Shipshape's self-contained release artefacts into dist/:
#
#   scripts/package.sh           dist/shipshape-VERSION-linux-ARCH.tar.gz
#   scripts/package.sh --wheel   the tarball and dist/shipshape_hooks-VERSION-py3-none-PLATFORM.whl
#
# The programs are a release build with the Swift standard library, libgit2, PCRE2 and the
# libraries libgit2 needs (mbedTLS, libssh2, OpenSSL's libcrypto, http-parser, zlib) linked in
# statically: the target machine needs glibc, libgcc_s and libstdc++ only. Debian ships no static
# Kerberos libraries, so libgit2's GSSAPI calls (HTTP Negotiate authentication, which Shipshape
# never uses) go to Sources/CGit2Loader/gssapi-stub.c, which fails them. Static linking starts a
# hook about 4 ms sooner than loading the shared libraries (README.md, "Performance").
#
# Options: --wheel (also build the wheel), --out DIR (default: dist), --build-path DIR (SwiftPM's
# scratch path, default: .build-package). Needs swift, pkg-config, the static archives of
# libgit2-dev, libpcre2-dev, libssl-dev (libcrypto.a) and zlib1g-dev, tar, gzip, strip and
# python3 (for the wheel). Exit status: 0 built, 2 usage or environment error.
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
for tool in swift pkg-config readelf tar gzip strip; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not on PATH (Debian: apt-get install pkg-config binutils; Swift 6 from https://swift.org/install)"
done

. scripts/deps.sh
shipshape_install_deps || exit 2

version=$(sed -n 's/^package let shipshapeVersion = "\(.*\)"$/\1/p' Sources/ShipshapeHooks/Version.swift)
[ -n "$version" ] || die "cannot read the version from Sources/ShipshapeHooks/Version.swift"
arch=$(uname -m)
name="shipshape-$version-linux-$arch"
programs="shipshape commit-msg pre-push pre-receive post-merge changelog-sync"

# The static archives: what libgit2's pkg-config file lists, plus libcrypto, which Debian's libssh2
# needs and libgit2.pc omits. PCRE2 is linked through its module map (-lpcre2-8) with the library
# directory pkg-config names: a libpcre2-8.pc naming a directory that holds only libpcre2-8.a
# makes that -l pick the archive.
libdir=$(pkg-config --variable=libdir libgit2)
archives=
for flag in $(pkg-config --static --libs-only-l libgit2) -lcrypto; do
    lib=${flag#-l}
    case $lib in rt|dl|pthread|m|c) continue ;; esac
    [ -f "$libdir/lib$lib.a" ] || die "$libdir/lib$lib.a is missing (Debian: apt-get install libgit2-dev libpcre2-dev libssl-dev zlib1g-dev)"
    case " $archives " in *" $libdir/lib$lib.a "*) ;; *) archives="$archives $libdir/lib$lib.a" ;; esac
done
static_lib="$build_path/static-libraries"
mkdir -p "$static_lib"
static_lib=$(cd "$static_lib" && pwd)
ln -sf "$(pkg-config --variable=libdir libpcre2-8)/libpcre2-8.a" "$static_lib/libpcre2-8.a"
sed -e "s|^libdir=.*|libdir=$static_lib|" "$(pkg-config --variable=pcfiledir libpcre2-8)/libpcre2-8.pc" >"$static_lib/libpcre2-8.pc"
PKG_CONFIG_PATH="$static_lib${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
link_flags="-Xcc -DSHIPSHAPE_GIT2_STATIC -Xlinker --wrap=mbedtls_x509_crt_parse_file -Xlinker --wrap=mbedtls_x509_crt_parse_path"
for archive in $archives; do link_flags="$link_flags -Xlinker $archive"; done

echo "package.sh: building $name (release; Swift standard library, libgit2 and PCRE2 linked statically)" >&2
# shellcheck disable=SC2086
swift build -c release --static-swift-stdlib --scratch-path "$build_path" $link_flags >&2 || die "the release build failed (see above)"
# shellcheck disable=SC2086
products=$(swift build -c release --static-swift-stdlib --scratch-path "$build_path" $link_flags --show-bin-path)

stage=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-package.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM
tree="$stage/$name"
mkdir -p "$tree/bin" "$tree/share/shipshape/hooks" "$tree/share/doc/shipshape/licenses"

for p in $programs; do
    [ -x "$products/$p" ] || die "the build did not produce $products/$p"
    cp "$products/$p" "$tree/bin/$p"
    strip "$tree/bin/$p"
    # Nothing but the C runtime may be left to the target machine.
    for needed in $(readelf -d "$tree/bin/$p" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        case $needed in
            libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|libgcc_s.so.*|libstdc++.so.*|ld-linux*) ;;
            *) die "$p needs $needed at run time; it should have been linked statically" ;;
        esac
    done
done
cp hooks/commit-msg hooks/pre-push hooks/post-merge "$tree/share/shipshape/hooks/"
cp install.sh "$tree/install.sh"
cp README.md "$tree/share/doc/shipshape/README.md"
echo "$version" >"$tree/share/shipshape/VERSION"

# Which system libraries the programs no longer need (the tests hide them), and the licenses of
# what was linked in: the Debian copyright file of each archive's package.
libgit2_so=$libdir/libgit2.so.$(pkg-config --modversion libgit2 | cut -d. -f1,2)
{
    basename "$libgit2_so"
    ldd "$libgit2_so" | awk '$2 == "=>" { print $1 }'
} | grep -Ev '^(linux-vdso|ld-linux|libc\.so|libm\.so|libdl\.so|libpthread\.so|librt\.so|libresolv\.so|libgcc_s\.so|libstdc\+\+\.so)' |
    sort -u >"$tree/share/shipshape/replaced-libraries"
grep -q '^libpcre2-8\.so\.' "$tree/share/shipshape/replaced-libraries" || die "PCRE2 is not among the replaced libraries"
for archive in $archives "$static_lib/libpcre2-8.a"; do
    package=$(dpkg-query -S "$(readlink -f "$archive")" 2>/dev/null | head -n1 | cut -d: -f1) || package=
    # The -dev package's copyright is the library's.
    if [ -n "$package" ] && [ -f "/usr/share/doc/$package/copyright" ]; then
        cp "/usr/share/doc/$package/copyright" "$tree/share/doc/shipshape/licenses/${package%-dev}.copyright"
    fi
done

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
