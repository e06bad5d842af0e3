/*
 * ipcmake [keep]: makes a message queue (key 0x5eed, two messages, 11
 * bytes) and a set of three semaphores (key 0x5eee), prints what msgctl
 * and semctl's IPC_STAT say of them, and removes them again unless told to
 * keep them (for ipc:list to find; Debian's busybox has no ipcs or ipcrm).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>

int main(int argc, char **argv) {
    int q = msgget(0x5eed, IPC_CREAT | IPC_EXCL | 0640);
    int s = semget(0x5eee, 3, IPC_CREAT | IPC_EXCL | 0600);
    if (q < 0 || s < 0) {
        printf("ipcmake: %s\n", strerror(errno));
        return 1;
    }
    struct { long type; char text[8]; } m = {1, "hello"};
    msgsnd(q, &m, 6, 0);
    m.type = 2;
    msgsnd(q, &m, 5, 0);
    struct msqid_ds mds;
    msgctl(q, IPC_STAT, &mds);
    struct semid_ds sds;
    semctl(s, 0, IPC_STAT, &sds);
    printf("queue 0x%x: %lu messages, %lu bytes, mode %o\n", (unsigned) mds.msg_perm.__key,
           (unsigned long) mds.msg_qnum, (unsigned long) mds.__msg_cbytes, mds.msg_perm.mode);
    printf("semaphores 0x%x: %lu, mode %o\n", (unsigned) sds.sem_perm.__key, (unsigned long) sds.sem_nsems,
           sds.sem_perm.mode);
    if (argc < 2 || strcmp(argv[1], "keep") != 0) {
        msgctl(q, IPC_RMID, NULL);
        semctl(s, 0, IPC_RMID);
    }
    return 0;
}
