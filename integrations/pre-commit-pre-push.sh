#!/bin/sh
# Runs Shipshape's pre-push program from pre-commit's (or prek's) pre-push stage.
#
# pre-commit does not pass git's arguments and standard input through: it picks the first pushed
# ref that has commits the remote lacks and describes it in PRE_COMMIT_* variables (a deletion,
# or a ref whose commits are all on the remote already, is not passed at all). This script turns
# that description back into the one ref line pre-push reads. For every ref of every push, install
# Shipshape's own hook beside pre-commit (shipshape install chains pre-commit's hook) or use
# lefthook, which passes git's input through.
zero=0000000000000000000000000000000000000000
program=$(command -v pre-push 2>/dev/null) || {
    echo "shipshape: error: the pre-push program is not on PATH; install Shipshape's programs on PATH (from a release: ./install.sh --from shipshape-VERSION-linux-ARCH.tar.gz, or pip install shipshape_hooks-VERSION-*.whl; see Shipshape's README)" >&2
    exit 2
}
local_ref=${PRE_COMMIT_LOCAL_BRANCH:?pre-commit did not say which ref is pushed (PRE_COMMIT_LOCAL_BRANCH)}
remote_ref=${PRE_COMMIT_REMOTE_BRANCH:-$local_ref}
# Pushing a history that includes its root commit, pre-commit gives no refs: the remote has none of it.
local_sha=${PRE_COMMIT_TO_REF:-$(git rev-parse --verify -q "$local_ref^{commit}")} || {
    echo "shipshape: error: cannot resolve $local_ref, the ref pre-commit says is pushed" >&2
    exit 2
}
remote_sha=${PRE_COMMIT_FROM_REF:-$zero}
printf '%s %s %s %s\n' "$local_ref" "$local_sha" "$remote_ref" "$remote_sha" |
    exec "$program" "${PRE_COMMIT_REMOTE_NAME:-origin}" "${PRE_COMMIT_REMOTE_URL:-}"
