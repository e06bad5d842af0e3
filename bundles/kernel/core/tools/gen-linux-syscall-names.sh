#!/usr/bin/env bash
# Writes LinuxSyscallNames.java: Linux riscv64's system-call names by number
# (0..463), from the asm-generic table as riscv64 configures it. Run it from
# anywhere; it needs cpp and linux-libc-dev's asm-generic/unistd.h.
#   bundles/kernel/core/tools/gen-linux-syscall-names.sh [HEADER]
set -euo pipefail
header=${1:-/usr/include/asm-generic/unistd.h}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/java/osbox/kernel/core/syscall/LinuxSyscallNames.java"
last=463
# what arch/riscv/include/uapi/asm/unistd.h defines for rv64 before it includes the generic table
wants="-D__ARCH_WANT_NEW_STAT -D__ARCH_WANT_SET_GET_RLIMIT -D__ARCH_WANT_SYS_CLONE3 -D__ARCH_WANT_MEMFD_SECRET"

declare -A names
# every __NR_x the header defines for riscv64, resolved by the preprocessor, then evaluated
list=$(cpp -P -dM $wants -include "$header" /dev/null | awk '$1 == "#define" && $2 ~ /^__NR_/ && $2 != "__NR_syscalls" && $2 != "__NR_arch_specific_syscall" { print substr($2, 6) }' | sort -u)
probe=$(for n in $list; do echo "osbox_nr $n __NR_$n"; done | cpp -P $wants -include "$header" - | grep '^osbox_nr')
while read -r _ name value; do
    if [[ $value =~ ^[0-9\ +\(\)]+$ ]]; then
        names[$((value))]=$name
    fi
done <<< "$probe"
# riscv's own calls (arch/riscv/include/uapi/asm/unistd.h: __NR_arch_specific_syscall + 14, + 15)
names[258]=riscv_hwprobe
names[259]=riscv_flush_icache
# added after the header on this machine (Linux 6.1): include/uapi/asm-generic/unistd.h of Linux 6.13
extra=(451 cachestat 452 fchmodat2 453 map_shadow_stack 454 futex_wake 455 futex_wait 456 futex_requeue
       457 statmount 458 listmount 459 lsm_get_self_attr 460 lsm_set_self_attr 461 lsm_list_modules
       462 mseal 463 setxattrat)
for ((i = 0; i < ${#extra[@]}; i += 2)); do
    names[${extra[i]}]=${extra[i+1]}
done

{
    cat <<'JAVA'
package osbox.kernel.core.syscall;

/**
 * Linux riscv64's system-call names by number, 0 to {@link #LAST}: the
 * asm-generic table as riscv64 configures it, with riscv_hwprobe (258) and
 * riscv_flush_icache (259). A number Linux riscv64 gives no call (the
 * arch-specific range 244-257, 32-bit-only numbers) has no name. Generated
 * by {@code bundles/kernel/core/tools/gen-linux-syscall-names.sh}; do not edit.
 */
public final class LinuxSyscallNames {
    /** The last number the table covers. */
JAVA
    echo "    public static final int LAST = $last;"
    echo
    echo "    private static final String[] NAMES = {"
    for ((n = 0; n <= last; n++)); do
        if [[ -n ${names[$n]:-} ]]; then
            echo "        \"${names[$n]}\", // $n"
        else
            echo "        null, // $n"
        fi
    done
    cat <<'JAVA'
    };

    private LinuxSyscallNames() {
    }

    /** Linux riscv64's name for a number, or null (no such call, or past {@link #LAST}). */
    public static String name(long number) {
        return number >= 0 && number <= LAST ? NAMES[(int) number] : null;
    }
}
JAVA
} > "$out"
echo "wrote $out"
