/*
 * philosophers.c: the dining philosophers as threads (osbox issue 11).
 * Five philosophers sit at a round table; fork i lies between philosopher
 * i (its left fork) and philosopher i+1 (whose right fork it is). Each fork
 * is a priority-inheritance lock: a futex word holding its owner's tid,
 * taken with FUTEX_LOCK_PI and released with FUTEX_UNLOCK_PI when
 * contended, as glibc's PTHREAD_PRIO_INHERIT mutexes do. The raw futex
 * calls are used instead of pthread_mutex_lock because glibc turns an
 * EDEADLK from FUTEX_LOCK_PI on a normal PI mutex into an endless wait,
 * and the program wants to see it.
 *
 *   philosophers          every philosopher takes its left fork, waits at a
 *                         barrier for the others to hold theirs, then takes
 *                         its right fork: a cycle of five PI futex waits.
 *                         --deadlock report: the cycle is reported and
 *                         stays; after one simulated second main says so
 *                         and exits 1. break: the philosopher whose wait
 *                         closed the cycle gets EDEADLK, puts its left
 *                         fork down and tries again; all eat. kill: the
 *                         process is killed with SIGKILL.
 *   philosophers ordered  each takes its lower-numbered fork first (the
 *                         resource ordering that breaks circular wait):
 *                         never deadlocks; every philosopher eats 3 times.
 *
 * Output goes through write(2); the threads print nothing in the ordered
 * version, main prints the meals in order, so it is the same on any host.
 */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define N 5

static _Atomic int forks[N];           /* 0: on the table; else the owner's tid (| FUTEX_WAITERS) */
static int meals[N];
static atomic_int done;
static int ordered;
static pthread_barrier_t all_hold_left;

static void say(const char *line) {
    write(1, line, strlen(line));
}

/* Takes fork f: 0, or the errno FUTEX_LOCK_PI answered (EDEADLK when the kernel refused the wait). */
static int take(int f) {
    int tid = (int) syscall(SYS_gettid);
    int expected = 0;
    if (atomic_compare_exchange_strong(&forks[f], &expected, tid))
        return 0;
    for (;;) {
        if (syscall(SYS_futex, &forks[f], FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0) == 0)
            return 0;
        if (errno != EINTR)
            return errno;
    }
}

/* Puts fork f down: the kernel hands it to a waiter when there is one. */
static void put(int f) {
    int tid = (int) syscall(SYS_gettid);
    int expected = tid;
    if (!atomic_compare_exchange_strong(&forks[f], &expected, 0))
        syscall(SYS_futex, &forks[f], FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
}

static void *philosopher(void *arg) {
    int i = (int) (long) arg;
    int left = i, right = (i + 1) % N;
    int first = ordered && right < left ? right : left;
    int second = first == left ? right : left;
    int rounds = ordered ? 3 : 1;
    for (int r = 0; r < rounds; r++) {
        take(first);
        if (!ordered && r == 0)
            pthread_barrier_wait(&all_hold_left);
        int e;
        while ((e = take(second)) != 0) {
            char line[160];
            snprintf(line, sizeof line, "philosopher %d: fork %d: %s; puts fork %d down\n", i, second,
                     strerror(e), first);
            say(line);
            put(first);
            take(first);
        }
        meals[i]++;                    /* eat */
        put(second);
        put(first);
    }
    atomic_fetch_add(&done, 1);
    return NULL;
}

int main(int argc, char **argv) {
    ordered = argc > 1 && strcmp(argv[1], "ordered") == 0;
    pthread_barrier_init(&all_hold_left, NULL, N);
    pthread_t t[N];
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, philosopher, (void *) i);
    /* wait up to one (simulated) second for everyone to finish */
    for (int tick = 0; tick < 100 && atomic_load(&done) < N; tick++) {
        struct timespec ten_ms = {0, 10 * 1000 * 1000};
        nanosleep(&ten_ms, NULL);
    }
    char line[160];
    if (atomic_load(&done) < N) {
        snprintf(line, sizeof line, "main: %d of %d philosophers finished; the others are deadlocked\n",
                 atomic_load(&done), N);
        say(line);
        _exit(1);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(t[i], NULL);
        snprintf(line, sizeof line, "philosopher %d ate %d time%s\n", i, meals[i], meals[i] == 1 ? "" : "s");
        say(line);
    }
    say("all philosophers ate; no deadlock\n");
    return 0;
}
