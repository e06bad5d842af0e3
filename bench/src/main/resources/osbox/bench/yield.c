/*
 * yield: the context-switch benchmark (bench/ContextSwitchBenchmark).
 * Calls sched_yield argv[1] times (default 1000000) and exits 0. Two of
 * these on one hart hand the hart to each other on every call.
 * Rebuild: make -C sdk/userland PROG=bench/src/main/resources/osbox/bench/yield.c
 */
#include <stdlib.h>
#include "osbox.h"

#define OSBOX_SYS_SCHED_YIELD 124

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 0) : 1000000L;
    long bad = 0;

    for (long i = 0; i < n; i++)
        bad += osbox_syscall0(OSBOX_SYS_SCHED_YIELD) != 0;
    return bad != 0;
}
