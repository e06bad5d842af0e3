/*
 * mqnotify: mq_notify with SIGEV_SIGNAL. The signal comes when a message
 * arrives at the empty queue (si_code SI_MESGQ, the sender's pid and uid,
 * the registered value), once: the registration is then gone. One process
 * per queue (EBUSY); a message to a queue that is not empty tells nobody;
 * NULL removes the registration; SIGEV_NONE registers without a signal.
 * mq_getsetattr changes only O_NONBLOCK.
 */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define QUEUE "/osbox-mq-notify"

static volatile sig_atomic_t notified, code, value, sender, senderUid;

static void on_message(int sig, siginfo_t *info, void *context) {
    (void) sig;
    (void) context;
    notified++;
    code = info->si_code;
    value = info->si_value.sival_int;
    sender = info->si_pid;
    senderUid = info->si_uid;
}

static int notify_signal(mqd_t q, int sival) {
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    ev.sigev_value.sival_int = sival;
    return mq_notify(q, &ev);
}

static const char *result(int r) {
    static char other[32];
    if (r == 0) {
        return "ok";
    }
    switch (errno) {
    case EBUSY: return "EBUSY";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    default: snprintf(other, sizeof other, "errno %d", errno); return other;
    }
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_message;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigaction(SIGUSR1, &sa, 0);
    mq_unlink(QUEUE);
    struct mq_attr attr = {0, 8, 32, 0, {0}};
    mqd_t q = mq_open(QUEUE, O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    if (q == (mqd_t) -1) {
        perror("mq_open");
        return 1;
    }
    printf("register: %s\n", result(notify_signal(q, 42)));
    printf("register again: %s\n", result(notify_signal(q, 43)));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        mqd_t w = mq_open(QUEUE, O_WRONLY);
        _exit(mq_send(w, "hello", 5, 1) == 0 ? 0 : 1);
    }
    int status;
    waitpid(child, &status, 0);
    printf("child sent: %s\n", WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "yes" : "no");
    printf("notified %d time(s): si_code %s, si_value %d, si_pid is the child: %s, si_uid is ours: %s\n",
           (int) notified, code == SI_MESGQ ? "SI_MESGQ" : "other", (int) value, sender == child ? "yes" : "no",
           senderUid == (int) getuid() ? "yes" : "no");
    printf("register after it fired: %s\n", result(notify_signal(q, 44)));
    mq_send(q, "second", 6, 1);
    printf("a message to a queue that is not empty: notified %d time(s)\n", (int) notified);
    char buf[32];
    while (mq_receive(q, buf, sizeof buf, 0) >= 0 && mq_getattr(q, &attr) == 0 && attr.mq_curmsgs > 0) {
    }
    mq_send(q, "third", 5, 1);
    printf("a message to the empty queue: notified %d time(s), si_value %d, si_pid is ours: %s\n",
           (int) notified, (int) value, sender == getpid() ? "yes" : "no");
    mq_receive(q, buf, sizeof buf, 0);
    printf("remove when none is registered: %s\n", result(mq_notify(q, 0)));
    struct sigevent none;
    memset(&none, 0, sizeof none);
    none.sigev_notify = SIGEV_NONE;
    printf("register SIGEV_NONE: %s\n", result(mq_notify(q, &none)));
    printf("register SIGEV_SIGNAL over it: %s\n", result(notify_signal(q, 45)));
    mq_send(q, "fourth", 6, 1);
    printf("after a message under SIGEV_NONE: notified %d time(s)\n", (int) notified);
    mq_receive(q, buf, sizeof buf, 0);
    printf("register SIGEV_SIGNAL again: %s\n", result(notify_signal(q, 46)));
    printf("remove: %s\n", result(mq_notify(q, 0)));
    mq_send(q, "fifth", 5, 1);
    printf("after a message with none registered: notified %d time(s)\n", (int) notified);
    struct sigevent bad;
    memset(&bad, 0, sizeof bad);
    bad.sigev_notify = 77;
    printf("sigev_notify 77: %s\n", result(mq_notify(q, &bad)));
    printf("on a descriptor that is not a queue: %s\n", result(notify_signal(0, 1)));

    struct mq_attr wanted = {O_NONBLOCK, 99, 99, 99, {0}}, old;
    mq_setattr(q, &wanted, &old);
    mq_getattr(q, &attr);
    printf("setattr: old flags %ld; now flags %s, maxmsg %ld, msgsize %ld, curmsgs %ld\n", old.mq_flags,
           attr.mq_flags == O_NONBLOCK ? "O_NONBLOCK" : "other", attr.mq_maxmsg, attr.mq_msgsize, attr.mq_curmsgs);
    mq_receive(q, buf, sizeof buf, 0);
    printf("receive from the empty queue, now non-blocking: %s\n",
           mq_receive(q, buf, sizeof buf, 0) < 0 && errno == EAGAIN ? "EAGAIN" : "other");
    mq_close(q);
    mq_unlink(QUEUE);
    printf("done\n");
    return 0;
}
