/* sigshared: the signal state a process's threads share, as Linux keeps it.
 * 1. A signal sent to the process (kill) while every thread blocks it waits
 *    in the process's pending set: sigpending shows it in every thread, and
 *    the first thread that unblocks it takes it (here the worker).
 * 2. ITIMER_REAL is one timer per process: a thread arms it and ends; the
 *    main thread sees it armed and gets its SIGALRM (with sigwait).
 * The output does not depend on timing; qemu-riscv64 gives the same. */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>

static sem_t go, done;
static volatile pid_t taken_by;

static void on_usr1(int sig)
{
    (void) sig;
    taken_by = gettid();
}

static int pending(int sig)
{
    sigset_t set;
    sigpending(&set);
    return sigismember(&set, sig);
}

static void *worker(void *arg)
{
    (void) arg;
    sem_wait(&go);
    printf("worker: SIGUSR1 %s\n", pending(SIGUSR1) ? "pending (the process's)" : "not pending");
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
    printf("worker: unblocked it and %s\n", taken_by == gettid() ? "took it" : "did not take it");
    sem_post(&done);
    return NULL;
}

static void *armer(void *arg)
{
    (void) arg;
    struct itimerval t = { { 0, 0 }, { 0, 50000 } };    /* 50 ms, once */
    setitimer(ITIMER_REAL, &t, NULL);
    return NULL;
}

int main(void)
{
    struct sigaction sa = { 0 };
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t blocked;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGUSR1);
    sigaddset(&blocked, SIGALRM);
    pthread_sigmask(SIG_BLOCK, &blocked, NULL);     /* threads created now block both too */
    sem_init(&go, 0, 0);
    sem_init(&done, 0, 0);

    pthread_t w;
    pthread_create(&w, NULL, worker, NULL);
    kill(getpid(), SIGUSR1);
    printf("main: SIGUSR1 %s\n", pending(SIGUSR1) ? "pending (the process's)" : "not pending");
    sem_post(&go);
    sem_wait(&done);
    pthread_join(w, NULL);
    printf("main: SIGUSR1 %s\n", pending(SIGUSR1) ? "still pending" : "no longer pending");

    pthread_t a;
    pthread_create(&a, NULL, armer, NULL);
    pthread_join(a, NULL);
    struct itimerval now;
    getitimer(ITIMER_REAL, &now);
    printf("main: the timer its ended thread armed is %s\n",
           now.it_value.tv_sec > 0 || now.it_value.tv_usec > 0 ? "armed" : "not armed");
    sigset_t alrm;
    sigemptyset(&alrm);
    sigaddset(&alrm, SIGALRM);
    int sig = 0;
    sigwait(&alrm, &sig);
    printf("main: got %s\n", sig == SIGALRM ? "SIGALRM" : "another signal");
    return 0;
}
