/*
 * mqserver: a client and a server between two processes over POSIX
 * message queues. The client fills the request queue with messages of
 * several priorities, then forks the server, which takes them highest
 * priority first (FIFO within one) and answers each on the reply queue.
 * Then the errors and timeouts Linux gives: O_NONBLOCK (EAGAIN), an
 * absolute CLOCK_REALTIME timeout (ETIMEDOUT), EMSGSIZE, EBADF for the
 * wrong access mode, EEXIST, ENOENT, EINVAL, a signal cutting a receive
 * short (EINTR) and SA_RESTART restarting it, poll readiness, and a queue
 * that outlives its name.
 */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define REQUESTS "/osbox-mq-requests"
#define REPLIES "/osbox-mq-replies"

static const char *err(int e) {
    switch (e) {
    case EAGAIN: return "EAGAIN";
    case ETIMEDOUT: return "ETIMEDOUT";
    case EMSGSIZE: return "EMSGSIZE";
    case EBADF: return "EBADF";
    case EEXIST: return "EEXIST";
    case ENOENT: return "ENOENT";
    case EINVAL: return "EINVAL";
    case EINTR: return "EINTR";
    default: return "other";
    }
}

static void report(const char *what, int r) {
    printf("%s: %s\n", what, r < 0 ? err(errno) : "ok");
}

/* An absolute CLOCK_REALTIME time ms milliseconds from now. */
static struct timespec in_ms(long ms) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_nsec += ms * 1000000L;
    t.tv_sec += t.tv_nsec / 1000000000L;
    t.tv_nsec %= 1000000000L;
    return t;
}

/* The server: answers every request with what it got and at which priority, until "quit". */
static int serve(void) {
    mqd_t in = mq_open(REQUESTS, O_RDONLY);
    mqd_t out = mq_open(REPLIES, O_WRONLY);
    if (in == (mqd_t) -1 || out == (mqd_t) -1) {
        return 2;
    }
    char buf[64], reply[96];
    unsigned prio;
    for (;;) {
        ssize_t n = mq_receive(in, buf, sizeof buf, &prio);
        if (n < 0) {
            return 3;
        }
        buf[n] = 0;
        if (strcmp(buf, "quit") == 0) {
            return 0;
        }
        int len = snprintf(reply, sizeof reply, "got '%s' at priority %u", buf, prio);
        if (mq_send(out, reply, len, prio) < 0) {
            return 4;
        }
    }
}

static void on_alarm(int sig) {
    (void) sig;
}

/* Receives from q with a timer 10 ms away whose handler has flags; reports how the receive ended. */
static void receive_under_timer(mqd_t q, int flags, const char *what) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = flags;
    sigaction(SIGALRM, &sa, 0);
    struct itimerval t = {{0, 0}, {0, 10000}};
    setitimer(ITIMER_REAL, &t, 0);
    char buf[64];
    struct timespec deadline = in_ms(50);
    report(what, (int) mq_timedreceive(q, buf, sizeof buf, 0, &deadline));
}

int main(void) {
    mq_unlink(REQUESTS);
    mq_unlink(REPLIES);
    struct mq_attr attr = {0, 4, 64, 0, {0}};
    mqd_t requests = mq_open(REQUESTS, O_CREAT | O_EXCL | O_WRONLY, 0600, &attr);
    mqd_t replies = mq_open(REPLIES, O_CREAT | O_EXCL | O_RDONLY, 0600, &attr);
    if (requests == (mqd_t) -1 || replies == (mqd_t) -1) {
        perror("mq_open");
        return 1;
    }
    const char *words[] = {"low", "urgent", "middle", "urgent too"};
    unsigned prios[] = {1, 9, 5, 9};
    for (int i = 0; i < 4; i++) {
        mq_send(requests, words[i], strlen(words[i]), prios[i]);
    }
    struct pollfd p = {requests, POLLIN | POLLOUT, 0};
    poll(&p, 1, 0);
    printf("full queue polls: POLLIN %d POLLOUT %d\n", !!(p.revents & POLLIN), !!(p.revents & POLLOUT));
    mq_getattr(requests, &attr);
    printf("attributes: maxmsg %ld msgsize %ld curmsgs %ld\n", attr.mq_maxmsg, attr.mq_msgsize, attr.mq_curmsgs);
    struct mq_attr nonblocking = {O_NONBLOCK, 0, 0, 0, {0}};
    mq_setattr(requests, &nonblocking, 0);
    report("send to a full queue, O_NONBLOCK", mq_send(requests, "more", 4, 0));
    struct mq_attr blocking = {0, 0, 0, 0, {0}};
    mq_setattr(requests, &blocking, 0);
    struct timespec soon = in_ms(20);
    report("send to a full queue, timed", mq_timedsend(requests, "more", 4, 0, &soon));
    fflush(stdout);

    pid_t server = fork();
    if (server == 0) {
        _exit(serve());
    }
    char buf[96];
    unsigned prio;
    for (int i = 0; i < 4; i++) {
        ssize_t n = mq_receive(replies, buf, sizeof buf, &prio);
        if (n < 0) {
            report("reply", -1);
            break;
        }
        printf("reply %d (priority %u): %.*s\n", i + 1, prio, (int) n, buf);
    }
    mq_send(requests, "quit", 4, 0);
    int status;
    waitpid(server, &status, 0);
    printf("server exited with %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);

    struct timespec later = in_ms(30);
    report("receive from an empty queue, timed", (int) mq_timedreceive(replies, buf, sizeof buf, 0, &later));
    mqd_t peek = mq_open(REPLIES, O_RDONLY | O_NONBLOCK);
    report("receive from an empty queue, O_NONBLOCK", (int) mq_receive(peek, buf, sizeof buf, 0));
    report("receive into a buffer below mq_msgsize", (int) mq_receive(replies, buf, 10, 0));
    char big[65] = {0};
    report("send of 65 bytes into 64", mq_send(requests, big, sizeof big, 0));
    report("send on a read-only descriptor", mq_send(replies, "x", 1, 0));
    report("receive on a write-only descriptor", (int) mq_receive(requests, buf, sizeof buf, 0));
    report("priority 32768", mq_send(requests, "x", 1, 32768));
    report("open again with O_EXCL", mq_open(REQUESTS, O_CREAT | O_EXCL | O_RDWR, 0600, &attr));
    report("open a missing queue", mq_open("/osbox-mq-missing", O_RDONLY));
    report("open without a leading slash", mq_open("no-slash", O_RDONLY));
    struct mq_attr none = {0, 0, 64, 0, {0}};
    report("create with mq_maxmsg 0", mq_open("/osbox-mq-bad", O_CREAT | O_RDWR, 0600, &none));

    receive_under_timer(replies, 0, "receive cut short by a handled signal");
    receive_under_timer(replies, SA_RESTART, "receive under SA_RESTART");

    report("unlink", mq_unlink(REPLIES));
    report("open after unlink", mq_open(REPLIES, O_RDONLY));
    mqd_t both = mq_open(REQUESTS, O_RDWR);
    report("unlink while open", mq_unlink(REQUESTS));
    report("send on a descriptor of an unlinked queue", mq_send(both, "still here", 10, 3));
    ssize_t n = mq_receive(both, buf, sizeof buf, &prio);
    printf("received from the unlinked queue (priority %u): %.*s\n", prio, (int) (n < 0 ? 0 : n), buf);
    mq_close(both);
    mq_close(peek);
    mq_close(requests);
    mq_close(replies);
    printf("done\n");
    return 0;
}
