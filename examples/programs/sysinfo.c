/*
 * sysinfo: prints what both osbox and qemu-riscv64 agree on: uname's
 * sysname and machine, whether getpid is positive, whether the monotonic
 * clock advances across some work, and what an unknown syscall answers.
 */
#include <stdio.h>

#include "osbox.h"

static long long nanos(void)
{
    struct osbox_timespec ts;
    if (osbox_clock_gettime(OSBOX_CLOCK_MONOTONIC, &ts) != 0)
        return -1;
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void)
{
    struct osbox_utsname u;
    long r = osbox_uname(&u);
    printf("uname returned %ld\n", r);
    printf("sysname: %s\n", u.sysname);
    printf("machine: %s\n", u.machine);
    printf("pid > 0: %s\n", osbox_getpid() > 0 ? "yes" : "no");

    long long before = nanos();
    volatile unsigned long spin = 0;
    for (unsigned long i = 0; i < 200000; i++)
        spin += i;
    long long after = nanos();
    printf("time advances: %s\n", before >= 0 && after > before ? "yes" : "no");

    printf("unknown syscall returned %ld\n", osbox_syscall0(500));
    return 0;
}
