/*
 * syncbench: futexes, thread and process switches and POSIX message
 * queues, for bench/ SyncBenchmark (docs/performance.md, "Futexes,
 * threads against processes, message queues").
 *
 *   syncbench uncontended N  N pairs of raw futex calls nobody waits on:
 *                            FUTEX_WAIT on a word that does not hold the
 *                            expected value (EAGAIN at once) and
 *                            FUTEX_WAKE with no waiter (0): the system-call
 *                            path of a lock and an unlock that found no
 *                            contention
 *   syncbench threads N      two threads of one process ping-pong N times
 *                            through a private futex word: each round trip
 *                            is two FUTEX_WAKEs, two FUTEX_WAITs that sleep
 *                            and two switches between threads
 *   syncbench processes N    the same between a parent and its child
 *                            through a shared futex word in a MAP_SHARED
 *                            page: two switches between processes
 *   syncbench mq N           a parent and its child send a 16-byte message
 *                            there and back N times over two POSIX message
 *                            queues
 *
 * Prints "N round trips" ("N pairs" for uncontended) and, on stderr, the
 * wall-clock ns per round trip (on the host, Linux's own figure). Exits 0,
 * 1 when a call fails, 2 for bad arguments. Rebuild (static glibc):
 *   riscv64-linux-gnu-gcc -static -O2 -s -o syncbench.elf syncbench.c
 * On the host:
 *   gcc -O2 -o /tmp/syncbench syncbench.c && /tmp/syncbench threads 200000
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <mqueue.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long rounds;
static int futex_flags;             /* FUTEX_PRIVATE_FLAG for threads, 0 across processes */

static long futex(atomic_int *word, int op, int value)
{
    return syscall(SYS_futex, word, op | futex_flags, value, NULL, NULL, 0);
}

/* N pairs of futex calls that find nobody: WAIT on a mismatched word, WAKE with no waiter. */
static int uncontended(void)
{
    atomic_int word = 0;
    futex_flags = FUTEX_PRIVATE_FLAG;
    for (long i = 0; i < rounds; i++) {
        if (futex(&word, FUTEX_WAIT, 1) != -1 || errno != EAGAIN)
            return 1;
        if (futex(&word, FUTEX_WAKE, 1) != 0)
            return 1;
    }
    return 0;
}

/* One side of the ping-pong: waits until *turn is mine, then hands it over and wakes the other. */
static void bounce(atomic_int *turn, int mine)
{
    for (long i = 0; i < rounds; i++) {
        while (atomic_load(turn) != mine)
            futex(turn, FUTEX_WAIT, !mine);
        atomic_store(turn, !mine);
        futex(turn, FUTEX_WAKE, 1);
    }
}

static atomic_int *shared_turn;

static void *other_thread(void *arg)
{
    (void) arg;
    bounce(shared_turn, 1);
    return NULL;
}

/* Two threads (or, with processes set, two processes) ping-pong through one futex word. */
static int ping_pong(int processes)
{
    shared_turn = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared_turn == MAP_FAILED)
        return 1;
    atomic_store(shared_turn, 0);
    futex_flags = processes ? 0 : FUTEX_PRIVATE_FLAG;
    if (processes) {
        pid_t child = fork();
        if (child == 0) {
            bounce(shared_turn, 1);
            _exit(0);
        }
        bounce(shared_turn, 0);
        int status;
        return waitpid(child, &status, 0) != child || status != 0;
    }
    pthread_t t;
    if (pthread_create(&t, NULL, other_thread, NULL))
        return 1;
    bounce(shared_turn, 0);
    return pthread_join(t, NULL) != 0;
}

/* A 16-byte message there and back over two POSIX queues, between a parent and its child. */
static int mq_round_trips(void)
{
    struct mq_attr attr = {0, 4, 16, 0, {0}};
    mq_unlink("/syncbench-ping");
    mq_unlink("/syncbench-pong");
    mqd_t ping = mq_open("/syncbench-ping", O_CREAT | O_RDWR, 0600, &attr);
    mqd_t pong = mq_open("/syncbench-pong", O_CREAT | O_RDWR, 0600, &attr);
    if (ping == (mqd_t) -1 || pong == (mqd_t) -1)
        return 1;
    mq_unlink("/syncbench-ping");
    mq_unlink("/syncbench-pong");
    char message[16] = "ping-pong 16 by";
    pid_t child = fork();
    if (child == 0) {
        for (long i = 0; i < rounds; i++)
            if (mq_receive(ping, message, sizeof message, NULL) != 16 || mq_send(pong, message, 16, 0))
                _exit(1);
        _exit(0);
    }
    for (long i = 0; i < rounds; i++)
        if (mq_send(ping, message, 16, 0) || mq_receive(pong, message, sizeof message, NULL) != 16)
            return 1;
    int status;
    return waitpid(child, &status, 0) != child || status != 0;
}

int main(int argc, char **argv)
{
    if (argc != 3 || (rounds = atol(argv[2])) <= 0)
        return 2;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int failed;
    if (!strcmp(argv[1], "uncontended"))
        failed = uncontended();
    else if (!strcmp(argv[1], "threads"))
        failed = ping_pong(0);
    else if (!strcmp(argv[1], "processes"))
        failed = ping_pong(1);
    else if (!strcmp(argv[1], "mq"))
        failed = mq_round_trips();
    else
        return 2;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (failed) {
        fprintf(stderr, "%s: failed\n", argv[1]);
        return 1;
    }
    double ns = (t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec);
    printf("%ld %s\n", rounds, strcmp(argv[1], "uncontended") ? "round trips" : "pairs");
    fprintf(stderr, "%s: %.0f ns per %s\n", argv[1], ns / rounds, strcmp(argv[1], "uncontended") ? "round trip" : "pair");
    return 0;
}
