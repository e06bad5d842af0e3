/*
 * ipcload: System V IPC under load, run until told to stop, so a test can
 * update or restart the IPC bundles while it runs (itests IpcHandOverIT).
 * Every message carries its sender, its sequence number and a checksum of
 * its payload; the receiver checks each and counts, per sender, what it got.
 *
 *   ipcload msgsend KEY SENDER STOPKEY  send messages of type SENDER+1 until
 *                                       the semaphore STOPKEY is set, then an
 *                                       end message with the count
 *   ipcload msgrecv KEY SENDERS         receive until every sender's end
 *                                       message came; check, report, remove
 *   ipcload seminit KEY                 a set of two: a mutex (1), a counter (0)
 *   ipcload semwork KEY WORKER STOPKEY  until stopped: take the mutex
 *                                       (SEM_UNDO), add 1 to the counter,
 *                                       give the mutex back; count rounds
 *   ipcload semcheck KEY                print both values, remove the set
 *   ipcload stop STOPKEY                set the stop semaphore
 *   ipcload mqsend NAME SENDER STOPKEY  as msgsend, through the POSIX queue
 *                                       NAME, opened once and held throughout
 *   ipcload mqrecv NAME SENDERS         as msgrecv, through NAME; unlinks it
 *
 * Exit status 0 when every call succeeded and every check held, else 1
 * with the failed call and its errno on stdout.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>

#define PAYLOAD 100
#define MAX_SENDERS 16
#define END 0xffffffffu

struct message {
    long type;              /* System V only: the sender + 1 */
    unsigned sender;
    unsigned seq;
    unsigned sum;
    unsigned char payload[PAYLOAD];
};

#define TEXT_SIZE (sizeof(struct message) - sizeof(long))

static void check(int ok, const char *what) {
    if (!ok) {
        printf("%s: %s\n", what, strerror(errno));
        exit(1);
    }
}

/* FNV-1a over a payload. */
static unsigned fnv(const unsigned char *p, int n) {
    unsigned h = 2166136261u;
    for (int i = 0; i < n; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

static int stopSet(int key) {
    int stop = semget(key, 1, IPC_CREAT | 0600);
    check(stop >= 0, "semget stop");
    return stop;
}

static int stopped(int stop) {
    int v = semctl(stop, 0, GETVAL);
    check(v >= 0, "semctl GETVAL stop");
    return v != 0;
}

/* One transport: System V (msqid) or POSIX (mqd), for the same sender and receiver code. */
static int msqid = -1;
static mqd_t mqd = (mqd_t) -1;

static void put(struct message *m, const char *what) {
    if (mqd != (mqd_t) -1) {
        check(mq_send(mqd, (const char *) &m->sender, TEXT_SIZE, 0) == 0, what);
    } else {
        check(msgsnd(msqid, m, TEXT_SIZE, 0) == 0, what);
    }
}

static void take(struct message *m) {
    if (mqd != (mqd_t) -1) {
        unsigned prio;
        check(mq_receive(mqd, (char *) &m->sender, TEXT_SIZE, &prio) == (ssize_t) TEXT_SIZE, "mq_receive");
    } else {
        check(msgrcv(msqid, m, TEXT_SIZE, 0, 0) == (ssize_t) TEXT_SIZE, "msgrcv");
    }
}

static mqd_t mqOpen(const char *name, int flags) {
    struct mq_attr attr = {0, 10, TEXT_SIZE, 0, {0}};
    mqd_t q = mq_open(name, flags | O_CREAT, 0600, &attr);
    check(q != (mqd_t) -1, "mq_open");
    return q;
}

/* The sender's loop over the open transport. */
static int sendAll(int sender, int stopKey) {
    int stop = stopSet(stopKey);
    unsigned x = 2463534242u + sender, total = 0, n = 0;
    struct message m;
    while (n % 16 != 0 || !stopped(stop)) {
        m.type = sender + 1;
        m.sender = sender;
        m.seq = n;
        for (int k = 0; k < PAYLOAD; k++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            m.payload[k] = (unsigned char) x;
        }
        m.sum = fnv(m.payload, PAYLOAD);
        put(&m, "send");
        total += m.sum;
        n++;
    }
    memset(&m, 0, sizeof m);
    m.type = sender + 1;
    m.sender = sender;
    m.seq = END;
    m.sum = n;
    put(&m, "send end");
    printf("sender %d: sent %u messages, checksum %08x\n", sender, n, total);
    return 0;
}

/* The receiver's loop over the open transport: 0 when every check held. */
static int receiveAll(int senders) {
    unsigned next[MAX_SENDERS] = {0}, total[MAX_SENDERS] = {0}, announced[MAX_SENDERS] = {0};
    int ended = 0, damaged = 0, disorder = 0, foreign = 0;
    struct message m;
    while (ended < senders) {
        take(&m);
        int s = (int) m.sender;
        if (s < 0 || s >= senders) {
            foreign++;
            continue;
        }
        if (m.seq == END) {
            announced[s] = m.sum;
            ended++;
            continue;
        }
        if (fnv(m.payload, PAYLOAD) != m.sum) {
            damaged++;
        }
        if (m.seq != next[s]) {
            disorder++;
        }
        next[s] = m.seq + 1;
        total[s] += m.sum;
    }
    int missing = 0;
    for (int s = 0; s < senders; s++) {
        if (announced[s] != next[s]) {
            missing++;
        }
        printf("from sender %d: %u messages, checksum %08x\n", s, next[s], total[s]);
    }
    printf("received: %d damaged, %d out of order, %d senders with missing messages, %d foreign\n", damaged,
           disorder, missing, foreign);
    return damaged + disorder + missing + foreign == 0 ? 0 : 1;
}

static int msgsend(int key, int sender, int stopKey) {
    msqid = msgget(key, IPC_CREAT | 0600);
    check(msqid >= 0, "msgget");
    return sendAll(sender, stopKey);
}

static int msgrecv(int key, int senders) {
    msqid = msgget(key, IPC_CREAT | 0600);
    check(msqid >= 0, "msgget");
    int status = receiveAll(senders);
    check(msgctl(msqid, IPC_RMID, NULL) == 0, "msgctl IPC_RMID");
    return status;
}

static int mqsend(const char *name, int sender, int stopKey) {
    mqd = mqOpen(name, O_WRONLY);
    return sendAll(sender, stopKey);
}

static int mqrecv(const char *name, int senders) {
    mqd = mqOpen(name, O_RDONLY);
    int status = receiveAll(senders);
    check(mq_unlink(name) == 0, "mq_unlink");
    return status;
}

static int seminit(int key) {
    int s = semget(key, 2, IPC_CREAT | IPC_EXCL | 0600);
    check(s >= 0, "semget");
    check(semctl(s, 0, SETVAL, 1) == 0, "semctl SETVAL");
    printf("set %d ready\n", key);
    return 0;
}

static int semwork(int key, int worker, int stopKey) {
    int s = semget(key, 2, 0);
    check(s >= 0, "semget");
    int stop = stopSet(stopKey);
    struct sembuf take = {0, -1, SEM_UNDO}, add = {1, 1, 0}, give = {0, 1, SEM_UNDO};
    unsigned rounds = 0;
    volatile unsigned spin = 0;
    while (rounds % 16 != 0 || !stopped(stop)) {
        check(semop(s, &take, 1) == 0, "semop take");
        for (int i = 0; i < 2000; i++) {
            spin++;       /* hold the mutex a while: the others queue on it */
        }
        check(semop(s, &add, 1) == 0, "semop add");
        check(semop(s, &give, 1) == 0, "semop give");
        rounds++;
    }
    printf("worker %d: %u rounds\n", worker, rounds);
    return 0;
}

static int semcheck(int key) {
    int s = semget(key, 2, 0);
    check(s >= 0, "semget");
    int mutex = semctl(s, 0, GETVAL), counter = semctl(s, 1, GETVAL);
    check(mutex >= 0 && counter >= 0, "semctl GETVAL");
    printf("set %d: mutex %d, counter %d\n", key, mutex, counter);
    check(semctl(s, 0, IPC_RMID) == 0, "semctl IPC_RMID");
    return 0;
}

static int stopAll(int stopKey) {
    check(semctl(stopSet(stopKey), 0, SETVAL, 1) == 0, "semctl SETVAL stop");
    printf("stop %d set\n", stopKey);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 5 && strcmp(argv[1], "msgsend") == 0) {
        return msgsend(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
    }
    if (argc >= 4 && strcmp(argv[1], "msgrecv") == 0 && atoi(argv[3]) <= MAX_SENDERS) {
        return msgrecv(atoi(argv[2]), atoi(argv[3]));
    }
    if (argc >= 3 && strcmp(argv[1], "seminit") == 0) {
        return seminit(atoi(argv[2]));
    }
    if (argc >= 5 && strcmp(argv[1], "semwork") == 0) {
        return semwork(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
    }
    if (argc >= 3 && strcmp(argv[1], "semcheck") == 0) {
        return semcheck(atoi(argv[2]));
    }
    if (argc >= 5 && strcmp(argv[1], "mqsend") == 0) {
        return mqsend(argv[2], atoi(argv[3]), atoi(argv[4]));
    }
    if (argc >= 4 && strcmp(argv[1], "mqrecv") == 0 && atoi(argv[3]) <= MAX_SENDERS) {
        return mqrecv(argv[2], atoi(argv[3]));
    }
    if (argc >= 3 && strcmp(argv[1], "stop") == 0) {
        return stopAll(atoi(argv[2]));
    }
    printf("usage: ipcload msgsend KEY SENDER STOPKEY | msgrecv KEY SENDERS | seminit KEY | "
            "semwork KEY WORKER STOPKEY | semcheck KEY | stop STOPKEY | mqsend NAME SENDER STOPKEY | "
            "mqrecv NAME SENDERS\n");
    return 2;
}
