/* epolloop: an epoll event loop over a pipe, a socketpair and an eventfd
 * (epoll(7)). Level-triggered entries are reported until drained, in the
 * order their files woke; EPOLLET once per new event; EPOLLONESHOT once
 * until EPOLL_CTL_MOD; EPOLLHUP and EPOLLRDHUP; an instance inside another;
 * a wait that sleeps until a child writes, and one that times out; the
 * errors of epoll_ctl and epoll_pwait. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *names[] = {"pipe", "socket", "eventfd", "pipe-out", "inner"};

static void show(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static void bits(uint32_t e)
{
    static const struct { uint32_t bit; const char *name; } all[] = {
        {EPOLLIN, "IN"}, {EPOLLOUT, "OUT"}, {EPOLLERR, "ERR"}, {EPOLLHUP, "HUP"}, {EPOLLRDHUP, "RDHUP"}};
    const char *sep = "";
    for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++)
        if (e & all[i].bit) {
            printf("%s%s", sep, all[i].name);
            sep = "|";
        }
}

/* One wait: prints what came, in order. */
static int wait_once(int ep, const char *label, int timeout)
{
    struct epoll_event ev[8];
    int n = epoll_wait(ep, ev, 8, timeout);
    printf("%s:", label);
    if (n < 0)
        printf(" -1 %s", strerror(errno));
    if (n == 0)
        printf(" nothing");
    for (int i = 0; i < n; i++) {
        printf(" %s=", names[ev[i].data.u32]);
        bits(ev[i].events);
    }
    printf("\n");
    return n;
}

static void add(int ep, int fd, uint32_t events, int name)
{
    struct epoll_event ev = {.events = events, .data.u64 = (uint64_t)name};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0)
        printf("add %s: %s\n", names[name], strerror(errno));
}

static void mod(int ep, int fd, uint32_t events, int name)
{
    struct epoll_event ev = {.events = events, .data.u64 = (uint64_t)name};
    show("mod", epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev));
}

int main(void)
{
    int p[2], sv[2];
    char buf[64];
    uint64_t one = 1;
    pipe(p);
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    int efd = eventfd(0, 0);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    printf("epoll_create1: FD_CLOEXEC %d\n", fcntl(ep, F_GETFD));
    add(ep, p[0], EPOLLIN, 0);
    add(ep, sv[0], EPOLLIN | EPOLLRDHUP, 1);
    add(ep, efd, EPOLLIN, 2);
    wait_once(ep, "empty", 0);

    write(sv[1], "s", 1);
    write(p[1], "p", 1);
    write(efd, &one, 8);
    wait_once(ep, "after three writes", 0);
    wait_once(ep, "level-triggered, again", 0);
    read(sv[0], buf, sizeof buf);
    wait_once(ep, "socket drained", 0);

    mod(ep, p[0], EPOLLIN | EPOLLET, 0);
    mod(ep, efd, EPOLLIN | EPOLLONESHOT, 2);
    wait_once(ep, "after mod", 0);
    wait_once(ep, "edge and one-shot reported", 0);
    write(p[1], "q", 1);
    write(efd, &one, 8);
    wait_once(ep, "new bytes in the pipe, new count", 0);
    mod(ep, efd, EPOLLIN, 2);
    wait_once(ep, "one-shot re-armed", 0);
    read(efd, &one, 8);
    read(p[0], buf, sizeof buf);
    wait_once(ep, "all drained", 0);

    add(ep, p[1], EPOLLOUT, 3);
    wait_once(ep, "write end", 0);
    struct epoll_event del = {0};
    show("del write end", epoll_ctl(ep, EPOLL_CTL_DEL, p[1], &del));
    close(p[1]);
    wait_once(ep, "pipe writer closed", 0);
    shutdown(sv[1], SHUT_WR);
    wait_once(ep, "socket peer SHUT_WR", 0);
    show("del pipe", epoll_ctl(ep, EPOLL_CTL_DEL, p[0], &del));
    show("del socket", epoll_ctl(ep, EPOLL_CTL_DEL, sv[0], &del));
    close(sv[0]);
    close(sv[1]);

    /* an instance inside another, and a wait that sleeps until a child writes */
    int outer = epoll_create1(0);
    add(outer, ep, EPOLLIN, 4);
    wait_once(outer, "outer, inner empty", 0);
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    add(ep, sv[0], EPOLLIN, 1);
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        write(sv[1], "wake", 4);
        _exit(0);
    }
    wait_once(outer, "outer, asleep until the child wrote", -1);
    wait_once(ep, "inner", -1);
    waitpid(child, NULL, 0);
    read(sv[0], buf, sizeof buf);
    wait_once(ep, "timeout 20 ms", 20);

    /* errors */
    struct epoll_event ev = {.events = EPOLLIN};
    show("add twice (EEXIST)", epoll_ctl(ep, EPOLL_CTL_ADD, sv[0], &ev));
    show("mod unknown (ENOENT)", epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
    show("add itself (EINVAL)", epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev));
    show("add outer to inner (ELOOP)", epoll_ctl(ep, EPOLL_CTL_ADD, outer, &ev));
    int dir = open("/", O_RDONLY | O_DIRECTORY);
    show("add a directory (EPERM)", epoll_ctl(ep, EPOLL_CTL_ADD, dir, &ev));
    show("bad op (EINVAL)", epoll_ctl(ep, 7, sv[0], &ev));
    show("closed fd (EBADF)", epoll_ctl(ep, EPOLL_CTL_ADD, 77, &ev));
    show("not an epoll (EINVAL)", epoll_ctl(sv[0], EPOLL_CTL_ADD, sv[1], &ev));
    show("epoll_create1 bad flag", epoll_create1(1));
    struct epoll_event out[1];
    show("wait maxevents 0", epoll_wait(ep, out, 0, 0));
    show("wait on a socket", epoll_wait(sv[0], out, 1, 0));
    sigset_t set;
    sigemptyset(&set);
    show("pwait sigsetsize 7", syscall(SYS_epoll_pwait, ep, out, 1, 0, &set, 7));
    show("pwait with a mask", epoll_pwait(ep, out, 1, 0, &set));
    write(sv[1], "x", 1);
    close(sv[0]);
    wait_once(ep, "watched socket closed", 0);
    return 0;
}
