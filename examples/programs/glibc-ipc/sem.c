/*
 * sem: System V semaphores between processes (fork). Parent and child take
 * turns through two semaphores (ping-pong); a child blocked in semop shows
 * in GETNCNT; SEM_UNDO gives back what an exiting child held; semtimedop
 * times out with EAGAIN; a waiter wakes with EIDRM when the set goes.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

union semun { int val; struct semid_ds *buf; unsigned short *array; };

static void check(int ok, const char *what) {
    if (!ok) {
        printf("%s: %s\n", what, strerror(errno));
        exit(1);
    }
}

static int op(int set, unsigned short num, short change, short flags) {
    struct sembuf b = {num, change, flags};
    return semop(set, &b, 1);
}

int main(void) {
    int set = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    check(set >= 0, "semget");
    unsigned short init[3] = {1, 0, 2};
    check(semctl(set, 0, SETALL, (union semun) {.array = init}) == 0, "SETALL");
    fflush(stdout);

    /* ping-pong: semaphore 0 is the parent's turn, 1 the child's */
    pid_t child = fork();
    if (child == 0) {
        for (int i = 0; i < 3; i++) {
            check(op(set, 1, -1, 0) == 0, "child wait");
            printf("pong %d\n", i);
            fflush(stdout);
            check(op(set, 0, 1, 0) == 0, "child post");
        }
        _exit(0);
    }
    for (int i = 0; i < 3; i++) {
        check(op(set, 0, -1, 0) == 0, "parent wait");
        printf("ping %d\n", i);
        fflush(stdout);
        check(op(set, 1, 1, 0) == 0, "parent post");
    }
    check(op(set, 0, -1, 0) == 0, "last turn");
    waitpid(child, NULL, 0);
    printf("after ping-pong: %d %d %d\n", semctl(set, 0, GETVAL), semctl(set, 1, GETVAL), semctl(set, 2, GETVAL));

    /* a blocked decrement counts in semncnt */
    fflush(stdout);
    child = fork();
    if (child == 0)
        _exit(op(set, 1, -1, 0) == 0 ? 0 : 1);
    usleep(200000);
    printf("waiting to decrement semaphore 1: %d\n", semctl(set, 1, GETNCNT));
    check(op(set, 1, 1, 0) == 0, "release");
    int status;
    waitpid(child, &status, 0);
    printf("the waiter got it: %s\n", WEXITSTATUS(status) == 0 ? "yes" : "no");

    /* SEM_UNDO: the child takes both of semaphore 2 and exits holding them */
    fflush(stdout);
    child = fork();
    if (child == 0) {
        struct sembuf both[2] = {{2, -1, SEM_UNDO}, {2, -1, SEM_UNDO}};
        _exit(semop(set, both, 2) == 0 && semctl(set, 2, GETVAL) == 0 ? 0 : 1);
    }
    waitpid(child, &status, 0);
    printf("child held semaphore 2: %s; after its exit: %d\n", WEXITSTATUS(status) == 0 ? "yes" : "no",
           semctl(set, 2, GETVAL));

    /* all or nothing */
    struct sembuf two[2] = {{2, -1, 0}, {1, -1, IPC_NOWAIT}};
    printf("all or nothing: %d (%s), semaphore 2 still %d\n", semop(set, two, 2),
           errno == EAGAIN ? "EAGAIN" : "?", semctl(set, 2, GETVAL));

    /* a timeout */
    struct timespec t = {0, 100000000};
    struct sembuf wait1 = {1, -1, 0};
    printf("semtimedop: %d (%s)\n", semtimedop(set, &wait1, 1, &t), errno == EAGAIN ? "EAGAIN" : "?");

    struct semid_ds ds;
    check(semctl(set, 0, IPC_STAT, (union semun) {.buf = &ds}) == 0, "IPC_STAT");
    printf("IPC_STAT: %lu semaphores, mode %o\n", (unsigned long) ds.sem_nsems, ds.sem_perm.mode & 0777);
    printf("SETVAL 40000: %d (%s)\n", semctl(set, 0, SETVAL, 40000), errno == ERANGE ? "ERANGE" : "?");

    /* removal wakes a waiter */
    fflush(stdout);
    child = fork();
    if (child == 0)
        _exit(op(set, 1, -1, 0) < 0 && errno == EIDRM ? 42 : 1);
    usleep(200000);
    check(semctl(set, 0, IPC_RMID) == 0, "IPC_RMID");
    waitpid(child, &status, 0);
    printf("blocked waiter: %s\n", WEXITSTATUS(status) == 42 ? "EIDRM" : "something else");
    printf("after IPC_RMID: %d (%s)\n", semctl(set, 0, GETVAL), errno == EINVAL ? "EINVAL" : "?");
    return 0;
}
