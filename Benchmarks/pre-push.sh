#!/usr/bin/env bash
# Times the release pre-push hook as a whole process: a push of 1 new commit and of 10,000 new
# commits on a synthetic repository (built with git fast-import; 1 release tag, version files).
# Run by hand (never part of the test suite):
#
#   Benchmarks/pre-push.sh            # writes Benchmarks/results/pre-push.md and .json
#
# Needs hyperfine (apt-get install hyperfine).
set -euo pipefail
. "$(dirname "$0")/setup.sh"

# history: 20,000 commits already on the remote (tag v1.1.0 at the end), then 10,000 new ones.
repo="$work/repo"
git init -q -b main "$repo"
{
    printf 'blob\nmark :1\ndata 6\n1.1.0\n'
    printf 'blob\nmark :2\ndata 42\n{\n  "name": "demo",\n  "version": "1.1.0"\n}\n'
    for i in $(seq 1 30000); do
        msg="fix: change number $i"
        printf 'commit refs/heads/main\nmark :%d\ncommitter B <b@example.org> %d +0000\ndata %d\n%s\n' $((i + 10)) $((1700000000 + i)) ${#msg} "$msg"
        if [ "$i" -eq 1 ]; then printf 'M 100644 :1 VERSION\nM 100644 :2 package.json\n'; fi
        if [ "$i" -eq 20000 ]; then printf 'tag v1.1.0\nfrom :%d\ntagger B <b@example.org> 1700000000 +0000\ndata 7\nRelease\n' $((i + 10)); fi
        if [ "$i" -eq 20000 ]; then printf 'reset refs/remotes/origin/main\nfrom :%d\n\n' $((i + 10)); fi
        if [ "$i" -eq 29999 ]; then printf 'reset refs/heads/one-before\nfrom :%d\n\n' $((i + 10)); fi
    done
} | git -C "$repo" fast-import --quiet
git -C "$repo" checkout -q main
zero=0000000000000000000000000000000000000000
tip=$(git -C "$repo" rev-parse main)
old=$(git -C "$repo" rev-parse refs/remotes/origin/main)
before=$(git -C "$repo" rev-parse one-before)
echo "refs/heads/main $tip refs/heads/main $before" >"$work/one.txt"
echo "refs/heads/main $tip refs/heads/main $old" >"$work/ten-thousand.txt"
# The one-commit case names another remote, so only the remote's old tip hides history.
# hyperfine 1.15 has no --input: the runs go through a shell, whose start-up hyperfine subtracts.
# The floor: a C program that links the same libgit2, initialises it and opens the repository
# (most of it is git_libgit2_init parsing the system CA bundle with mbedTLS, which no hook avoids).
cc -O2 -o "$work/libgit2-open" "$root/Benchmarks/floors/libgit2-open.c" $(pkg-config --cflags --libs libgit2)
cd "$repo"
echo "new commits: $(git rev-list --count $before..$tip) and $(git rev-list --count $old..$tip)" >&2
hyperfine --warmup 5 --runs 30 \
    --export-markdown "$out/pre-push.md" --export-json "$out/pre-push.json" \
    -n "pre-push: 1 new commit" "$bin/pre-push elsewhere $work/remote.git < $work/one.txt" \
    -n "pre-push: 10,000 new commits" "$bin/pre-push origin $work/remote.git < $work/ten-thousand.txt"
# The floor runs without a shell (hyperfine's -N applies to every command of a run).
hyperfine -N --warmup 5 --runs 30 --export-markdown "$out/pre-push-floor.md" -n "floor: libgit2 init + open" "$work/libgit2-open"
echo
cat "$out/pre-push.md" "$out/pre-push-floor.md"
