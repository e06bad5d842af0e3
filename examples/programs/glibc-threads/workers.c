/* workers: CPU work spread over N threads of one process or over N
 * processes, for the scheduling workloads of examples/workloads
 * (threads-*.yaml). Arguments, in any order:
 *   threads=N   N threads (pthread_create), joined (default 4)
 *   procs=N     N child processes (fork) instead, waited for
 *   cpu=N       each worker runs N iterations of exactly 10 instructions
 *               (cpu=100k is 1 ms at osbox's 1 GHz; default 100k)
 *   sleep=US    then sleeps US microseconds (an I/O-like wait; default 0)
 *   repeat=K    does both K times (default 1)
 *   -q          quiet
 * N, US and K take a k or m suffix. Prints
 * "workers: N threads|processes x K x (cpu=N sleep=US): checksum X" and
 * exits 0; a bad argument exits 2. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_WORKERS 64

static long cpu = 100000, sleep_us, repeat = 1;
static uint64_t results[MAX_WORKERS];

/* Exactly 10 instructions per iteration (as burst.c); n > 0. Returns the mixed state. */
static uint64_t spin(uint64_t x, long n)
{
    uint64_t t;
    uint64_t a = 6364136223846793005ULL, c = 1442695040888963407ULL;
    __asm__ volatile(
        "1:\n\t"
        "mul  %0, %0, %3\n\t"
        "add  %0, %0, %4\n\t"
        "srli %1, %0, 29\n\t"
        "xor  %0, %0, %1\n\t"
        "slli %1, %0, 7\n\t"
        "xor  %0, %0, %1\n\t"
        "srli %1, %0, 11\n\t"
        "xor  %0, %0, %1\n\t"
        "addi %2, %2, -1\n\t"
        "bnez %2, 1b\n\t"
        : "+r"(x), "=&r"(t), "+r"(n)
        : "r"(a), "r"(c));
    return x;
}

/* One worker's whole job: repeat x (cpu, sleep), seeded by its index. */
static uint64_t work(int index)
{
    uint64_t x = (uint64_t) index * 2 + 1;
    for (long r = 0; r < repeat; r++) {
        if (cpu > 0)
            x = spin(x, cpu);
        if (sleep_us > 0) {
            struct timespec ts = {sleep_us / 1000000, (sleep_us % 1000000) * 1000};
            nanosleep(&ts, NULL);
        }
    }
    return x;
}

static void *thread_main(void *arg)
{
    int index = (int) (intptr_t) arg;
    results[index] = work(index);
    return NULL;
}

/* Parses a non-negative decimal with an optional k or m suffix; -1 when malformed. */
static long number(const char *s)
{
    long v = 0;
    if (*s < '0' || *s > '9')
        return -1;
    while (*s >= '0' && *s <= '9') {
        if (v > 100000000000L)
            return -1;
        v = v * 10 + (*s++ - '0');
    }
    if (*s == 'k')
        v *= 1000, s++;
    else if (*s == 'm')
        v *= 1000000, s++;
    return *s ? -1 : v;
}

int main(int argc, char **argv)
{
    long threads = 4, procs = 0;
    int quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        long *target = NULL;
        const char *value = NULL;
        static const struct { const char *prefix; long *target; } options[] = {
            {"threads=", NULL}, {"procs=", NULL}, {"cpu=", &cpu}, {"sleep=", &sleep_us}, {"repeat=", &repeat},
        };
        if (strcmp(a, "-q") == 0) {
            quiet = 1;
            continue;
        }
        for (unsigned o = 0; o < sizeof options / sizeof options[0]; o++)
            if (strncmp(a, options[o].prefix, strlen(options[o].prefix)) == 0) {
                value = a + strlen(options[o].prefix);
                target = o == 0 ? &threads : o == 1 ? &procs : options[o].target;
            }
        long v = value ? number(value) : -1;
        if (v < 0) {
            fprintf(stderr, "workers: bad argument '%s' (threads=N procs=N cpu=N sleep=US repeat=K -q)\n", a);
            return 2;
        }
        *target = v;
        if (target == &procs)
            threads = 0;
        else if (target == &threads)
            procs = 0;
    }
    long n = procs ? procs : threads;
    if (n < 1 || n > MAX_WORKERS) {
        fprintf(stderr, "workers: between 1 and %d workers, not %ld\n", MAX_WORKERS, n);
        return 2;
    }
    uint64_t checksum = 0;
    if (procs) {
        for (int i = 0; i < n; i++)
            if (fork() == 0)
                _exit((int) (work(i) & 0xff));
        for (int i = 0; i < n; i++) {
            int status;
            if (wait(&status) < 0 || !WIFEXITED(status))
                return 1;
            checksum += (uint64_t) WEXITSTATUS(status);
        }
    } else {
        pthread_t t[MAX_WORKERS];
        for (int i = 0; i < n; i++)
            pthread_create(&t[i], NULL, thread_main, (void *) (intptr_t) i);
        for (int i = 0; i < n; i++) {
            pthread_join(t[i], NULL);
            checksum += results[i] & 0xff;
        }
    }
    if (!quiet)
        printf("workers: %ld %s x %ld x (cpu=%ld sleep=%ld): checksum %llu\n", n, procs ? "processes" : "threads",
               repeat, cpu, sleep_us, (unsigned long long) checksum);
    return 0;
}
