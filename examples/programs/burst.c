/*
 * burst: CPU and I/O-like behaviour from its arguments, for scheduling
 * experiments (examples/workloads). The arguments are steps, run in order:
 *
 *   cpu=N       a busy loop of N iterations of exactly 10 instructions
 *               (an LCG step and a xorshift, in inline assembly, so the
 *               compiler cannot change it): 10 N instructions. With osbox's
 *               default unit costs and 1 GHz clock, cpu=100000 is 1 ms of
 *               simulated CPU time.
 *   sleep=US    nanosleep for US microseconds (blocks: an I/O-like wait)
 *   yield       sched_yield()
 *   repeat=K    run the whole sequence K times (anywhere in the list; the
 *               last one counts; default 1)
 *   -q          quiet: print nothing
 *
 * N, US and K are decimal, with an optional k (x1000) or m (x1000000)
 * suffix: cpu=5m is 5 million iterations. At the end it prints one line,
 *   burst done: S steps, I cpu iterations, U us asleep, Y yields
 * (totals over every repetition) and exits 0. A bad argument prints
 * "burst: bad argument 'ARG'" on stderr and exits 2.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "osbox.h"

#define MAX_STEPS 256

enum kind { CPU, SLEEP, YIELD };

struct step {
    enum kind kind;
    long value;
};

static struct step steps[MAX_STEPS];
static volatile uint64_t sink;

/* Exactly 10 instructions per iteration; n > 0. */
static void spin(long n)
{
    uint64_t x = sink | 1, t;
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
    sink = x;
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
    if (*s == 'k' || *s == 'K') {
        v *= 1000;
        s++;
    } else if (*s == 'm' || *s == 'M') {
        v *= 1000000;
        s++;
    }
    return *s == '\0' ? v : -1;
}

static int bad(const char *arg)
{
    fprintf(stderr, "burst: bad argument '%s'\n", arg);
    return 2;
}

int main(int argc, char **argv)
{
    int n = 0, quiet = 0;
    long repeat = 1;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        long v = 0;
        if (strcmp(a, "-q") == 0) {
            quiet = 1;
            continue;
        }
        if (strncmp(a, "repeat=", 7) == 0) {
            if ((repeat = number(a + 7)) < 0)
                return bad(a);
            continue;
        }
        if (n == MAX_STEPS)
            return bad(a);
        if (strncmp(a, "cpu=", 4) == 0 && (v = number(a + 4)) >= 0) {
            steps[n].kind = CPU;
        } else if (strncmp(a, "sleep=", 6) == 0 && (v = number(a + 6)) >= 0) {
            steps[n].kind = SLEEP;
        } else if (strcmp(a, "yield") == 0) {
            steps[n].kind = YIELD;
        } else {
            return bad(a);
        }
        steps[n++].value = v;
    }

    long done = 0, iterations = 0, slept = 0, yields = 0;
    for (long r = 0; r < repeat; r++) {
        for (int i = 0; i < n; i++, done++) {
            long v = steps[i].value;
            if (steps[i].kind == CPU) {
                if (v > 0)
                    spin(v);
                iterations += v;
            } else if (steps[i].kind == SLEEP) {
                struct timespec ts = { v / 1000000, (v % 1000000) * 1000 };
                nanosleep(&ts, NULL);
                slept += v;
            } else {
                sched_yield();
                yields++;
            }
        }
    }
    if (!quiet)
        printf("burst done: %ld steps, %ld cpu iterations, %ld us asleep, %ld yields\n", done, iterations, slept,
               yields);
    return 0;
}
