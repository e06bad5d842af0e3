#!/usr/bin/env bash
# run-osbox.sh: runs the cases of osbox-cases.tsv (or CASES) under osbox with
# `./osbox run --host-dir <repository root>`, one fresh osbox per case (the
# program is pid 1), and compares stdout with expected-osbox/ (or EXPECTED)
# and the exit status with the status column.
#   ./run-osbox.sh [CASES [EXPECTED]]
# `osbox run` sets argv[0] to the program's path, not to its name: use it for
# cases whose output does not show argv[0] (all of osbox-cases.tsv's).
# Needs distribution/target/osbox.jar (../../osbox builds it on first use).
set -u
cd "$(dirname "$0")"

cases=${1:-osbox-cases.tsv}
expected=${2:-expected-osbox}
root=$(cd ../.. && pwd)
OSBOX=${OSBOX:-$root/osbox}

# expected file name of a case: program[.args with spaces as _][.stdin-<file stem>].out
case_name() {
    local name=$1
    [ -n "$2" ] && name="$name.${2// /_}"
    if [ "$3" != "-" ]; then
        local stem=${3##*/}
        name="$name.stdin-${stem%.*}"
    fi
    echo "$name.out"
}

out=$(mktemp)
trap 'rm -f "$out"' EXIT
pass=0 fail=0
TAB=$'\t'
while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    prog=${line%%"$TAB"*}; line=${line#*"$TAB"}
    args=${line%%"$TAB"*}; line=${line#*"$TAB"}
    input=${line%%"$TAB"*}; status=${line#*"$TAB"}
    stdin=/dev/null
    [ "$input" != "-" ] && stdin=$input
    name=$(case_name "$prog" "$args" "$input")
    got=0
    # shellcheck disable=SC2086 # args are space-separated on purpose
    "$OSBOX" run --host-dir "$root" "$prog.elf" $args <"$stdin" >"$out" 2>/dev/null || got=$?
    if [ "$got" != "$status" ]; then
        echo "FAIL $name: status $got, expected $status"
        diff "$expected/$name" "$out" | head -5
        fail=$((fail + 1))
    elif ! cmp -s "$out" "$expected/$name"; then
        echo "FAIL $name: stdout differs from $expected/$name"
        diff "$expected/$name" "$out" | head -5
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
done <"$cases"

echo "run-osbox.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
