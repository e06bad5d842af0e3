#!/usr/bin/env bash
# run-qemu.sh: runs every case of cases.tsv under qemu-riscv64 and compares
# stdout with expected/ and the exit status with the status column.
#   ./run-qemu.sh            check (exit 1 on any mismatch)
#   ./run-qemu.sh --record   rewrite expected/*.out from qemu (statuses stay
#                            in cases.tsv: mismatches are reported, not fixed)
#   ./run-qemu.sh [--record] glibc   the same for the cases of glibc/
# Skips (exit 0) when qemu-riscv64 is absent.
set -u
cd "$(dirname "$0")"

record=no
[ "${1:-}" = "--record" ] && { record=yes; shift; }
dir=${1:-.}
cd "$dir" || exit 1

QEMU=${QEMU:-qemu-riscv64}
if ! command -v "$QEMU" >/dev/null 2>&1; then
    echo "run-qemu.sh: skipped: $QEMU not found"
    exit 0
fi
# RV64GC, as osbox: I, M, A, F, D and C.
CPU="rv64,c=true,f=true,d=true"

# expected/ file name of a case: program[.args with spaces as _][.stdin-<file stem>].out
case_name() {
    local name=$1
    [ -n "$2" ] && name="$name.${2// /_}"
    if [ "$3" != "-" ]; then
        local stem=${3##*/}
        name="$name.stdin-${stem%.*}"
    fi
    echo "$name.out"
}

ulimit -c 0                       # killed guests must not leave core files
out=$(mktemp)
trap 'rm -f "$out"' EXIT
mkdir -p expected
pass=0 fail=0
TAB=$'\t'
while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    # Split by hand: read would merge the empty args column's two tabs.
    prog=${line%%"$TAB"*}; line=${line#*"$TAB"}
    args=${line%%"$TAB"*}; line=${line#*"$TAB"}
    input=${line%%"$TAB"*}; status=${line#*"$TAB"}
    stdin=/dev/null
    [ "$input" != "-" ] && stdin=$input
    name=$(case_name "$prog" "$args" "$input")
    got=0
    # shellcheck disable=SC2086 # args are space-separated on purpose
    { "$QEMU" -cpu "$CPU" -0 "$prog" "$prog.elf" $args <"$stdin" >"$out" 2>/dev/null; } 2>/dev/null || got=$?
    [ "$record" = yes ] && cp "$out" "expected/$name"
    if [ "$got" != "$status" ]; then
        echo "FAIL $name: status $got, expected $status"
        fail=$((fail + 1))
    elif ! cmp -s "$out" "expected/$name"; then
        echo "FAIL $name: stdout differs from expected/$name"
        diff "expected/$name" "$out" | head -5
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
done <cases.tsv

echo "run-qemu.sh: ${dir%/}: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
