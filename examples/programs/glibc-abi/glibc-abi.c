/*
 * glibc-abi: the process calls real programs make, through glibc, one line
 * per check, values printed only where they do not depend on the machine
 * (yes/no for times and sizes). Built with the Debian cross compiler:
 *     riscv64-linux-gnu-gcc -static -O2 -o glibc-abi.elf glibc-abi.c
 * glibc-abi.qemu.out is what qemu-riscv64 printed (run as root: the uid checks
 * need it); harness AbiProgramsTest compares osbox with it.
 * Checks: fork (clone with CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID), vfork,
 * wait4's rusage, getrusage, times, prctl, sysinfo, poll, ppoll, pselect,
 * clock_nanosleep, the uid/gid calls (root only).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile unsigned long sink;

/* Burns CPU: enough that user time shows under qemu and osbox alike. */
static void burn(unsigned long n) {
    for (unsigned long i = 0; i < n; i++) {
        sink += i * i;
    }
}

static const char *yes(int b) { return b ? "yes" : "no"; }

static void check_fork(void) {
    pid_t pid = fork();
    if (pid == 0) {
        /* glibc's fork stored our tid in the thread block (CLONE_CHILD_SETTID); gettid asks the kernel */
        _exit(gettid() == getpid() ? 7 : 1);
    }
    int status;
    pid_t got = waitpid(pid, &status, 0);
    printf("fork: waited for the child: %s, exited %d\n", yes(got == pid), WEXITSTATUS(status));
}

static void check_vfork(void) {
    pid_t pid = vfork();
    if (pid == 0) {
        _exit(5);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("vfork: child exited %d\n", WEXITSTATUS(status));
    pid = vfork();
    if (pid == 0) {
        char *argv[] = {"nothing", NULL};
        execve("/no/such/program", argv, argv + 1);
        _exit(127);
    }
    waitpid(pid, &status, 0);
    printf("vfork: failed exec then _exit %d\n", WEXITSTATUS(status));
}

static void check_rusage(void) {
    pid_t pid = fork();
    if (pid == 0) {
        char *p = malloc(1 << 20);
        memset(p, 1, 1 << 20);
        burn(20000000);
        _exit(0);
    }
    int status;
    struct rusage ru;
    memset(&ru, 0x55, sizeof ru);
    pid_t got = wait4(pid, &status, 0, &ru);
    long child_us = ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec;
    printf("wait4: reaped %s, utime > 0: %s, maxrss >= 1 MiB: %s, minflt >= 256: %s\n", yes(got == pid),
           yes(child_us > 0), yes(ru.ru_maxrss >= 1024), yes(ru.ru_minflt >= 256));
    struct rusage children;
    getrusage(RUSAGE_CHILDREN, &children);
    long all_us = children.ru_utime.tv_sec * 1000000L + children.ru_utime.tv_usec;
    printf("getrusage(RUSAGE_CHILDREN): at least that child's utime: %s\n", yes(all_us >= child_us));
    struct rusage self;
    burn(1000000);
    printf("getrusage(RUSAGE_SELF): %d, maxrss > 0: %s\n", getrusage(RUSAGE_SELF, &self), yes(self.ru_maxrss > 0));
    errno = 0;
    printf("getrusage(7): %d %s\n", getrusage(7, &self), strerror(errno));
    struct tms t;
    clock_t now = times(&t);
    printf("times: ticks since boot > 0: %s, cutime >= 0: %s\n", yes(now > 0), yes(t.tms_cutime >= 0));
}

static void check_prctl(void) {
    char name[32];
    memset(name, 'x', sizeof name);
    prctl(PR_SET_NAME, "a-rather-long-process-name", 0, 0, 0);
    prctl(PR_GET_NAME, name, 0, 0, 0);
    printf("prctl: name \"%s\" (%zu bytes)\n", name, strlen(name));
    printf("prctl: dumpable %d\n", prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
    int sig = -1;
    prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
    prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0);
    printf("prctl: pdeathsig %d\n", sig);
    printf("prctl: no_new_privs %d", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    printf(" then %d\n", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    printf("prctl: keepcaps %d\n", prctl(PR_GET_KEEPCAPS, 0, 0, 0, 0));
    errno = 0;
    printf("prctl(9999): %d %s\n", prctl(9999, 0, 0, 0, 0), strerror(errno));
    errno = 0;
    printf("prctl(PR_SET_DUMPABLE, 5): %d %s\n", prctl(PR_SET_DUMPABLE, 5, 0, 0, 0), strerror(errno));
}

static void check_sysinfo(void) {
    struct sysinfo si;
    int r = sysinfo(&si);
    printf("sysinfo: %d, totalram > 0: %s, freeram <= totalram: %s, procs >= 1: %s, mem_unit %u\n", r,
           yes(si.totalram > 0), yes(si.freeram <= si.totalram), yes(si.procs >= 1), si.mem_unit);
}

static void check_poll(void) {
    int fds[2];
    if (pipe(fds) != 0) {
        printf("pipe failed\n");
        return;
    }
    struct pollfd p[3] = {{fds[0], POLLIN, 0}, {fds[1], POLLOUT, 0}, {99, POLLIN, 0}};
    int n = poll(p, 3, 0);
    printf("poll: %d ready: read end %#x, write end %#x, fd 99 %#x\n", n, p[0].revents, p[1].revents, p[2].revents);
    n = poll(p, 1, 20);
    printf("poll: empty pipe, 20 ms: %d\n", n);
    pid_t pid = fork();
    if (pid == 0) {
        struct timespec ten = {0, 10000000};
        nanosleep(&ten, NULL);
        write(fds[1], "x", 1);
        _exit(0);
    }
    n = poll(p, 1, -1);
    printf("poll: a child's write wakes it: %d, revents %#x\n", n, p[0].revents);
    waitpid(pid, NULL, 0);
    struct timespec zero = {0, 0};
    sigset_t none;
    sigemptyset(&none);
    n = ppoll(p, 1, &zero, &none);
    printf("ppoll: %d, revents %#x\n", n, p[0].revents);
    fd_set r, w;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(fds[0], &r);
    FD_SET(fds[1], &w);
    struct timeval tv = {0, 0};
    n = select(fds[1] + 1, &r, &w, NULL, &tv);
    printf("select: %d, read end set %s, write end set %s\n", n, yes(FD_ISSET(fds[0], &r)), yes(FD_ISSET(fds[1], &w)));
    char c;
    read(fds[0], &c, 1);
    close(fds[1]);
    n = poll(p, 1, 0);
    printf("poll: writer closed: %d, revents %#x\n", n, p[0].revents);
    struct rlimit few = {64, 64};
    setrlimit(RLIMIT_NOFILE, &few);
    errno = 0;
    n = poll(p, 65, 0);
    printf("poll(65 fds over RLIMIT_NOFILE 64): %d %s\n", n, strerror(errno));
}

static void check_clock_nanosleep(void) {
    struct timespec ms = {0, 1000000};
    printf("clock_nanosleep: relative %d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, &ms, NULL));
    struct timespec at;
    clock_gettime(CLOCK_MONOTONIC, &at);
    at.tv_nsec += 2000000;
    if (at.tv_nsec >= 1000000000) {
        at.tv_sec++;
        at.tv_nsec -= 1000000000;
    }
    int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL);
    struct timespec after;
    clock_gettime(CLOCK_MONOTONIC, &after);
    printf("clock_nanosleep: absolute %d, woke at or after: %s\n", r,
           yes(after.tv_sec > at.tv_sec || (after.tv_sec == at.tv_sec && after.tv_nsec >= at.tv_nsec)));
    struct timespec past = {1, 0};
    printf("clock_nanosleep: past absolute %d\n", clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &past, NULL));
    printf("clock_nanosleep: thread clock %s\n", strerror(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &ms, NULL)));
    struct timespec bad = {0, 1000000000};
    printf("clock_nanosleep: bad nsec %s\n", strerror(clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, NULL)));
}

static void check_ids(void) {
    if (getuid() != 0) {
        printf("ids: not root, skipped\n");
        return;
    }
    pid_t pid = fork();
    if (pid == 0) {
        uid_t r, e, s;
        gid_t groups[4] = {30, 10, 20};
        printf("ids: setgroups %d", setgroups(3, groups));
        int n = getgroups(4, groups);
        printf(", getgroups %d: %u %u %u\n", n, groups[0], groups[1], groups[2]);
        printf("ids: setresuid(-1, 1000, -1) %d", setresuid(-1, 1000, -1));
        getresuid(&r, &e, &s);
        printf(" -> %u %u %u\n", r, e, s);
        errno = 0;
        printf("ids: setgroups unprivileged %d %s\n", setgroups(0, NULL), strerror(errno));
        printf("ids: seteuid(0) %d, setuid(2000) %d", seteuid(0), setuid(2000));
        getresuid(&r, &e, &s);
        printf(" -> %u %u %u\n", r, e, s);
        errno = 0;
        printf("ids: setuid(0) %d %s\n", setuid(0), strerror(errno));
        errno = 0;
        printf("ids: setgid(5) %d %s\n", setgid(5), strerror(errno));
        _exit(0);
    }
    waitpid(pid, NULL, 0);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    check_fork();
    check_vfork();
    check_rusage();
    check_prctl();
    check_sysinfo();
    check_poll();
    check_clock_nanosleep();
    check_ids();
    printf("glibc-abi: done\n");
    return 0;
}
