#!/usr/bin/env python3
"""Packs an unpacked Shipshape release tree (made by scripts/package.sh) into a Python wheel.

The wheel carries no Python code: like ruff's and lefthook's, it is a way to put native programs
on PATH with pip or pipx. Its files map onto the same layout as the tarball, relative to the
environment's prefix (a virtual environment, ~/.local, /usr/local):

    bin/                <- shipshape_hooks-VERSION.data/scripts/  (the five programs)
    share/shipshape/    <- shipshape_hooks-VERSION.data/data/share/shipshape/ (hook shims, VERSION)

The programs have libgit2 and PCRE2 linked in, so nothing else is needed at run time.
The platform tag is manylinux_2_N_ARCH, N the newest glibc symbol version the ELF files need.

    python3 scripts/wheel.py --tree DIR --version X.Y.Z --out dist [--epoch SECONDS]
"""
import argparse
import base64
import hashlib
import os
import platform
import re
import sys
import time
import zipfile

DIST = "shipshape_hooks"


def glibc_minor(paths):
    """The highest GLIBC_2.N version any of the files asks for (N), at least 17."""
    newest = 17
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        if not data.startswith(b"\x7fELF"):
            continue
        for match in re.finditer(rb"GLIBC_2\.(\d+)", data):
            newest = max(newest, int(match.group(1)))
    return newest


def record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def tree_files(tree, sub):
    base = os.path.join(tree, sub)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            yield full, os.path.relpath(full, base)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--epoch", type=int, default=315532800)
    a = ap.parse_args()

    data_dir = f"{DIST}-{a.version}.data"
    info_dir = f"{DIST}-{a.version}.dist-info"
    entries = []  # (arcname, source path, mode)
    for full, rel in tree_files(a.tree, "bin"):
        entries.append((f"{data_dir}/scripts/{rel}", full, 0o755))
    for sub in ("lib", "share"):
        for full, rel in tree_files(a.tree, sub):
            mode = 0o755 if os.access(full, os.X_OK) and sub == "share" else 0o644
            entries.append((f"{data_dir}/data/{sub}/{rel}", full, mode))

    arch = platform.machine()
    tag = f"py3-none-manylinux_2_{glibc_minor(path for _, path, _ in entries)}_{arch}"
    wheel_name = f"{DIST}-{a.version}-{tag}.whl"
    summary = "Native git hooks (commit-msg, pre-push, post-merge) that make a release process enforce itself"
    metadata = "\n".join([
        "Metadata-Version: 2.1",
        "Name: shipshape-hooks",
        f"Version: {a.version}",
        f"Summary: {summary}",
        "Requires-Python: >=3.7",
        "Description-Content-Type: text/markdown",
        "",
        "Shipshape's programs (`shipshape`, `commit-msg`, `pre-push`, `post-merge`, `changelog-sync`) "
        "for Linux, with libgit2 and PCRE2 linked in. After `pip install shipshape-hooks` (or pipx), "
        "run `shipshape install` in a repository. See the project's README for everything else.",
        "",
    ])
    wheel_meta = "\n".join([
        "Wheel-Version: 1.0",
        "Generator: shipshape scripts/wheel.py",
        "Root-Is-Purelib: false",
        f"Tag: {tag}",
        "",
    ])

    date = time.gmtime(max(a.epoch, 315532800))[:6]
    os.makedirs(a.out, exist_ok=True)
    target = os.path.join(a.out, wheel_name)
    records = []
    with zipfile.ZipFile(target + ".tmp", "w", compression=zipfile.ZIP_DEFLATED) as z:
        def add(arcname, data, mode):
            info = zipfile.ZipInfo(arcname, date_time=date)
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
            records.append(record_line(arcname, data))

        for arcname, path, mode in entries:
            with open(path, "rb") as f:
                add(arcname, f.read(), mode)
        add(f"{info_dir}/METADATA", metadata.encode(), 0o644)
        add(f"{info_dir}/WHEEL", wheel_meta.encode(), 0o644)
        records.append(f"{info_dir}/RECORD,,")
        add_record = zipfile.ZipInfo(f"{info_dir}/RECORD", date_time=date)
        add_record.external_attr = (0o100000 | 0o644) << 16
        add_record.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(add_record, "\n".join(records) + "\n")
    os.replace(target + ".tmp", target)
    print(target)


if __name__ == "__main__":
    sys.exit(main())
