/*
 * ioprio: ioprio_set and ioprio_get (riscv64 numbers 30 and 31, no glibc
 * wrapper) as Linux answers them, one line each: the value a thread gets
 * and keeps across fork and execve, the three "which", and the errors.
 * Usage: ioprio [EXE]: with EXE (this program's path), a forked child
 * execve's it as "ioprio child" to show the value is kept. Everything runs
 * in a new session, so the process group holds only this program's
 * processes; WHO_USER is tried by a child that became uid 54321.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define WHO_PROCESS 1
#define WHO_PGRP 2
#define WHO_USER 3
#define PRIO(cls, level) ((cls) << 13 | (level))

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld (class %ld level %ld)\n", what, r, r >> 13, r & 0x1fff);
}

static long set(int which, int who, int prio) { return syscall(SYS_ioprio_set, which, who, prio); }
static long get(int which, int who) { return syscall(SYS_ioprio_get, which, who); }

static int run(const char *exe);

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "child") == 0) {
        show("after execve", get(WHO_PROCESS, 0));
        return 0;
    }
    fflush(stdout);
    pid_t leader = fork();
    if (leader == 0) {
        setsid();
        return run(argc > 1 ? argv[1] : NULL);
    }
    int status;
    waitpid(leader, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int run(const char *exe) {
    show("set BE 3", set(WHO_PROCESS, 0, PRIO(2, 3)));
    show("get", get(WHO_PROCESS, 0));
    show("get by pid", get(WHO_PROCESS, getpid()));
    show("set IDLE", set(WHO_PROCESS, 0, PRIO(3, 0)));
    show("get", get(WHO_PROCESS, 0));
    show("set RT 1", set(WHO_PROCESS, 0, PRIO(1, 1)));
    show("get", get(WHO_PROCESS, 0));
    show("set BE 9", set(WHO_PROCESS, 0, PRIO(2, 9)));
    show("get", get(WHO_PROCESS, 0));
    show("set NONE 1", set(WHO_PROCESS, 0, PRIO(0, 1)));
    show("set class 4", set(WHO_PROCESS, 0, PRIO(4, 0)));
    show("set class 7", set(WHO_PROCESS, 0, PRIO(7, 0)));
    show("set which 0", set(0, 0, PRIO(2, 0)));
    show("set which 4", set(4, 0, PRIO(2, 0)));
    show("get which 9", get(9, 0));
    show("set no such pid", set(WHO_PROCESS, 999999, PRIO(2, 0)));
    show("get no such pid", get(WHO_PROCESS, 999999));
    /* qemu-user has a thread of its own (class NONE, nice 0: BE 4 in a group's answer): stay below it */
    show("set BE 3", set(WHO_PROCESS, 0, PRIO(2, 3)));
    show("pgrp get", get(WHO_PGRP, 0));
    show("set NONE", set(WHO_PROCESS, 0, PRIO(0, 0)));
    show("get", get(WHO_PROCESS, 0));
    show("pgrp get (from nice)", get(WHO_PGRP, 0));
    show("set pgrp BE 6", set(WHO_PGRP, 0, PRIO(2, 6)));
    show("get", get(WHO_PROCESS, 0));
    show("set pgrp BE 4", set(WHO_PGRP, getpgrp(), PRIO(2, 4)));
    show("get", get(WHO_PROCESS, 0));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        show("child inherits", get(WHO_PROCESS, 0));
        show("child sets BE 1", set(WHO_PROCESS, 0, PRIO(2, 1)));
        show("pgrp get, best of two", get(WHO_PGRP, 0));
        fflush(stdout);
        if (exe != NULL) {
            execl(exe, "ioprio", "child", (char *)0);
            printf("execl: %s\n", strerror(errno));
            return 1;
        }
        return 0;
    }
    int status;
    waitpid(child, &status, 0);
    show("parent keeps", get(WHO_PROCESS, 0));
    show("set child's (gone)", set(WHO_PROCESS, child, PRIO(2, 0)));
    fflush(stdout);
    child = fork();
    if (child == 0) {
        if (setuid(54321) != 0) { printf("setuid: %s\n", strerror(errno)); return 1; }
        show("unprivileged set RT", set(WHO_PROCESS, 0, PRIO(1, 0)));
        show("unprivileged set BE 7", set(WHO_PROCESS, 0, PRIO(2, 7)));
        show("unprivileged set parent's", set(WHO_PROCESS, getppid(), PRIO(2, 0)));
        show("unprivileged get parent's", get(WHO_PROCESS, getppid()));
        show("user get", get(WHO_USER, 0));
        show("user get of a uid with none", get(WHO_USER, 54322));
        return 0;
    }
    waitpid(child, &status, 0);
    return 0;
}
