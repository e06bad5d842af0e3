/*
 * isolate: parent and child (fork) write different secrets at the same
 * virtual addresses and each checks it sees only its own.
 *
 *   isolate          heap (malloc), stack (a local), data, a private
 *                    anonymous mmap: each process sees only its own value;
 *                    a page the parent maps after the fork is not mapped in
 *                    the child, and one the child maps is not in the parent
 *   isolate shared   a MAP_SHARED|MAP_ANONYMOUS page, where sharing IS
 *                    expected: each sees the other's writes
 *   isolate exec     maps a page at a fixed address, writes secrets into
 *                    it, the heap and data, then execs itself (from /host,
 *                    osbox only) with "after-exec": the new image finds the
 *                    old mapping gone, the heap past its break and its data
 *                    fresh
 * The child writes the heap and data with stores and the mmap page and
 * its stack through the kernel (read() from a pipe into pages it shares
 * copy-on-write with the parent). Ordering is by pipes. Probes that may
 * fault run in a child of their own.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "osbox.h"

#define MAP_SHARED 0x01
#define MAP_FIXED  0x10
#define SELF "/host/examples/programs/isolate.elf"
#define FIXED_AT 0x2000000000UL
#define CHILD_AT 0x2100000000UL
#define PARENT_AT 0x2200000000UL

static void *opaque(uintptr_t v)
{
    __asm__ volatile ("" : "+r"(v));
    return (void *)v;
}

static volatile uint64_t data_secret = 0xda7a;

/* Does a load from addr in a child of its own fault? */
static const char *load_probe(uintptr_t addr)
{
    static char other[48];
    long pid = osbox_fork();
    if (pid < 0) {
        snprintf(other, sizeof other, "fork failed %ld", pid);
        return other;
    }
    if (pid == 0) {
        (void)*(volatile uint8_t *)opaque(addr);
        osbox_exit(0);
    }
    int status = 0;
    osbox_wait4(pid, &status, 0, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return "readable";
    if (WIFSIGNALED(status) && WTERMSIG(status) == OSBOX_SIGSEGV)
        return "SIGSEGV";
    snprintf(other, sizeof other, "status 0x%x", status);
    return other;
}

static void put(int fd, uint64_t v)
{
    if (osbox_write(fd, &v, sizeof v) != sizeof v)
        osbox_exit(90);
}

static uint64_t get(int fd)
{
    uint64_t v = 0;
    if (osbox_read(fd, &v, sizeof v) != sizeof v)
        osbox_exit(91);
    return v;
}

static long anon(uintptr_t at, int flags)
{
    return osbox_mmap((void *)at, 4096, OSBOX_PROT_READ | OSBOX_PROT_WRITE, flags | OSBOX_MAP_ANONYMOUS, -1, 0);
}

static int private_pages(void)
{
    volatile uint64_t stack_secret = 0x57ac;
    volatile uint64_t *heap = malloc(64);
    volatile uint64_t *map = (volatile uint64_t *)anon(0, OSBOX_MAP_PRIVATE);
    int to_child[2], to_parent[2];
    if (heap == 0 || (long)map < 0 || osbox_pipe2(to_child, 0) < 0 || osbox_pipe2(to_parent, 0) < 0) {
        printf("isolate: setup failed\n");
        return 1;
    }
    *heap = 0x4ea9;
    *map = 0x3a9;
    printf("isolate: parent wrote its secrets; forking\n");
    fflush(stdout);
    long pid = osbox_fork();
    if (pid == 0) {
        osbox_close(to_child[1]);
        osbox_close(to_parent[0]);
        /* child: writes its own secrets at the same addresses */
        int bad = 0;
        bad |= (*heap != 0x4ea9) | (stack_secret != 0x57ac) | (data_secret != 0xda7a) | (*map != 0x3a9);
        /* heap and data by stores; the mmap page and the stack through the kernel
           (read() from a pipe copies out into pages shared copy-on-write with the parent) */
        *heap = 0xc41d;
        data_secret = 0xc41d;
        int self[2];
        uint64_t v = 0xc41d;
        if (osbox_pipe2(self, 0) < 0 || osbox_write(self[1], &v, 8) != 8 || osbox_write(self[1], &v, 8) != 8
            || osbox_read(self[0], (void *)map, 8) != 8 || osbox_read(self[0], (void *)&stack_secret, 8) != 8)
            osbox_exit(64);
        long mine = anon(CHILD_AT, OSBOX_MAP_PRIVATE | MAP_FIXED);  /* a page only the child maps */
        *(volatile uint64_t *)mine = 0xc41d;
        put(to_parent[1], (uint64_t)mine);
        uint64_t parents = get(to_child[0]);        /* parent wrote again and mapped a page */
        bad |= (*heap != 0xc41d) << 1;
        bad |= (stack_secret != 0xc41d) << 2;
        bad |= (data_secret != 0xc41d) << 3;
        bad |= (*map != 0xc41d) << 4;
        /* the page the parent mapped after the fork does not exist here */
        const char *seen = load_probe(parents);
        bad |= (strcmp(seen, "readable") == 0) << 5;
        bad |= (strcmp(seen, "readable") != 0 && strcmp(seen, "SIGSEGV") != 0) << 7;  /* no probe: fork failed */
        osbox_exit(bad);
    }
    osbox_close(to_child[0]);
    osbox_close(to_parent[1]);
    uint64_t childs = get(to_parent[0]);
    printf("parent after the child wrote: heap %s, stack %s, data %s, mmap %s\n",
           *heap == 0x4ea9 ? "own" : "CHILD'S", stack_secret == 0x57ac ? "own" : "CHILD'S",
           data_secret == 0xda7a ? "own" : "CHILD'S", *map == 0x3a9 ? "own" : "CHILD'S");
    printf("page the child mapped after the fork, in the parent: %s\n", load_probe(childs));
    *heap = 0x9a2e;
    stack_secret = 0x9a2e;
    data_secret = 0x9a2e;
    *map = 0x9a2e;
    long late = anon(PARENT_AT, OSBOX_MAP_PRIVATE | MAP_FIXED);
    *(volatile uint64_t *)late = 0x9a2e;
    put(to_child[1], (uint64_t)late);
    int status = 0;
    osbox_wait4(pid, &status, 0, 0);
    if (WIFEXITED(status))
        printf("child: %s (exit %d)\n", WEXITSTATUS(status) == 0 ? "saw only its own values"
               : WEXITSTATUS(status) == 128 ? "could not run its probe" : "SAW THE PARENT'S", WEXITSTATUS(status));
    else
        printf("child: killed by signal %d\n", WTERMSIG(status));
    printf("parent at the end: heap %s, stack %s, data %s, mmap %s\n",
           *heap == 0x9a2e ? "own" : "CHILD'S", stack_secret == 0x9a2e ? "own" : "CHILD'S",
           data_secret == 0x9a2e ? "own" : "CHILD'S", *map == 0x9a2e ? "own" : "CHILD'S");
    return 0;
}

static int shared_page(void)
{
    volatile uint64_t *shared = (volatile uint64_t *)anon(0, MAP_SHARED);
    int to_child[2], to_parent[2];
    if ((long)shared < 0 || osbox_pipe2(to_child, 0) < 0 || osbox_pipe2(to_parent, 0) < 0) {
        printf("isolate: setup failed\n");
        return 1;
    }
    shared[0] = 0x9a2e;
    long pid = osbox_fork();
    if (pid == 0) {
        osbox_close(to_child[1]);
        osbox_close(to_parent[0]);
        int bad = shared[0] != 0x9a2e;
        shared[1] = 0xc41d;
        put(to_parent[1], 1);
        get(to_child[0]);
        bad |= (shared[0] != 0x5ecd) << 1;
        osbox_exit(bad);
    }
    osbox_close(to_child[0]);
    osbox_close(to_parent[1]);
    get(to_parent[0]);
    printf("shared page, parent sees the child's write: %s\n", shared[1] == 0xc41d ? "yes" : "NO");
    shared[0] = 0x5ecd;
    put(to_child[1], 1);
    int status = 0;
    osbox_wait4(pid, &status, 0, 0);
    printf("shared page, child saw the parent's writes: %s (exit %d)\n",
           WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "yes" : "NO", WEXITSTATUS(status));
    return 0;
}

static int before_exec(void)
{
    long fixed = anon(FIXED_AT, OSBOX_MAP_PRIVATE | MAP_FIXED);
    volatile uint64_t *heap = malloc(64);
    if (fixed != (long)FIXED_AT || heap == 0) {
        printf("isolate: setup failed (%ld)\n", fixed);
        return 1;
    }
    *(volatile uint64_t *)fixed = 0x01d;
    *heap = 0x01d;
    data_secret = 0x01d;
    char addr[2][24];
    snprintf(addr[0], sizeof addr[0], "%lx", (unsigned long)fixed);
    snprintf(addr[1], sizeof addr[1], "%lx", (unsigned long)heap);
    char *argv[] = { "isolate", "after-exec", addr[0], addr[1], 0 };
    printf("isolate: old image wrote its secrets; exec\n");
    fflush(stdout);
    long r = osbox_execve(SELF, argv, 0);
    printf("isolate: execve failed: %ld\n", r);
    return 1;
}

static int after_exec(const char *fixed, const char *heap)
{
    uintptr_t f = strtoul(fixed, 0, 16), h = strtoul(heap, 0, 16);
    printf("new image: old mmap page %s\n", load_probe(f));
    const char *hp = load_probe(h);
    if (strcmp(hp, "readable") == 0)
        printf("new image: old heap address readable, holds %s\n",
               *(volatile uint64_t *)h == 0x01d ? "THE OLD SECRET" : "no old secret");
    else
        printf("new image: old heap address %s\n", hp);
    printf("new image: data %s\n", data_secret == 0xda7a ? "fresh" : "OLD");
    return 0;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "private";
    if (strcmp(mode, "private") == 0)
        return private_pages();
    if (strcmp(mode, "shared") == 0)
        return shared_page();
    if (strcmp(mode, "exec") == 0)
        return before_exec();
    if (strcmp(mode, "after-exec") == 0 && argc == 4)
        return after_exec(argv[2], argv[3]);
    printf("isolate: unknown mode '%s'\n", mode);
    return 2;
}
