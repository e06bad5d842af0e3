/*
 * fault: faults on purpose, in the way argv[1] names (default null-read).
 * Each kind prints one line first, so output order can be checked.
 * bad-pointer does not fault: it shows the kernel answering EFAULT.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "osbox.h"

/* Hides a pointer's value from the optimiser, so the access really happens. */
static void *opaque(uintptr_t v)
{
    __asm__ volatile ("" : "+r"(v));
    return (void *)v;
}

static uint32_t data_code[4] = { 0x00000013, 0x00000013, 0x00008067, 0 }; /* nop, nop, ret */

static void say(const char *line)
{
    printf("fault: %s\n", line);
}

static long recurse(long depth)
{
    volatile char frame[8192];
    if (depth == (long)(uintptr_t)opaque(UINTPTR_MAX))
        return 0;                       /* never: keeps the recursion honest */
    frame[0] = (char)depth;
    frame[sizeof frame - 1] = (char)depth;
    return recurse(depth + 1) + frame[0] + frame[sizeof frame - 1];
}

static int bad_pointer(void)
{
    say("passing bad pointers to write and read");
    printf("write(1, 0x1, 10) returned %ld\n", osbox_write(1, opaque(1), 10));
    printf("write(1, 0xdeadbeef0, 10) returned %ld\n", osbox_write(1, opaque(0xdeadbeef0), 10));
    printf("read(0, 0x1, 10) returned %ld\n", osbox_read(0, opaque(1), 10));
    return 0;
}

int main(int argc, char **argv)
{
    const char *kind = argc > 1 ? argv[1] : "null-read";

    if (strcmp(kind, "null-read") == 0) {
        say("about to read address 0");
        printf("read %d\n", *(volatile int *)opaque(0));
    } else if (strcmp(kind, "null-write") == 0) {
        say("about to write address 0");
        *(volatile int *)opaque(0) = 1;
    } else if (strcmp(kind, "write-text") == 0) {
        say("about to write into main's code");
        *(volatile uint32_t *)opaque((uintptr_t)main) = 0;
    } else if (strcmp(kind, "exec-data") == 0) {
        say("about to jump into a data array");
        ((void (*)(void))opaque((uintptr_t)data_code))();
    } else if (strcmp(kind, "stack-overflow") == 0) {
        say("about to recurse without end");
        printf("recursion returned %ld\n", recurse(0));
    } else if (strcmp(kind, "illegal") == 0) {
        say("about to execute an all-zero instruction");
        __asm__ volatile (".word 0");
    } else if (strcmp(kind, "privileged") == 0) {
        say("about to read mstatus from user mode");
        long v;
        __asm__ volatile (".option push\n.option arch, +zicsr\ncsrr %0, mstatus\n.option pop" : "=r"(v));
        printf("mstatus = %lx\n", v);
    } else if (strcmp(kind, "ebreak") == 0) {
        say("about to execute ebreak");
        __asm__ volatile ("ebreak");
    } else if (strcmp(kind, "bad-pointer") == 0) {
        return bad_pointer();
    } else if (strcmp(kind, "misaligned-amo") == 0) {
        static uint64_t word[2];
        say("about to amoadd.w at an odd address");
        int old;
        __asm__ volatile ("amoadd.w %0, %2, (%1)"
                          : "=r"(old) : "r"(opaque((uintptr_t)word + 1)), "r"(1) : "memory");
        printf("amoadd returned %d\n", old);
    } else {
        printf("fault: unknown kind '%s'\n", kind);
        return 2;
    }
    printf("fault: survived %s\n", kind);
    return 1;
}
