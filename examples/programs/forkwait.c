/*
 * forkwait: fork and wait semantics. Five children end in different ways
 * (exit 0, exit 3, exit 255, SIGTERM sent to itself, a null write); the
 * parent waits for each by pid, in order, and prints how it ended. Then:
 * getppid() in a child is the parent's pid; waitpid(-1, WNOHANG) answers 0
 * while a child still sleeps; waitpid answers ECHILD once none is left.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "osbox.h"               /* nanosleep */

enum { EXIT_0, EXIT_3, EXIT_255, SELF_SIGTERM, NULL_WRITE, KINDS };

static const char *const kind_names[KINDS] = {
    "exit(0)", "exit(3)", "exit(255)", "kill(getpid(), SIGTERM)", "write to address 0",
};

static void child(int kind)
{
    switch (kind) {
    case EXIT_0:
        exit(0);
    case EXIT_3:
        exit(3);
    case EXIT_255:
        exit(255);
    case SELF_SIGTERM:
        kill(getpid(), SIGTERM);
        exit(100);                   /* not reached */
    default:
        *(volatile int *)0 = 1;
        exit(101);                   /* not reached */
    }
}

static void print_status(const char *who, int status)
{
    if (WIFEXITED(status))
        printf("%s: exited %d\n", who, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d\n", who, WTERMSIG(status));
    else
        printf("%s: status 0x%x\n", who, status);
}

int main(void)
{
    pid_t parent = getpid();
    pid_t pids[KINDS];

    printf("forking %d children\n", KINDS);
    for (int i = 0; i < KINDS; i++) {
        pids[i] = fork();
        if (pids[i] < 0) {
            perror("fork");
            return 1;
        }
        if (pids[i] == 0)
            child(i);
    }
    for (int i = 0; i < KINDS; i++) {
        int status;
        char who[16];
        if (waitpid(pids[i], &status, 0) != pids[i]) {
            perror("waitpid");
            return 1;
        }
        snprintf(who, sizeof who, "child %d", i + 1);
        printf("child %d does %s\n", i + 1, kind_names[i]);
        print_status(who, status);
    }

    /* getppid() in the child is the parent's pid. */
    pid_t pid = fork();
    if (pid == 0) {
        printf("child 6: getppid() == parent's pid: %s\n", getppid() == parent ? "yes" : "no");
        exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    print_status("child 6", status);

    /* WNOHANG: nothing to report while the child sleeps. */
    pid = fork();
    if (pid == 0) {
        struct timespec nap = { .tv_sec = 0, .tv_nsec = 200 * 1000 * 1000 };
        nanosleep(&nap, NULL);
        exit(7);
    }
    printf("child 7 sleeps 200 ms, then exits 7\n");
    printf("waitpid(-1, WNOHANG) while it sleeps: %d\n", (int)waitpid(-1, &status, WNOHANG));
    printf("waitpid(child 7) == its pid: %s\n", waitpid(pid, &status, 0) == pid ? "yes" : "no");
    print_status("child 7", status);

    /* No children left. */
    errno = 0;
    int r = waitpid(-1, &status, 0);
    printf("waitpid(-1) with no children: %d, errno ECHILD: %s\n", r, errno == ECHILD ? "yes" : "no");
    errno = 0;
    r = waitpid(-1, &status, WNOHANG);
    printf("waitpid(-1, WNOHANG) with no children: %d, errno ECHILD: %s\n", r, errno == ECHILD ? "yes" : "no");
    return 0;
}
