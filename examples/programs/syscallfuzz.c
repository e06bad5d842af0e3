/*
 * syscallfuzz: a system-call fuzzer. A forked child makes random system
 * calls (numbers 0..470) with hostile arguments; the parent watches it,
 * forks a new child whenever one dies or hangs, and reports. The kernel
 * must answer every call (usually with an errno) and never break: the
 * harness's SyscallFuzzTest checks that no call threw inside the kernel,
 * that every frame is free again afterwards, and that the kernel still
 * runs programs.
 *
 *   syscallfuzz [calls=N] [seed=S]     N calls in all (default 20000), seed S (default 1)
 *
 * osbox only: under qemu-user the calls would be made on the host.
 *
 * Arguments come from pools: small integers and descriptors, -1, the
 * integer limits, huge sizes (2^31, 2^40, 2^62, 2^64-1), random bits and
 * flags; pointers that are NULL, -1, kernel-looking (0xffffffc000000000,
 * 0xffffffff80000000), non-canonical (2^63, 2^47), just above the Sv39
 * user half (2^38), unmapped, into the program's read-only text,
 * misaligned, at the end of a buffer, or valid (a scratch buffer of random
 * or zero bytes, a MAP_SHARED page, a few path strings). Each buffer lies
 * between PROT_NONE guard pages, and the page of counts is never an
 * argument, so no call can reach the fuzzer's own state. The numbers that would end the
 * child on purpose or reach outside it are skipped: exit, exit_group,
 * the kill family, reboot, ptrace, process_vm_writev; prlimit64's pid is
 * forced to 0 (the caller). A clone (or clone3) that returns 0 in a new
 * process exits that process at once, in the ecall's own assembly (its
 * stack may be any pointer).
 *
 * The child counts its calls and their answers in a MAP_SHARED page. The
 * parent polls every simulated millisecond (nanosleep): a child that made
 * no call for three polls is blocked in one (ppoll, futex, rt_sigsuspend,
 * ...) and is killed with SIGKILL. The seed and the simulated machine make
 * a run reproducible. Output, all from the parent: the calls, the children
 * and how each ended (exited, killed by which signal, stalled in which
 * call), and the answers by errno; exit 0, or 1 if a fork failed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "osbox.h"

#define MAX_NR       470
#define SCRATCH      16384
#define PAGE         4096
#define POLL_NS      1000000   /* the watchdog's period: 1 ms of simulated time */
#define STALL_POLLS  3         /* polls without a call before a child is killed */
#define ERRNOS       134

#define MAP_SHARED            0x01
#define SYS_REBOOT            142
#define SYS_PTRACE            117
#define OSBOX_SYS_MPROTECT    226
#define SYS_TKILL             130
#define SYS_TGKILL            131
#define SYS_RT_SIGQUEUEINFO   138
#define SYS_RT_TGSIGQUEUEINFO 240
#define SYS_PRLIMIT64         261
#define SYS_PROCESS_VM_WRITEV 271
#define SYS_PIDFD_SEND_SIGNAL 424
#define SYS_CLONE3            435

/* What parent and child share: the calls made and how they were answered. */
struct tally {
    volatile uint64_t calls;          /* calls started, over all children */
    volatile uint64_t last;           /* the number of the call in flight */
    volatile uint64_t ok;             /* answers >= 0 */
    volatile uint64_t err[ERRNOS];    /* answers -1..-(ERRNOS-1); err[0]: below that */
};

static struct tally *tally;
static unsigned char *target;
static uint64_t quota;
static uint64_t rng;
static unsigned char *scratch;
static const char *const paths[] = { "/", ".", "", "/host", "/proc/self/exe", "/nonexistent", "//../." };

/* xorshift64*: the child's numbers, from its seed. */
static uint64_t next(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545F4914F6CDD1DULL;
}

static uint64_t below(uint64_t n)
{
    return next() % n;
}

/* An integer argument: small values, descriptors, limits, sizes, bits. */
static long integer(void)
{
    static const uint64_t pool[] = {
        0, 1, 2, 3, 4, 5, 8, 16, 64, 4095, 4096, 4097, (uint64_t)-1, (uint64_t)-2,
        0x7fffffff, 0x80000000, 0xffffffff, 1ULL << 32, 1ULL << 40, 1ULL << 62,
        INT64_MAX, (uint64_t)INT64_MIN,
    };
    switch (below(6)) {
    case 0: return (long)below(8);                             /* descriptors, small enums */
    case 1: return (long)pool[below(sizeof pool / sizeof pool[0])];
    case 2: return (long)next();                               /* any 64 bits */
    case 3: return (long)(uint32_t)next();                     /* any 32 bits */
    case 4: return (long)((1UL << below(32)) | (1UL << below(32))); /* flags */
    default: return (long)below(1024);
    }
}

/* A pointer argument: hostile most of the time, valid sometimes. */
static long pointer(void)
{
    switch (below(16)) {
    case 0: return 0;
    case 1: return -1;
    case 2: return (long)(0xffffffc000000000UL + (next() & 0xfffff000UL));
    case 3: return (long)0xffffffff80000000UL;
    case 4: return (long)(below(2) ? 0x8000000000000000UL : 0x0000800000000000UL);
    case 5: return (long)(1UL << 38) - (long)below(2) * PAGE;  /* the top of the user half, and just below */
    case 6: return (long)(0x10000000UL + below(1024) * PAGE);  /* nothing mapped there */
    case 7: return (long)(uintptr_t)&next;                     /* read-only text */
    case 8: return (long)(uintptr_t)(scratch + 1 + 2 * below(8)); /* misaligned */
    case 9: return (long)(uintptr_t)(scratch + SCRATCH - 1 - below(16)); /* the end of the buffer */
    case 10: return (long)(uintptr_t)paths[below(sizeof paths / sizeof paths[0])];
    case 11: return (long)(uintptr_t)target;                   /* a MAP_SHARED page (not the tally) */
    default: return (long)(uintptr_t)(scratch + (below(SCRATCH / 8) * 8)); /* valid, aligned */
    }
}

static long argument(void)
{
    return below(2) ? pointer() : integer();
}

/* The calls the child never makes: they would end it on purpose or reach outside it. */
static int skipped(long nr)
{
    switch (nr) {
    case OSBOX_SYS_EXIT: case OSBOX_SYS_EXIT_GROUP: case OSBOX_SYS_KILL: case SYS_TKILL: case SYS_TGKILL:
    case SYS_RT_SIGQUEUEINFO: case SYS_RT_TGSIGQUEUEINFO: case SYS_PIDFD_SEND_SIGNAL: case SYS_REBOOT:
    case SYS_PTRACE: case SYS_PROCESS_VM_WRITEV:
        return 1;
    default:
        return 0;
    }
}

/*
 * One raw call. When a clone or clone3 returns 0 the new process (or
 * thread, on whatever stack it was given) exits at once, before it
 * touches memory.
 */
static long fuzz_call(long nr, long a, long b, long c, long d, long e, long f)
{
    register long a7 __asm__("a7") = nr;
    register long a0 __asm__("a0") = a;
    register long a1 __asm__("a1") = b;
    register long a2 __asm__("a2") = c;
    register long a3 __asm__("a3") = d;
    register long a4 __asm__("a4") = e;
    register long a5 __asm__("a5") = f;
    __asm__ volatile ("ecall\n"
                      "bnez a0, 1f\n"
                      "li t0, %[clone]\n"
                      "beq a7, t0, 2f\n"
                      "li t0, %[clone3]\n"
                      "bne a7, t0, 1f\n"
                      "2: li a7, %[exit]\n"
                      "ecall\n"
                      "1:\n"
                      : "+r"(a0)
                      : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5),
                        [clone] "i"(OSBOX_SYS_CLONE), [clone3] "i"(SYS_CLONE3), [exit] "i"(OSBOX_SYS_EXIT)
                      : "t0", "memory");
    return a0;
}

/* Fresh scratch contents: random bytes or zeros (zeroed structs reach further). */
static void refill(void)
{
    if (below(2)) {
        memset(scratch, 0, SCRATCH);
        return;
    }
    for (size_t i = 0; i < SCRATCH; i += 8) {
        uint64_t v = next();
        memcpy(scratch + i, &v, 8);
    }
}

/* The child: no console (its 0..2 become pipes), then calls until the quota is reached. */
static void __attribute__((noreturn)) child(uint64_t seed)
{
    int fds[2];
    rng = seed | 1;
    for (int fd = 0; fd < 3; fd++)
        osbox_close(fd);
    osbox_pipe2(fds, OSBOX_O_NONBLOCK);
    osbox_pipe2(fds, OSBOX_O_NONBLOCK);
    for (uint64_t k = 0;; k++) {
        if (tally->calls >= quota)
            osbox_exit(0);
        if (k % 64 == 0)
            refill();
        long nr = (long)below(MAX_NR + 1);
        if (skipped(nr))
            continue;
        long a[6];
        for (int i = 0; i < 6; i++)
            a[i] = argument();
        if (nr == SYS_PRLIMIT64)
            a[0] = 0;
        tally->last = (uint64_t)nr;
        tally->calls++;
        long r = fuzz_call(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
        if (r >= 0)
            tally->ok++;
        else if (-r < ERRNOS)
            tally->err[-r]++;
        else
            tally->err[0]++;
    }
}

/* How the children ended. */
static uint64_t children, exited, stalled, signalled[65], stalled_in[MAX_NR + 1];

/* Reaps every child that has ended (its own, and any a clone left); true if `pid` was one. */
static int reap(long pid)
{
    int found = 0, status;
    long r;
    while ((r = osbox_wait4(-1, &status, OSBOX_WNOHANG, 0)) > 0) {
        if (r != pid)
            continue;
        found = 1;
        if ((status & 0x7f) == 0)
            exited++;
        else
            signalled[(status & 0x7f) <= 64 ? (status & 0x7f) : 0]++;
    }
    return found;
}

static const char *errno_name(int e)
{
    switch (e) {
    case 1: return "EPERM";
    case 2: return "ENOENT";
    case 3: return "ESRCH";
    case 9: return "EBADF";
    case 10: return "ECHILD";
    case 11: return "EAGAIN";
    case 12: return "ENOMEM";
    case 13: return "EACCES";
    case 14: return "EFAULT";
    case 17: return "EEXIST";
    case 20: return "ENOTDIR";
    case 21: return "EISDIR";
    case 22: return "EINVAL";
    case 25: return "ENOTTY";
    case 29: return "ESPIPE";
    case 30: return "EROFS";
    case 38: return "ENOSYS";
    default: return NULL;
    }
}

static void report(uint64_t seed)
{
    printf("syscallfuzz: seed %llu: %llu calls in %llu children\n", (unsigned long long)seed,
           (unsigned long long)tally->calls, (unsigned long long)children);
    printf("syscallfuzz: children: %llu exited, %llu stalled in a call (killed with SIGKILL)",
           (unsigned long long)exited, (unsigned long long)stalled);
    for (int s = 0; s <= 64; s++) {
        uint64_t n = s == OSBOX_SIGKILL ? signalled[s] - stalled : signalled[s];
        if (n)
            printf(", %llu killed by signal %d", (unsigned long long)n, s);
    }
    printf("\n");
    if (stalled) {
        printf("syscallfuzz: stalled in:");
        for (int nr = 0; nr <= MAX_NR; nr++)
            if (stalled_in[nr])
                printf(" %d x %llu", nr, (unsigned long long)stalled_in[nr]);
        printf("\n");
    }
    printf("syscallfuzz: answers: ok %llu", (unsigned long long)tally->ok);
    uint64_t other = tally->err[0];
    for (int e = 1; e < ERRNOS; e++) {
        if (!tally->err[e])
            continue;
        if (errno_name(e))
            printf(", %s %llu", errno_name(e), (unsigned long long)tally->err[e]);
        else
            other += tally->err[e];
    }
    printf(", other errors %llu\n", (unsigned long long)other);
}

/*
 * Maps `len` bytes (a multiple of PAGE) between two PROT_NONE guard
 * pages, so that a call writing past either end faults (EFAULT) instead of
 * reaching the program's own variables or the next mapping; `flags`
 * MAP_PRIVATE or MAP_SHARED. Exits 1 when the kernel refuses.
 */
static unsigned char *guarded(size_t len, int flags)
{
    long base = osbox_mmap(0, len + 2 * PAGE, OSBOX_PROT_READ | OSBOX_PROT_WRITE, flags | OSBOX_MAP_ANONYMOUS, -1, 0);
    if (base < 0 && base > -4096) {
        printf("syscallfuzz: mmap of %lu bytes: %ld\n", (unsigned long)len, base);
        exit(1);
    }
    if (osbox_syscall3(OSBOX_SYS_MPROTECT, base, PAGE, 0) != 0
        || osbox_syscall3(OSBOX_SYS_MPROTECT, base + PAGE + (long)len, PAGE, 0) != 0) {
        printf("syscallfuzz: mprotect of a guard page failed\n");
        exit(1);
    }
    return (unsigned char *)(base + PAGE);
}

/* Parses key=value numbers; exits 2 on anything else. */
static uint64_t option(const char *arg, const char *key, uint64_t value)
{
    size_t n = strlen(key);
    if (strncmp(arg, key, n) != 0 || arg[n] != '=')
        return value;
    char *end;
    unsigned long long v = strtoull(arg + n + 1, &end, 10);
    if (*end != '\0' || end == arg + n + 1) {
        fprintf(stderr, "syscallfuzz: %s: not a number\n", arg);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    quota = 20000;
    if (argc < 1)
        return 0; /* an execve from a child with no argv: not a fuzzer of its own */
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "calls=", 6) != 0 && strncmp(argv[i], "seed=", 5) != 0) {
            fprintf(stderr, "usage: syscallfuzz [calls=N] [seed=S]\n");
            return 2;
        }
        quota = option(argv[i], "calls", quota);
        seed = option(argv[i], "seed", seed);
    }
    tally = (struct tally *)guarded(PAGE, MAP_SHARED);
    target = guarded(PAGE, MAP_SHARED);
    scratch = guarded(SCRATCH, OSBOX_MAP_PRIVATE);
    fflush(stdout);
    while (tally->calls < quota) {
        long pid = osbox_fork();
        if (pid == 0)
            child(seed * 0x9E3779B97F4A7C15ULL + children);
        if (pid < 0) {
            printf("syscallfuzz: fork: %ld\n", pid);
            report(seed);
            return 1;
        }
        children++;
        uint64_t seen = tally->calls;
        int quiet = 0;
        for (;;) {
            struct osbox_timespec poll = { 0, POLL_NS };
            osbox_nanosleep(&poll, 0);
            if (reap(pid))
                break;
            if (tally->calls != seen) {
                seen = tally->calls;
                quiet = 0;
            } else if (++quiet == STALL_POLLS) {
                stalled++;
                stalled_in[tally->last <= MAX_NR ? tally->last : 0]++;
                osbox_kill(pid, OSBOX_SIGKILL);
            }
        }
    }
    /* clones that outlived their child: reaped as they end */
    while (osbox_wait4(-1, 0, 0, 0) > 0)
        ;
    report(seed);
    printf("syscallfuzz: done; still running\n");
    return 0;
}
