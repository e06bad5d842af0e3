/* pathfinder: priority inversion as on Mars Pathfinder (1997), and its fix.
 * Three real-time threads share one "bus" (a pthread mutex):
 *   high   (SCHED_FIFO 30) sleeps 1 ms, then wants the bus briefly;
 *   medium (SCHED_FIFO 20) sleeps 1.2 ms, then computes for a long time
 *          without the bus (the meteorological task);
 *   low    (SCHED_FIFO 10) takes the bus at once and holds it for a
 *          critical section of a few ms.
 * With a plain mutex (`pathfinder`, or `pathfinder plain`) high blocks on
 * the bus low holds, medium preempts low, and high waits for medium: the
 * inversion. With `pathfinder pi` the mutex is PTHREAD_PRIO_INHERIT: high's
 * wait lends low its priority, medium cannot preempt low, low finishes its
 * critical section and high gets the bus at once.
 * Each thread names itself (PR_SET_NAME), so reports show high, medium, low.
 * main (SCHED_FIFO 40) first times the critical section alone, then
 * creates the threads (PTHREAD_EXPLICIT_SCHED) and joins them. It prints
 * how long high waited, how long the critical section and medium's work
 * take, whether high waited for medium (inversion), and whether high met
 * its deadline (twice the critical section). Run it on one CPU under a
 * priority scheduler (osbox: the `priority` policy; Linux: root and
 * `taskset 1`). Exit status 0; 2 when a real-time priority is refused. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CS_ITERS 300000L        /* low's critical section */
#define MEDIUM_ITERS 1500000L   /* medium's work: five critical sections */

static pthread_mutex_t bus;
static long cs_us, medium_us, high_wait_us;

static long now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000L + t.tv_nsec / 1000;
}

static void work(long iterations)
{
    for (volatile long i = 0; i < iterations; i++)
        ;
}

static void sleep_us(long us)
{
    struct timespec t = { us / 1000000, (us % 1000000) * 1000 };
    nanosleep(&t, NULL);
}

static void *high(void *arg)
{
    (void) arg;
    pthread_setname_np(pthread_self(), "high");
    sleep_us(1000);
    long asked = now_us();
    pthread_mutex_lock(&bus);
    high_wait_us = now_us() - asked;
    pthread_mutex_unlock(&bus);
    return NULL;
}

static void *medium(void *arg)
{
    (void) arg;
    pthread_setname_np(pthread_self(), "medium");
    sleep_us(1200);
    long start = now_us();
    work(MEDIUM_ITERS);
    medium_us = now_us() - start;
    return NULL;
}

static void *low(void *arg)
{
    (void) arg;
    pthread_setname_np(pthread_self(), "low");
    pthread_mutex_lock(&bus);
    work(CS_ITERS);
    pthread_mutex_unlock(&bus);
    return NULL;
}

/* Starts body as a SCHED_FIFO thread of the given priority; exits 2 when refused. */
static pthread_t start(void *(*body)(void *), int priority, const char *name)
{
    pthread_attr_t attr;
    struct sched_param param = { .sched_priority = priority };
    pthread_attr_init(&attr);
    pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
    pthread_attr_setschedparam(&attr, &param);
    pthread_t t;
    int err = pthread_create(&t, &attr, body, NULL);
    if (err != 0) {
        fprintf(stderr, "pathfinder: %s at SCHED_FIFO %d: %s (real-time priorities need root or RLIMIT_RTPRIO)\n",
                name, priority, strerror(err));
        exit(2);
    }
    pthread_attr_destroy(&attr);
    return t;
}

int main(int argc, char **argv)
{
    int inherit = argc > 1 && strcmp(argv[1], "pi") == 0;
    struct sched_param self = { .sched_priority = 40 };
    int err = pthread_setschedparam(pthread_self(), SCHED_FIFO, &self);
    if (err != 0) {
        fprintf(stderr, "pathfinder: main at SCHED_FIFO 40: %s (real-time priorities need root or RLIMIT_RTPRIO)\n",
                strerror(err));
        return 2;
    }
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setprotocol(&ma, inherit ? PTHREAD_PRIO_INHERIT : PTHREAD_PRIO_NONE);
    pthread_mutex_init(&bus, &ma);

    long t0 = now_us();
    work(CS_ITERS);
    cs_us = now_us() - t0;

    pthread_t h = start(high, 30, "high");
    pthread_t m = start(medium, 20, "medium");
    pthread_t l = start(low, 10, "low");
    pthread_join(h, NULL);
    pthread_join(m, NULL);
    pthread_join(l, NULL);

    long deadline = 2 * cs_us;
    printf("pathfinder: bus mutex %s\n", inherit ? "PTHREAD_PRIO_INHERIT" : "plain (PTHREAD_PRIO_NONE)");
    printf("critical section (low): %ld us\n", cs_us);
    printf("medium's work: %ld us\n", medium_us);
    printf("high waited for the bus: %ld us\n", high_wait_us);
    printf("%s\n", high_wait_us > medium_us ? "priority inversion: high waited for medium"
                                            : "no inversion: high waited only for low's critical section");
    printf("deadline (%ld us): %s\n", deadline, high_wait_us <= deadline ? "met" : "MISSED");
    return 0;
}
