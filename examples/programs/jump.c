/*
 * jump: jumps to code where there is none to run, as argv[1] says, after
 * printing one line. Every kind must end in SIGSEGV (an instruction page
 * fault): the target page is not executable or not mapped at all.
 *   data      a data array holding valid instructions (nop, nop, ret)
 *   stack     the same instructions copied into a stack buffer
 *   heap      the same instructions copied into malloc'd memory
 *   mmap      the same instructions in an anonymous PROT_READ|PROT_WRITE mapping
 *   kernel    0xffffffff80000000, where a kernel's text would be
 *   kernel-hi 0xffffffc000000000, the bottom of the Sv39 kernel half
 *   noncanon  0x0000800000000000, a non-canonical address
 *   null      address 0
 * An unknown kind exits 2; a jump that returns prints "survived" and exits 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "osbox.h"

static void *opaque(uintptr_t v)
{
    __asm__ volatile ("" : "+r"(v));
    return (void *)v;
}

static uint32_t data_code[4] = { 0x00000013, 0x00000013, 0x00008067, 0 }; /* nop, nop, ret */

static void go(const char *what, void *target)
{
    printf("jump: about to jump into %s\n", what);
    fflush(stdout);
    ((void (*)(void))opaque((uintptr_t)target))();
}

int main(int argc, char **argv)
{
    const char *kind = argc > 1 ? argv[1] : "data";
    uint32_t stack_code[4];

    if (strcmp(kind, "data") == 0) {
        go("a data array", data_code);
    } else if (strcmp(kind, "stack") == 0) {
        memcpy(stack_code, data_code, sizeof stack_code);
        go("the stack", stack_code);
    } else if (strcmp(kind, "heap") == 0) {
        uint32_t *heap = malloc(sizeof data_code);
        memcpy(heap, data_code, sizeof data_code);
        go("the heap", heap);
    } else if (strcmp(kind, "mmap") == 0) {
        long m = osbox_mmap(0, 4096, OSBOX_PROT_READ | OSBOX_PROT_WRITE, OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS, -1, 0);
        if (m < 0) {
            printf("jump: mmap failed %ld\n", m);
            return 1;
        }
        memcpy((void *)m, data_code, sizeof data_code);
        go("a read-write mapping", (void *)m);
    } else if (strcmp(kind, "kernel") == 0) {
        go("a kernel-looking address", (void *)0xffffffff80000000UL);
    } else if (strcmp(kind, "kernel-hi") == 0) {
        go("the bottom of the kernel half", (void *)0xffffffc000000000UL);
    } else if (strcmp(kind, "noncanon") == 0) {
        go("a non-canonical address", (void *)0x0000800000000000UL);
    } else if (strcmp(kind, "null") == 0) {
        go("address 0", (void *)0);
    } else {
        printf("jump: unknown kind '%s'\n", kind);
        return 2;
    }
    printf("jump: survived %s\n", kind);
    return 1;
}
