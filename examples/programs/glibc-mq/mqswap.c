/*
 * mqswap: messages that must survive an update of the message-queue
 * bundle. "mqswap fill N" creates /osbox-mq-swap and queues N messages of
 * five priorities, each carrying its sequence number and a checksum of its
 * payload, and exits (the queue stays, by name). "mqswap drain" takes them
 * all and checks each one's checksum, that they come highest priority
 * first and in sending order within a priority, and that the sum of the
 * checksums is what fill printed.
 */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUEUE "/osbox-mq-swap"
#define PAYLOAD 96

struct message {
    unsigned seq;
    unsigned sum;
    unsigned char payload[PAYLOAD];
};

/* FNV-1a over the payload. */
static unsigned fnv(const unsigned char *p, int n) {
    unsigned h = 2166136261u;
    for (int i = 0; i < n; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

static int fill(int n) {
    mq_unlink(QUEUE);
    struct mq_attr attr = {0, n, sizeof(struct message), 0, {0}};
    mqd_t q = mq_open(QUEUE, O_CREAT | O_EXCL | O_WRONLY, 0600, &attr);
    if (q == (mqd_t) -1) {
        perror("mq_open");
        return 1;
    }
    unsigned total = 0, x = 12345;
    for (int i = 0; i < n; i++) {
        struct message m;
        m.seq = i;
        for (int k = 0; k < PAYLOAD; k++) {
            x = x * 1103515245u + 12345u;
            m.payload[k] = (unsigned char) (x >> 16);
        }
        m.sum = fnv(m.payload, PAYLOAD);
        total += m.sum;
        if (mq_send(q, (const char *) &m, sizeof m, i % 5) < 0) {
            perror("mq_send");
            return 1;
        }
    }
    printf("filled %d messages, checksum %08x\n", n, total);
    return 0;
}

static int drain(void) {
    mqd_t q = mq_open(QUEUE, O_RDONLY | O_NONBLOCK);
    if (q == (mqd_t) -1) {
        perror("mq_open");
        return 1;
    }
    struct message m;
    unsigned prio, lastPrio = 32768, total = 0;
    int n = 0, bad = 0, disorder = 0, lastSeq = -1;
    while (mq_receive(q, (char *) &m, sizeof m, &prio) == (ssize_t) sizeof m) {
        if (fnv(m.payload, PAYLOAD) != m.sum || m.seq % 5 != prio) {
            bad++;
        }
        if (prio > lastPrio || (prio == lastPrio && (int) m.seq <= lastSeq)) {
            disorder++;
        }
        lastPrio = prio;
        lastSeq = m.seq;
        total += m.sum;
        n++;
    }
    printf("drained %d messages (%s), %d damaged, %d out of order, checksum %08x\n", n,
           errno == EAGAIN ? "then EAGAIN" : "then another error", bad, disorder, total);
    mq_close(q);
    mq_unlink(QUEUE);
    return bad || disorder;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "fill") == 0) {
        return fill(atoi(argv[2]));
    }
    if (argc == 2 && strcmp(argv[1], "drain") == 0) {
        return drain();
    }
    fprintf(stderr, "usage: mqswap fill N | mqswap drain\n");
    return 2;
}
