/*
 * getpid: the syscall round-trip benchmark (bench/SyscallBenchmark).
 * argv[1] (default 1000000) getpid calls, each a bare ecall; exits 0 if
 * every call returned the same pid. No output, so the run is only
 * ecall -> kernel -> sret-equivalent back, argv[1] times.
 * Rebuild: make -C sdk/userland PROG=bench/src/main/resources/osbox/bench/getpid.c
 */
#include <stdlib.h>
#include "osbox.h"

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 0) : 1000000L;
    long pid = osbox_getpid();
    long bad = 0;

    for (long i = 0; i < n; i++)
        bad += osbox_syscall0(OSBOX_SYS_GETPID) != pid;
    return bad != 0;
}
