/*
 * orphan: re-parenting. The program forks a child, which forks a grandchild
 * and exits at once. The grandchild waits until its parent is gone and
 * reports, through a pipe, whether it was re-parented and to which pid. The
 * program prints the report, then tries to reap the grandchild: it can when
 * it is pid 1 (as under `osbox run`), since orphans go to pid 1.
 * Under qemu-user the new parent is the host's init or a subreaper instead.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "osbox.h"                   /* nanosleep */

/* first: the child's pid, the grandchild's parent until the child exits. */
static void grandchild(pid_t first, int report)
{
    struct timespec nap = { .tv_sec = 0, .tv_nsec = 1000 * 1000 };
    for (int i = 0; i < 5000 && getppid() == first; i++)
        nanosleep(&nap, NULL);
    pid_t now = getppid();
    char msg[160];
    int len = snprintf(msg, sizeof msg,
                       "grandchild: reparented: %s\ngrandchild: getppid() = %d\n",
                       now != first ? "yes" : "no", (int)now);
    write(report, msg, (size_t)len);
    exit(0);
}

int main(void)
{
    int report[2];
    if (pipe(report) < 0) {
        perror("pipe");
        return 1;
    }
    printf("orphan: forks a child, which forks a grandchild and exits\n");

    pid_t child = fork();
    if (child == 0) {
        pid_t me = getpid();
        pid_t g = fork();
        if (g == 0) {
            close(report[0]);
            grandchild(me, report[1]);
        }
        exit(g > 0 ? 0 : 1);
    }
    close(report[1]);                /* now only the child and grandchild hold it */

    int status;
    waitpid(child, &status, 0);
    printf("child: exited %d\n", WEXITSTATUS(status));

    /* EOF once the grandchild has exited (it holds the last write end). */
    char buf[256];
    ssize_t n;
    while ((n = read(report[0], buf, sizeof buf)) > 0)
        fwrite(buf, 1, (size_t)n, stdout);

    pid_t reaped = waitpid(-1, &status, 0);
    if (reaped > 0)
        printf("orphan: reaped the grandchild, it exited %d\n", WEXITSTATUS(status));
    else
        printf("orphan: no child to reap (%s): the grandchild went to another parent\n", strerror(errno));
    return 0;
}
