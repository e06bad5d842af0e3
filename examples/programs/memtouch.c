/*
 * memtouch: touches memory in a pattern given by its arguments, for page
 * replacement experiments (examples/workloads, docs/vm-policies.md).
 *
 *   memtouch [pages=N] [passes=P] [pattern=seq|loop|random|hot:K] [write] [fork=F] [seed=S]
 *
 * It allocates N pages (malloc, page aligned; default 64), fills every
 * word of them (the first touch of each page), then makes P passes
 * (default 4) over them:
 *
 *   seq       pages 0..N-1 in order, every 8-byte word of each page (a
 *             sequential stream: 512 touches a page)
 *   loop      pages 0..N-1 in order, one word a page (a cyclic scan: the
 *             same page order as seq, 512 times fewer touches)
 *   random    N touches a pass of pages drawn by a seeded LCG
 *   hot:K     N touches a pass: 90% among pages 0..K-1, the rest among all
 *
 * Each touch reads a word into a checksum; with `write` it also adds 1 to
 * it (so the page is dirty). With fork=F it then forks F children one after
 * the other; child i reads every page, writes word 0 of a few pages
 * (copy-on-write), and exits with a status computed from what it read; the
 * parent waits for it, folds the status into the checksum, and at the end
 * reads every page again (its own copies must be unchanged). It prints
 *
 *   memtouch: pages N passes P checksum XXXXXXXX
 *
 * and exits 0. Deterministic: the checksum depends only on the arguments.
 * A bad argument prints "memtouch: bad argument 'ARG'" on stderr and exits 2;
 * no memory, or a failed fork, exits 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define PAGE 4096
#define WORDS (PAGE / 8)

enum pattern { SEQ, LOOP, RANDOM, HOT };

static uint64_t *mem;
static long npages = 64, passes = 4, hot = 0, forks = 0;
static uint64_t seed = 1;
static uint32_t sum = 2166136261u;

static void fold(uint64_t v)
{
    sum = (sum ^ (uint32_t)v) * 16777619u;
    sum = (sum ^ (uint32_t)(v >> 32)) * 16777619u;
}

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

static int number(const char *s, long min, long *out)
{
    char *end;
    long v;
    if (*s < '0' || *s > '9')
        return 0;
    v = strtol(s, &end, 10);
    if (*end != 0 || v < min || v > 1000000)
        return 0;
    *out = v;
    return 1;
}

static void touch(long page, long word, int write)
{
    uint64_t *w = &mem[page * WORDS + word];
    uint64_t v = *w;
    fold(v);
    if (write)
        *w = v + 1;
}

static int bad(const char *arg)
{
    fprintf(stderr, "memtouch: bad argument '%s'\n", arg);
    return 2;
}

int main(int argc, char **argv)
{
    enum pattern pattern = SEQ;
    int write = 0;
    long s;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "pages=", 6) == 0) {
            if (!number(a + 6, 1, &npages))
                return bad(a);
        } else if (strncmp(a, "passes=", 7) == 0) {
            if (!number(a + 7, 0, &passes))
                return bad(a);
        } else if (strncmp(a, "fork=", 5) == 0) {
            if (!number(a + 5, 0, &forks))
                return bad(a);
        } else if (strncmp(a, "seed=", 5) == 0) {
            if (!number(a + 5, 0, &s))
                return bad(a);
            seed = (uint64_t)s;
        } else if (strcmp(a, "write") == 0) {
            write = 1;
        } else if (strcmp(a, "pattern=seq") == 0) {
            pattern = SEQ;
        } else if (strcmp(a, "pattern=loop") == 0) {
            pattern = LOOP;
        } else if (strcmp(a, "pattern=random") == 0) {
            pattern = RANDOM;
        } else if (strncmp(a, "pattern=hot:", 12) == 0) {
            if (!number(a + 12, 1, &hot))
                return bad(a);
            pattern = HOT;
        } else {
            return bad(a);
        }
    }
    if (pattern == HOT && hot > npages)
        hot = npages;

    char *raw = malloc((size_t)npages * PAGE + PAGE);
    if (raw == NULL) {
        fprintf(stderr, "memtouch: out of memory\n");
        return 1;
    }
    mem = (uint64_t *)(((uintptr_t)raw + PAGE - 1) & ~(uintptr_t)(PAGE - 1));
    for (long p = 0; p < npages; p++)
        for (long w = 0; w < WORDS; w++)
            mem[p * WORDS + w] = (uint64_t)p * 2654435761u + (uint64_t)w;

    uint64_t rng = seed;
    for (long pass = 0; pass < passes; pass++) {
        switch (pattern) {
        case SEQ:
            for (long p = 0; p < npages; p++)
                for (long w = 0; w < WORDS; w++)
                    touch(p, w, write);
            break;
        case LOOP:
            for (long p = 0; p < npages; p++)
                touch(p, 0, write);
            break;
        case RANDOM:
            for (long t = 0; t < npages; t++)
                touch((long)(lcg(&rng) % (uint64_t)npages), 0, write);
            break;
        case HOT:
            for (long t = 0; t < npages; t++) {
                uint64_t r = lcg(&rng);
                long p = (r % 10 < 9) ? (long)((r / 10) % (uint64_t)hot)
                                      : (long)((r / 10) % (uint64_t)npages);
                touch(p, 0, write);
            }
            break;
        }
    }

    fflush(stdout);
    for (long c = 0; c < forks; c++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("memtouch: fork");
            return 1;
        }
        if (pid == 0) {
            uint32_t h = 0;
            for (long p = 0; p < npages; p++)
                h = h * 31 + (uint32_t)mem[p * WORDS];
            for (long p = c % npages; p < npages; p += 1 + npages / 4)
                mem[p * WORDS] += (uint64_t)c + 1;
            for (long p = 0; p < npages; p++)
                h = h * 31 + (uint32_t)mem[p * WORDS];
            _exit((int)(h % 251));
        }
        int status;
        if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
            fprintf(stderr, "memtouch: child %ld failed\n", c);
            return 1;
        }
        fold((uint64_t)WEXITSTATUS(status));
    }
    if (forks > 0)
        for (long p = 0; p < npages; p++)
            fold(mem[p * WORDS]);

    printf("memtouch: pages %ld passes %ld checksum %08lx\n", npages, passes, (unsigned long)sum);
    return 0;
}
