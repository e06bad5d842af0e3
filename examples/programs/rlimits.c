/*
 * rlimits: resource limits as osbox keeps and enforces them, through the
 * raw getrlimit (163), setrlimit (164) and prlimit64 (261) calls. Each
 * check runs in a child of its own (the limits it lowers stay there) and
 * prints one line; the program exits 0.
 *
 * With no argument: the defaults; EINVAL, EPERM and ESRCH as Linux answers
 * them to an unprivileged process; inheritance at fork; RLIMIT_NOFILE
 * (EMFILE, dup3 EBADF, F_DUPFD EINVAL), RLIMIT_NPROC (fork EAGAIN),
 * RLIMIT_AS (mmap ENOMEM), RLIMIT_STACK kept across execve and ending a
 * deep recursion with SIGSEGV (execs /host/examples/programs/rlimits.elf).
 * `cpu`: RLIMIT_CPU, SIGXCPU at the soft limit and SIGKILL at the hard one
 * (one second of simulated CPU each: a billion cycles at osbox's 1 GHz).
 * `stack` (used by the exec) prints the stack limit and recurses 512 KiB
 * deep.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "osbox.h"

#define SYS_GETRLIMIT 163
#define SYS_SETRLIMIT 164
#define SYS_PRLIMIT64 261
#define RLIMIT_CPU    0
#define RLIMIT_STACK  3
#define RLIMIT_NPROC  6
#define RLIMIT_NOFILE 7
#define RLIMIT_AS     9
#define RLIM_INFINITY (~0UL)
#define SELF "/host/examples/programs/rlimits.elf"

struct rlim {
    unsigned long cur, max;
};

static long getrl(int resource, struct rlim *l)
{
    return osbox_syscall2(SYS_GETRLIMIT, resource, (long)l);
}

static long setrl(int resource, unsigned long cur, unsigned long max)
{
    struct rlim l = { cur, max };
    return osbox_syscall2(SYS_SETRLIMIT, resource, (long)&l);
}

/* A raw answer by name: "ok", "EINVAL"... (Linux errno values). */
static const char *answer(long r)
{
    switch (r) {
    case 0: return "ok";
    case -1: return "EPERM";
    case -3: return "ESRCH";
    case -9: return "EBADF";
    case -11: return "EAGAIN";
    case -12: return "ENOMEM";
    case -14: return "EFAULT";
    case -22: return "EINVAL";
    case -24: return "EMFILE";
    default: return r > 0 ? "a value" : "another error";
    }
}

/* A limit as getrlimit shows it. */
static void show(const char *name, int resource)
{
    struct rlim l;
    if (getrl(resource, &l) != 0) {
        printf("%s: getrlimit failed\n", name);
        return;
    }
    if (l.cur == RLIM_INFINITY)
        printf("%s: soft unlimited, ", name);
    else
        printf("%s: soft %lu, ", name, l.cur);
    if (l.max == RLIM_INFINITY)
        printf("hard unlimited\n");
    else
        printf("hard %lu\n", l.max);
}

/* Runs check() in a child and prints how the child ended under `what`. */
static void in_child(const char *what, void (*check)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        check();
        exit(0);
    }
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        printf("%s: fork or wait failed\n", what);
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d\n", what, WTERMSIG(status));
    else if (WEXITSTATUS(status) != 0)
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
}

static void rules(void)
{
    printf("soft above hard: %s\n", answer(setrl(RLIMIT_STACK, 2 << 20, 1 << 20)));
    printf("resource 16: %s\n", answer(setrl(16, 1, 1)));
    printf("lowering the stack's hard limit: %s\n", answer(setrl(RLIMIT_STACK, 1 << 20, 4 << 20)));
    printf("raising it again: %s\n", answer(setrl(RLIMIT_STACK, 1 << 20, 8 << 20)));
    printf("raising the soft limit to the hard one: %s\n", answer(setrl(RLIMIT_STACK, 4 << 20, 4 << 20)));
    printf("RLIMIT_NOFILE above nr_open: %s\n", answer(setrl(RLIMIT_NOFILE, 10, 1 << 20)));
    struct rlim old;
    printf("prlimit64 of no such process: %s\n",
           answer(osbox_syscall4(SYS_PRLIMIT64, 99999, RLIMIT_NOFILE, 0, (long)&old)));
    printf("getrlimit to a bad pointer: %s\n", answer(osbox_syscall2(SYS_GETRLIMIT, RLIMIT_NOFILE, 16)));
}

static void inherited(void)
{
    show("RLIMIT_NOFILE in a child after the parent set 100", RLIMIT_NOFILE);
}

static void nofile(void)
{
    setrl(RLIMIT_NOFILE, 8, 8);
    int opened = 3;                     /* stdin, stdout, stderr */
    long r;
    while ((r = osbox_dup(1)) >= 0)
        opened++;
    printf("RLIMIT_NOFILE 8: dup failed with %s with %d descriptors open\n", answer(r), opened);
    int fds[2];
    printf("pipe2: %s\n", answer(osbox_pipe2(fds, 0)));
    printf("dup3 to descriptor 8: %s\n", answer(osbox_dup3(1, 8, 0)));
    printf("F_DUPFD from 8: %s\n", answer(osbox_fcntl(1, OSBOX_F_DUPFD, 8)));
    osbox_close(7);
    printf("after a close, dup gives %ld\n", osbox_dup(1));
}

static void nproc(void)
{
    setrl(RLIMIT_NPROC, 2, 2);
    pid_t pid = fork();
    if (pid == 0)
        exit(0);
    printf("RLIMIT_NPROC 2 with 2 processes: fork %s\n", pid < 0 ? "failed with EAGAIN" : "succeeded");
}

static void address_space(void)
{
    setrl(RLIMIT_AS, 64 << 20, 64 << 20);
    long big = osbox_syscall6(OSBOX_SYS_MMAP, 0, 128 << 20, OSBOX_PROT_READ | OSBOX_PROT_WRITE,
                              OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS, -1, 0);
    long small = osbox_syscall6(OSBOX_SYS_MMAP, 0, 1 << 20, OSBOX_PROT_READ | OSBOX_PROT_WRITE,
                                OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS, -1, 0);
    printf("RLIMIT_AS 64 MiB: mmap of 128 MiB %s, of 1 MiB %s\n", answer(big), small > 0 ? "ok" : answer(small));
    printf("malloc of 100 MiB: %s\n", malloc(100 << 20) == NULL ? "NULL" : "succeeded");
}

/* Uses `depth` frames of 8 KiB of stack, each touched. */
static int recurse(int depth)
{
    volatile char frame[8192];
    memset((char *)frame, depth, sizeof frame);
    return depth == 0 ? frame[100] : recurse(depth - 1) + frame[200];
}

/* Runs this program again in `stack` mode, with the limits it has now. */
static void exec_stack_mode(void)
{
    char *argv[] = { "rlimits", "stack", NULL };
    char *envp[] = { NULL };
    execve(SELF, argv, envp);
    printf("execve: failed\n");
    exit(1);
}

static void stack_exec(void)
{
    setrl(RLIMIT_STACK, 256 << 10, 256 << 10);
    exec_stack_mode();
}

static void stack_mode(void)
{
    show("RLIMIT_STACK after execve", RLIMIT_STACK);
    fflush(stdout);
    recurse(64);
    printf("recursion of 512 KiB: ok\n");
}

static void spin(void)
{
    for (volatile unsigned long i = 0;; i++)
        ;
}

static void cpu_soft(void)
{
    setrl(RLIMIT_CPU, 1, 2);
    spin();
}

static void cpu_hard(void)
{
    setrl(RLIMIT_CPU, 1, 1);
    spin();
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "stack") == 0) {
        stack_mode();
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "cpu") == 0) {
        in_child("cpu 1 s soft, 2 s hard", cpu_soft);
        in_child("cpu 1 s soft and hard", cpu_hard);
        return 0;
    }
    show("RLIMIT_NOFILE", RLIMIT_NOFILE);
    show("RLIMIT_STACK", RLIMIT_STACK);
    show("RLIMIT_CPU", RLIMIT_CPU);
    show("RLIMIT_AS", RLIMIT_AS);
    in_child("rules", rules);
    setrl(RLIMIT_NOFILE, 100, 1024);
    in_child("inherited", inherited);
    setrl(RLIMIT_NOFILE, 1024, 1024);
    in_child("nofile", nofile);
    in_child("nproc", nproc);
    in_child("as", address_space);
    in_child("stack 256 KiB", stack_exec);
    in_child("stack default", exec_stack_mode);
    return 0;
}
