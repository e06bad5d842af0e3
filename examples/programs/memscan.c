/*
 * memscan: an address-space scanner. Each probe runs in a child of its own
 * (fork, one access, exit 0), so a probe that faults kills only that child;
 * the parent reads the outcome from the wait status: "ok" (the access
 * returned), "SIGSEGV", or another signal. The parent's own pages are
 * probed too (readable, text not writable) and a child's write to the
 * parent's data must not show in the parent.
 *
 *   memscan            probes Linux and osbox agree on: page 0, low pages,
 *                      own text/data/bss/heap/stack/mmap, just past the
 *                      break, a freed mapping, kernel-looking and
 *                      non-canonical addresses (the qemu case)
 *   memscan sv39       osbox's Sv39 layout: every 1 GiB across the user half
 *                      (0 .. 2^38), the top of the user half, just above
 *                      2^38, the guard gap below the stack, physical RAM's
 *                      base, kernel-looking and non-canonical addresses;
 *                      counts readable probes outside the program's own
 *                      mappings (must be 0)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "osbox.h"

static void *opaque(uintptr_t v)
{
    __asm__ volatile ("" : "+r"(v));
    return (void *)v;
}

static volatile uint64_t data_word = 0x1111222233334444ULL;
static volatile uint64_t bss_word;

/* One access in a child: 'r' loads a byte, 'w' stores one. */
static const char *probe(uintptr_t addr, int kind)
{
    static char other[48];
    long pid = osbox_fork();
    if (pid < 0) {
        snprintf(other, sizeof other, "fork failed %ld", pid);
        return other;
    }
    if (pid == 0) {
        volatile uint8_t *p = opaque(addr);
        if (kind == 'w')
            *p = 0x5a;
        else
            (void)*p;
        osbox_exit(0);
    }
    int status = 0;
    long r = osbox_wait4(pid, &status, 0, 0);
    if (r != pid) {
        snprintf(other, sizeof other, "wait4 %ld", r);
        return other;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return "ok";
    if (WIFSIGNALED(status) && WTERMSIG(status) == OSBOX_SIGSEGV)
        return "SIGSEGV";
    snprintf(other, sizeof other, "status 0x%x", status);
    return other;
}

static int readable(uintptr_t addr)
{
    return strcmp(probe(addr, 'r'), "ok") == 0;
}

/* Prints "label: read R, write W" for one address. */
static void both(const char *label, uintptr_t addr)
{
    const char *r = probe(addr, 'r');
    const char *w = probe(addr, 'w');
    printf("%-44s read %-7s write %s\n", label, r, w);
}

static void show(const char *label, uintptr_t addr)
{
    char l[64];
    snprintf(l, sizeof l, "%s 0x%lx", label, (unsigned long)addr);
    both(l, addr);
}

static uintptr_t page_up(uintptr_t a)
{
    return (a + 4095) & ~(uintptr_t)4095;
}

int main(int argc, char **argv);

static int portable(void)
{
    int local = 7;
    uintptr_t heap = (uintptr_t)malloc(64);
    long brk = osbox_brk(0);
    long map = osbox_mmap(0, 8192, OSBOX_PROT_READ | OSBOX_PROT_WRITE, OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS, -1, 0);
    long ro = osbox_mmap(0, 4096, OSBOX_PROT_READ, OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS, -1, 0);
    long gone = osbox_mmap(0, 4096, OSBOX_PROT_READ | OSBOX_PROT_WRITE, OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS, -1, 0);
    if (map < 0 || ro < 0 || gone < 0 || heap == 0 || brk <= 0) {
        printf("memscan: setup failed\n");
        return 1;
    }
    *(volatile int *)opaque(gone) = 1;
    osbox_munmap((void *)gone, 4096);

    printf("memscan: own pages\n");
    both("text (main)", (uintptr_t)main);
    both("data", (uintptr_t)&data_word);
    both("bss", (uintptr_t)&bss_word);
    both("heap (malloc)", heap);
    both("stack (a local)", (uintptr_t)&local);
    both("mmap rw, first page", (uintptr_t)map);
    both("mmap rw, second page", (uintptr_t)map + 4096);
    both("mmap read-only", (uintptr_t)ro);
    printf("data after children wrote it: %s\n", data_word == 0x1111222233334444ULL ? "unchanged" : "CHANGED");
    printf("bss after children wrote it: %s\n", bss_word == 0 ? "unchanged" : "CHANGED");

    printf("memscan: not ours\n");
    show("page 0", 0);
    show("page 0, last byte", 0xfff);
    show("low page", 0x1000);
    show("below the text", 0xf000);
    both("16 pages past the break", page_up((uintptr_t)brk) + 4096 * 16);
    both("munmapped page", (uintptr_t)gone);
    show("kernel-looking", 0xffffffc000000000UL);
    show("kernel-looking", 0xffffffff80000000UL);
    show("top page", 0xfffffffffffff000UL);
    show("non-canonical", 0x8000000000000000UL);
    show("non-canonical", 0xdead00000000beefUL);
    printf("memscan: done\n");
    return 0;
}

/* Is addr within one of the program's own mappings? */
static uintptr_t own_lo[8], own_hi[8];
static int owns;

static void own(uintptr_t lo, uintptr_t hi)
{
    own_lo[owns] = lo & ~(uintptr_t)4095;
    own_hi[owns] = page_up(hi);
    owns++;
}

static int is_own(uintptr_t a)
{
    for (int i = 0; i < owns; i++)
        if (a >= own_lo[i] && a < own_hi[i])
            return 1;
    return 0;
}



static int foreign;

/* An edge probe: shown, and counted when it reaches a page that is not ours. */
static void edge(const char *label, uintptr_t addr)
{
    char l[64];
    snprintf(l, sizeof l, "%s 0x%lx%s", label, (unsigned long)addr, is_own(addr) ? " (ours)" : "");
    const char *r = probe(addr, 'r');
    const char *w = probe(addr, 'w');
    printf("%-44s read %-7s write %s\n", l, r, w);
    if (!is_own(addr) && (strcmp(r, "SIGSEGV") != 0 || strcmp(w, "SIGSEGV") != 0)) {
        foreign++;
        printf("  REACHABLE and not ours: 0x%lx\n", (unsigned long)addr);
    }
}

static int sv39(void)
{
    int local = 1;
    long brk = osbox_brk(0);
    long map = osbox_mmap(0, 4096, OSBOX_PROT_READ | OSBOX_PROT_WRITE, OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS, -1, 0);
    own(0x10000, (uintptr_t)brk);
    own((uintptr_t)map, (uintptr_t)map + 4096);
    own(0x4000000000UL - (8UL << 20), 0x4000000000UL); /* the stack region */
    (void)local;

    int readable_probes = 0, probes = 0;
    printf("memscan: every 1 GiB of the Sv39 user half\n");
    for (uintptr_t a = 0; a < (1UL << 38); a += 1UL << 30) {
        probes++;
        if (readable(a)) {
            readable_probes++;
            if (!is_own(a)) {
                foreign++;
                printf("  READABLE and not ours: 0x%lx\n", (unsigned long)a);
            }
        }
        if (strcmp(probe(a, 'w'), "ok") == 0 && !is_own(a)) {
            foreign++;
            printf("  WRITABLE and not ours: 0x%lx\n", (unsigned long)a);
        }
    }
    printf("%d probes, %d readable, %d not ours\n", probes, readable_probes, foreign);

    printf("memscan: edges\n");
    edge("top of the user half", 0x3ffffffff8UL);
    edge("just above 2^38", 0x4000000000UL);
    edge("2^38 + 4 KiB", 0x4000001000UL);
    edge("2^39", 0x8000000000UL);
    edge("guard gap below the stack", 0x4000000000UL - (8UL << 20) - 8);
    edge("far below the stack", 0x4000000000UL - (64UL << 20));
    edge("just below the mmap area top", 0x3e00000000UL - 8);
    edge("just past the break", page_up((uintptr_t)brk) + 8);
    edge("physical RAM base", 0x80000000UL);
    edge("physical RAM + 1 MiB", 0x80100000UL);
    edge("kernel-looking", 0xffffffc000000000UL);
    edge("kernel-looking", 0xffffffff80000000UL);
    edge("top of the address space", 0xfffffffffffffff8UL);
    edge("non-canonical", 0x0000800000000000UL);
    edge("non-canonical", 0x8000000000000000UL);
    edge("non-canonical", 0xffffffbffffff000UL);
    printf("memscan: %s\n", foreign == 0 ? "only our own pages are readable" : "FOUND FOREIGN PAGES");
    return foreign == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "sv39") == 0)
        return sv39();
    if (argc > 1) {
        printf("memscan: unknown mode '%s'\n", argv[1]);
        return 2;
    }
    return portable();
}
