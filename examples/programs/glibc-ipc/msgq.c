/*
 * msgq: a System V message-queue server and its client, two processes
 * (fork). The server answers each request (type 1) with the square of its
 * number, addressed to the client by type (the client's pid), until a
 * request of type 2 tells it to stop. Then the message types (0, > 0, < 0,
 * MSG_EXCEPT), E2BIG and MSG_NOERROR, IPC_NOWAIT, IPC_STAT, and a reader
 * blocked in msgrcv woken with EIDRM when the queue is removed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

struct msg {
    long type;
    char text[64];
};

static void check(int ok, const char *what) {
    if (!ok) {
        printf("%s: %s\n", what, strerror(errno));
        exit(1);
    }
}

static int send(int q, long type, const char *text) {
    struct msg m = {.type = type};
    snprintf(m.text, sizeof m.text, "%s", text);
    return msgsnd(q, &m, strlen(text) + 1, 0);
}

/* The server: squares until told to stop; exits with the number of requests served. */
static int serve(int q) {
    int served = 0;
    for (;;) {
        struct msg m;
        ssize_t n = msgrcv(q, &m, sizeof m.text, -2, 0);   /* requests (1) before the stop (2) */
        check(n >= 0, "server msgrcv");
        if (m.type == 2)
            return served;
        long client, x;
        sscanf(m.text, "%ld %ld", &client, &x);
        char reply[64];
        snprintf(reply, sizeof reply, "%ld", x * x);
        check(send(q, client, reply) == 0, "server msgsnd");
        served++;
    }
}

int main(void) {
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    check(q >= 0, "msgget");
    fflush(stdout);
    pid_t server = fork();
    if (server == 0)
        _exit(serve(q));
    long me = getpid() + 2;     /* reply type: above the request types 1 and 2 (pid 1 is possible) */
    for (long x = 1; x <= 5; x++) {
        char req[64];
        snprintf(req, sizeof req, "%ld %ld", me, x);
        check(send(q, 1, req) == 0, "client msgsnd");
        struct msg m;
        check(msgrcv(q, &m, sizeof m.text, me, 0) >= 0, "client msgrcv");
        printf("%ld squared is %s\n", x, m.text);
    }
    check(send(q, 2, "stop") == 0, "stop");
    int status;
    waitpid(server, &status, 0);
    printf("server served %d requests\n", WEXITSTATUS(status));

    /* types */
    send(q, 30, "thirty");
    send(q, 10, "ten");
    send(q, 20, "twenty");
    send(q, 10, "ten again");
    struct msqid_ds ds;
    check(msgctl(q, IPC_STAT, &ds) == 0, "IPC_STAT");
    printf("queued: %lu messages, %lu bytes, mode %o\n", (unsigned long) ds.msg_qnum,
           (unsigned long) ds.__msg_cbytes, ds.msg_perm.mode & 0777);
    struct msg m;
    msgrcv(q, &m, sizeof m.text, 20, 0);
    printf("type 20: %s\n", m.text);
    msgrcv(q, &m, sizeof m.text, 10, MSG_EXCEPT);
    printf("not type 10: %s\n", m.text);
    msgrcv(q, &m, sizeof m.text, -15, 0);
    printf("lowest type up to 15: %s (%ld)\n", m.text, m.type);
    printf("2-byte buffer: %zd (%s)\n", msgrcv(q, &m, 2, 0, 0), errno == E2BIG ? "E2BIG" : "?");
    ssize_t cut = msgrcv(q, &m, 3, 0, MSG_NOERROR);
    printf("MSG_NOERROR: %zd bytes, %.3s\n", cut, m.text);
    printf("empty, IPC_NOWAIT: %zd (%s)\n", msgrcv(q, &m, sizeof m.text, 0, IPC_NOWAIT),
           errno == ENOMSG ? "ENOMSG" : "?");
    printf("type 0: %zd (%s)\n", (ssize_t) send(q, 0, "x"), errno == EINVAL ? "EINVAL" : "?");

    /* a reader blocked when the queue goes */
    fflush(stdout);
    pid_t reader = fork();
    if (reader == 0) {
        ssize_t r = msgrcv(q, &m, sizeof m.text, 0, 0);
        _exit(r < 0 && errno == EIDRM ? 42 : 1);
    }
    usleep(200000);    /* the reader is blocked by then (no call tells) */
    check(msgctl(q, IPC_RMID, NULL) == 0, "IPC_RMID");
    waitpid(reader, &status, 0);
    printf("blocked reader: %s\n", WEXITSTATUS(status) == 42 ? "EIDRM" : "something else");
    printf("after IPC_RMID: %d (%s)\n", send(q, 1, "x"), errno == EINVAL ? "EINVAL" : "?");
    return 0;
}
