/*
 * forkbomb: forks children (each just sleeps) until fork fails, then kills
 * and reaps them all and forks once more, to show the system stays usable.
 * osbox's process limit (128 by default) makes fork fail with EAGAIN.
 * argv[1] caps the number of children (default 1024): reaching the cap
 * without a failure prints so and exits 1 (no limit was hit).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "osbox.h"                   /* nanosleep */

#define MAX_CHILDREN 4096

static pid_t pids[MAX_CHILDREN];

static void sleep_forever(void)
{
    struct timespec nap = { .tv_sec = 10, .tv_nsec = 0 };
    for (;;)
        nanosleep(&nap, NULL);
}

int main(int argc, char **argv)
{
    int cap = argc > 1 ? atoi(argv[1]) : 1024;
    if (cap < 1 || cap > MAX_CHILDREN)
        cap = MAX_CHILDREN;
    printf("forkbomb: forking sleeping children until fork fails (at most %d)\n", cap);

    int n = 0, err = 0;
    while (n < cap) {
        pid_t pid = fork();
        if (pid == 0)
            sleep_forever();
        if (pid < 0) {
            err = errno;
            break;
        }
        pids[n++] = pid;
    }
    if (err != 0) {
        printf("fork failed with EAGAIN: %s\n", err == EAGAIN ? "yes" : "no");
        printf("children forked before that: more than 0: %s\n", n > 0 ? "yes" : "no");
    } else {
        printf("no fork failed within %d children\n", n);
    }

    int killed = 0;
    for (int i = 0; i < n; i++)
        kill(pids[i], SIGKILL);
    for (int i = 0; i < n; i++) {
        int status;
        if (waitpid(pids[i], &status, 0) == pids[i] && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            killed++;
    }
    printf("killed and reaped every child with SIGKILL: %s\n", killed == n ? "yes" : "no");

    /* The system is still usable: a new child runs and is reaped. */
    pid_t pid = fork();
    if (pid == 0)
        exit(42);
    int status = 0;
    int ok = pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 42;
    printf("fork after the cleanup works: %s\n", ok ? "yes" : "no");
    return err == 0 ? 1 : 0;
}
