#!/usr/bin/env bash
# check-rebuild.sh: rebuilds every example program into a temporary directory
# and checks it is byte-identical to the committed .elf beside its source.
#   ./check-rebuild.sh         the picolibc programs here
#   ./check-rebuild.sh glibc   the glibc programs of glibc/
# Skips (exit 0) when the directory's compiler (make print-cc) is absent.
set -u
cd "$(dirname "$0")"
cd "${1:-.}" || exit 1

CC=$(make -s --no-print-directory print-cc)
if ! command -v "$CC" >/dev/null 2>&1; then
    echo "check-rebuild.sh: skipped: $CC not found"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! make -s --no-print-directory OUTDIR="$tmp" >"$tmp/build.log" 2>&1; then
    cat "$tmp/build.log"
    echo "check-rebuild.sh: build failed"
    exit 1
fi

same=0 differ=0
for built in "$tmp"/*.elf; do
    name=${built##*/}
    if cmp -s "$built" "$name"; then
        same=$((same + 1))
    else
        echo "DIFFERS: $name (rebuilt copy is not byte-identical to the committed one)"
        differ=$((differ + 1))
    fi
done
echo "check-rebuild.sh: ${1:-.}: $same identical, $differ different"
[ "$differ" -eq 0 ] && [ "$same" -gt 0 ]
