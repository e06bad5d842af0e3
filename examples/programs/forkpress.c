/*
 * forkpress: a fork-heavy workload for memory pressure (the VM manager's
 * reverse map and out-of-memory paths).
 *
 *   forkpress [children=N] [pages=P] [own=Q]
 *
 * The parent fills P pages (default 64), then forks N children (default 8)
 * that all run at once: each reads the parent's pages (shared with it
 * copy-on-write), writes every one of them (so each gets its own copies),
 * fills Q pages of its own (default 32), checks everything it wrote and
 * exits 0 (3 when a page held the wrong value). The parent waits for them
 * all, checks its own pages are unchanged and prints
 *
 *   forkpress: N children: C completed, K killed by SIGKILL, F failed, R forks refused; parent's pages intact: yes
 *
 * exiting 0. With less memory than the children need and swap, they all
 * complete (shared pages are paged out too); without swap some may be
 * killed by the out-of-memory policy (SIGKILL, shell status 137), and a
 * fork the kernel refuses (ENOMEM, EAGAIN) is counted, not fatal.
 * A bad argument prints "forkpress: bad argument 'ARG'" and exits 2.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define WORDS (PAGE / 8)
#define MAX_CHILDREN 256

static long number(const char *arg, const char *key, long min, long max, long *out)
{
    size_t n = strlen(key);
    if (strncmp(arg, key, n) != 0 || arg[n] != '=')
        return 0;
    char *end;
    long v = strtol(arg + n + 1, &end, 10);
    if (*end != 0 || v < min || v > max)
        return -1;
    *out = v;
    return 1;
}

static void fill(uint64_t *p, long pages, uint64_t base)
{
    for (long i = 0; i < pages; i++)
        for (long w = 0; w < WORDS; w += 64)
            p[i * WORDS + w] = base + i * WORDS + w;
}

static int check(const uint64_t *p, long pages, uint64_t base)
{
    for (long i = 0; i < pages; i++)
        for (long w = 0; w < WORDS; w += 64)
            if (p[i * WORDS + w] != base + i * WORDS + w)
                return 0;
    return 1;
}

int main(int argc, char **argv)
{
    long children = 8, pages = 64, own = 32;
    for (int i = 1; i < argc; i++) {
        long r = number(argv[i], "children", 1, MAX_CHILDREN, &children);
        if (r == 0)
            r = number(argv[i], "pages", 1, 1 << 20, &pages);
        if (r == 0)
            r = number(argv[i], "own", 0, 1 << 20, &own);
        if (r != 1) {
            fprintf(stderr, "forkpress: bad argument '%s'\n", argv[i]);
            return 2;
        }
    }
    uint64_t *shared = aligned_alloc(PAGE, pages * PAGE);
    if (shared == NULL) {
        printf("forkpress: no memory\n");
        return 1;
    }
    fill(shared, pages, 1000);
    fflush(stdout);
    pid_t pids[MAX_CHILDREN];
    long started = 0, refused = 0;
    for (long c = 0; c < children; c++) {
        pid_t pid = fork();
        if (pid < 0) {
            refused++;
            continue;
        }
        if (pid == 0) {
            int ok = check(shared, pages, 1000);
            fill(shared, pages, 5000 + 100000 * c);
            uint64_t *mine = own > 0 ? aligned_alloc(PAGE, own * PAGE) : NULL;
            if (own > 0 && mine == NULL)
                _exit(4);
            fill(mine, own, 9000 + 100000 * c);
            ok &= check(shared, pages, 5000 + 100000 * c) & check(mine, own, 9000 + 100000 * c);
            _exit(ok ? 0 : 3);
        }
        pids[started++] = pid;
    }
    long completed = 0, killed = 0, failed = 0;
    for (long c = 0; c < started; c++) {
        int status = 0;
        if (waitpid(pids[c], &status, 0) != pids[c])
            failed++;
        else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            completed++;
        else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            killed++;
        else
            failed++;
    }
    printf("forkpress: %ld children: %ld completed, %ld killed by SIGKILL, %ld failed, %ld forks refused;"
           " parent's pages intact: %s\n", children, completed, killed, failed, refused,
           check(shared, pages, 1000) ? "yes" : "NO");
    return 0;
}
