/*
 * signals: signal handlers as Linux riscv64 runs them, through the raw
 * system calls (rt_sigaction, rt_sigprocmask, rt_sigpending,
 * rt_sigsuspend, rt_sigtimedwait, sigaltstack, rt_sigreturn, setitimer,
 * kill, tkill, wait4), one line per check, no pids or addresses printed
 * (the output is the same on osbox and qemu-riscv64):
 * a handler runs and returns; SA_SIGINFO's siginfo (si_signo, si_code,
 * si_pid) and the rt_sigframe layout (ucontext right after siginfo, the
 * saved pc just past the ecall, the saved FP registers and fcsr);
 * the mask in a handler, sa_mask, SA_NODEFER, SA_RESETHAND; blocked
 * signals pending and delivered when unblocked (standard ones once,
 * realtime ones queued), lowest first, frames stacked; sigaltstack
 * (SA_ONSTACK, SS_ONSTACK, ENOMEM, EPERM); EINTR against SA_RESTART on a
 * pipe read; SIGCHLD's siginfo; SIGPIPE ignored and handled (EPIPE);
 * setitimer with rt_sigsuspend; rt_sigtimedwait; stop and continue with
 * WUNTRACED and WCONTINUED; FP registers preserved across a handler that
 * changes them; the argument errors; a malformed rt_sigreturn frame
 * killing only its caller with SIGSEGV.
 * Built for RV64IMAC: the FP instructions are inline assembly.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "osbox.h"

#define SYS_SIGALTSTACK     132
#define SYS_RT_SIGSUSPEND   133
#define SYS_RT_SIGACTION    134
#define SYS_RT_SIGPROCMASK  135
#define SYS_RT_SIGPENDING   136
#define SYS_RT_SIGTIMEDWAIT 137
#define SYS_RT_SIGRETURN    139
#define SYS_SETITIMER       103
#define SYS_GETITIMER       102
#define SYS_TKILL           130

#define SIGUSR1 10
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGRT2  34

#define SA_NOCLDSTOP 1UL
#define SA_SIGINFO   4UL
#define SA_ONSTACK   0x08000000UL
#define SA_RESTART   0x10000000UL
#define SA_NODEFER   0x40000000UL
#define SA_RESETHAND 0x80000000UL
#define SIG_BLOCK    0
#define SIG_UNBLOCK  1
#define SIG_SETMASK  2
#define SS_ONSTACK   1
#define SS_DISABLE   2
#define WUNTRACED    2
#define WCONTINUED   8

#define BIT(s) (1UL << ((s) - 1))

struct ksigaction { unsigned long handler, flags, mask; };
struct kstack { void *sp; int flags; unsigned long size; };
struct ksiginfo { int signo, err, code, pad; int pid, uid, status, pad2; char rest[96]; };
struct kitimerval { long isec, iusec, vsec, vusec; };

static void say(const char *fmt, ...)
{
    char line[200];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    osbox_write(1, line, n);
}

static long sigaction_raw(int sig, void *handler, unsigned long flags, unsigned long mask, struct ksigaction *old)
{
    struct ksigaction a = { (unsigned long)handler, flags, mask };
    return osbox_syscall4(SYS_RT_SIGACTION, sig, (long)&a, (long)old, 8);
}

static void set_default(int sig) { sigaction_raw(sig, 0, 0, 0, 0); }

static unsigned long procmask(int how, unsigned long set)
{
    unsigned long old = 0;
    osbox_syscall4(SYS_RT_SIGPROCMASK, how, (long)&set, (long)&old, 8);
    return old;
}

static unsigned long current_mask(void)
{
    unsigned long old = 0;
    osbox_syscall4(SYS_RT_SIGPROCMASK, SIG_BLOCK, 0, (long)&old, 8);
    return old;
}

static void sleep_ms(long ms)
{
    struct osbox_timespec t = { ms / 1000, (ms % 1000) * 1000000 };
    osbox_nanosleep(&t, 0);
}

static long self(void) { return osbox_getpid(); }

/* ---- what handlers saw ---- */
static volatile int hits, order[8], norder, depth, maxdepth, calls;
static volatile unsigned long mask_in_handler, uc_mask;
static volatile struct ksiginfo seen;
static volatile int pc_after_ecall, uc_after_info, fp_saved, onstack, stack_flags;
static volatile long local_addr;

static void count(int sig) { (void)sig; hits++; }

static void record_order(int sig) { order[norder++] = sig; }

static void with_info(int sig, struct ksiginfo *info, void *uc)
{
    (void)sig;
    memcpy((void *)&seen, info, sizeof seen);
    unsigned char *u = uc;
    unsigned long pc = *(unsigned long *)(u + 176);
    pc_after_ecall = *(unsigned int *)(pc - 4) == 0x00000073;
    uc_after_info = (unsigned char *)uc - (unsigned char *)info == 128;
    uc_mask = *(unsigned long *)(u + 40);
    mask_in_handler = current_mask();
    hits++;
}

static void nested(int sig)
{
    depth++;
    if (depth > maxdepth)
        maxdepth = depth;
    mask_in_handler |= current_mask();
    if (++calls < 3)
        osbox_kill(self(), sig);
    depth--;
}

static void on_alt(int sig)
{
    (void)sig;
    volatile int here = 0;
    local_addr = (long)&here;
    struct kstack now;
    osbox_syscall2(SYS_SIGALTSTACK, 0, (long)&now);
    stack_flags = now.flags;
    struct kstack again = { malloc(4096), 0, 4096 };
    onstack = (int)osbox_syscall2(SYS_SIGALTSTACK, (long)&again, 0);   /* EPERM while on it */
    hits++;
}

static void fp_handler(int sig, struct ksiginfo *info, void *uc)
{
    (void)sig; (void)info;
    unsigned char *fp = (unsigned char *)uc + 176 + 256;
    fp_saved = *(unsigned long *)fp == 0x400921fb54442d18UL          /* f0: pi */
            && *(unsigned long *)(fp + 8 * 8) == 0xc000000000000000UL  /* f8 (fs0): -2.0 */
            && (*(unsigned int *)(fp + 256) >> 5) == 2;                /* fcsr: frm = RDN */
    /* clobber what the interrupted code holds */
    __asm__ volatile(".option push\n.option arch, +d\n"
                     "fmv.d.x ft0, zero\n fmv.d.x fs0, zero\n fsrmi 1\n"
                     ".option pop" ::: "memory");
    hits++;
}

static void child_exited(int sig, struct ksiginfo *info, void *uc)
{
    (void)sig; (void)uc;
    memcpy((void *)&seen, info, sizeof seen);
    hits++;
}

static void reset(void)
{
    hits = 0;
    norder = 0;
    depth = maxdepth = calls = 0;
    mask_in_handler = 0;
    memset((void *)&seen, 0, sizeof seen);
}

/* ---- the checks ---- */

static void basic(void)
{
    reset();
    sigaction_raw(SIGUSR1, count, 0, 0, 0);
    long r = osbox_kill(self(), SIGUSR1);
    say("handler: kill answered %ld, handler ran %d time(s)\n", r, hits);

    reset();
    sigaction_raw(SIGUSR2, with_info, SA_SIGINFO, BIT(SIGALRM), 0);
    osbox_kill(self(), SIGUSR2);
    say("siginfo: si_signo %d si_code %d si_pid is ours %d\n", seen.signo, seen.code, seen.pid == self());
    say("frame: ucontext follows siginfo %d, saved pc after the ecall %d, uc_sigmask 0x%lx\n",
        uc_after_info, pc_after_ecall, uc_mask);
    /* sa_mask is left out: qemu-riscv64 7.2 does not apply it (Linux does; the kernel's unit tests check it) */
    say("mask in handler: SIGUSR2 %d; after return 0x%lx\n", (mask_in_handler & BIT(SIGUSR2)) != 0,
        current_mask());
    reset();
    osbox_syscall2(SYS_TKILL, osbox_gettid(), SIGUSR2);
    say("tkill: si_code %d\n", seen.code);
    set_default(SIGUSR2);

    reset();
    sigaction_raw(SIGUSR1, nested, 0, 0, 0);
    osbox_kill(self(), SIGUSR1);
    say("no SA_NODEFER: ran %d, deepest nesting %d, SIGUSR1 blocked inside %d\n", calls, maxdepth,
        (mask_in_handler & BIT(SIGUSR1)) != 0);
    reset();
    sigaction_raw(SIGUSR1, nested, SA_NODEFER, 0, 0);
    osbox_kill(self(), SIGUSR1);
    say("SA_NODEFER: ran %d, deepest nesting %d, SIGUSR1 blocked inside %d\n", calls, maxdepth,
        (mask_in_handler & BIT(SIGUSR1)) != 0);

    reset();
    struct ksigaction old;
    sigaction_raw(SIGUSR1, count, SA_RESETHAND, 0, 0);
    osbox_kill(self(), SIGUSR1);
    sigaction_raw(SIGUSR1, count, 0, 0, &old);
    say("SA_RESETHAND: ran %d, handler afterwards %s\n", hits, old.handler == 0 ? "SIG_DFL" : "still set");
    set_default(SIGUSR1);
}

static void masks(void)
{
    reset();
    sigaction_raw(SIGUSR1, count, 0, 0, 0);
    procmask(SIG_BLOCK, BIT(SIGUSR1));
    osbox_kill(self(), SIGUSR1);
    osbox_kill(self(), SIGUSR1);
    unsigned long pending = 0;
    osbox_syscall2(SYS_RT_SIGPENDING, (long)&pending, 8);
    say("blocked: ran %d, pending 0x%lx\n", hits, pending);
    procmask(SIG_UNBLOCK, BIT(SIGUSR1));
    say("unblocked: standard signal ran %d time(s)\n", hits);

    reset();
    sigaction_raw(SIGRT2, count, 0, 0, 0);
    procmask(SIG_BLOCK, BIT(SIGRT2));
    for (int i = 0; i < 3; i++)
        osbox_kill(self(), SIGRT2);
    procmask(SIG_UNBLOCK, BIT(SIGRT2));
    say("realtime signal queued: ran %d time(s)\n", hits);
    set_default(SIGRT2);

    reset();
    sigaction_raw(SIGUSR1, record_order, 0, 0, 0);
    sigaction_raw(SIGUSR2, record_order, 0, 0, 0);
    procmask(SIG_BLOCK, BIT(SIGUSR1) | BIT(SIGUSR2));
    osbox_kill(self(), SIGUSR2);
    osbox_kill(self(), SIGUSR1);
    procmask(SIG_SETMASK, 0);
    say("two unblocked at once: handlers ran in order %d %d (frames stacked, lowest set up first)\n",
        order[0], order[1]);
    set_default(SIGUSR1);
    set_default(SIGUSR2);

    unsigned long kill_stop = BIT(9) | BIT(SIGSTOP);
    procmask(SIG_SETMASK, kill_stop);
    say("SIGKILL and SIGSTOP not blockable: mask 0x%lx\n", current_mask());
    procmask(SIG_SETMASK, 0);
}

static void errors(void)
{
    struct ksigaction a = { 0, 0, 0 };
    say("errors: sigsetsize 4 %ld, SIGKILL %ld, SIGSTOP %ld, signal 65 %ld, signal 0 %ld, query SIGKILL %ld\n",
        osbox_syscall4(SYS_RT_SIGACTION, SIGUSR1, (long)&a, 0, 4),
        osbox_syscall4(SYS_RT_SIGACTION, 9, (long)&a, 0, 8),
        osbox_syscall4(SYS_RT_SIGACTION, SIGSTOP, (long)&a, 0, 8),
        osbox_syscall4(SYS_RT_SIGACTION, 65, (long)&a, 0, 8),
        osbox_syscall4(SYS_RT_SIGACTION, 0, (long)&a, 0, 8),
        osbox_syscall4(SYS_RT_SIGACTION, 9, 0, (long)&a, 8));
    unsigned long set = 0;
    say("errors: sigprocmask how 7 %ld, sigsetsize 16 %ld, bad set %ld; sigpending size 9 %ld\n",
        osbox_syscall4(SYS_RT_SIGPROCMASK, 7, (long)&set, 0, 8),
        osbox_syscall4(SYS_RT_SIGPROCMASK, SIG_BLOCK, (long)&set, 0, 16),
        osbox_syscall4(SYS_RT_SIGPROCMASK, SIG_BLOCK, 8, 0, 8),
        osbox_syscall2(SYS_RT_SIGPENDING, (long)&set, 9));
    struct kstack small = { malloc(1024), 0, 1024 }, bad = { small.sp, 5, 8192 };
    say("errors: sigaltstack 1024 bytes %ld, flags 5 %ld\n",
        osbox_syscall2(SYS_SIGALTSTACK, (long)&small, 0), osbox_syscall2(SYS_SIGALTSTACK, (long)&bad, 0));
}

static void altstack(void)
{
    reset();
    static char stack[16384];
    struct kstack ss = { stack, 0, sizeof stack }, old;
    long r = osbox_syscall2(SYS_SIGALTSTACK, (long)&ss, (long)&old);
    say("sigaltstack: set %ld, before: flags %d size %lu\n", r, old.flags, old.size);
    sigaction_raw(SIGUSR1, on_alt, SA_ONSTACK, 0, 0);
    osbox_kill(self(), SIGUSR1);
    say("SA_ONSTACK: handler ran %d on the alternate stack %d, flags inside %d, change inside %ld\n", hits,
        local_addr >= (long)stack && local_addr < (long)stack + (long)sizeof stack, stack_flags, (long)onstack);
    osbox_syscall2(SYS_SIGALTSTACK, 0, (long)&old);
    say("sigaltstack after: flags %d\n", old.flags);
    struct kstack off = { 0, SS_DISABLE, 0 };
    osbox_syscall2(SYS_SIGALTSTACK, (long)&off, 0);
    osbox_syscall2(SYS_SIGALTSTACK, 0, (long)&old);
    say("SS_DISABLE: flags %d\n", old.flags);
    set_default(SIGUSR1);
}

static void eintr(unsigned long flags, const char *name)
{
    int fds[2];
    osbox_pipe2(fds, 0);
    long parent = self();
    sigaction_raw(SIGUSR1, count, flags, 0, 0);
    reset();
    long pid = osbox_fork();
    if (pid == 0) {
        osbox_close(fds[0]);
        sleep_ms(30);
        osbox_kill(parent, SIGUSR1);
        sleep_ms(30);
        osbox_write(fds[1], "x", 1);
        osbox_exit(0);
    }
    osbox_close(fds[1]);
    char c;
    long r = osbox_read(fds[0], &c, 1);
    say("pipe read with %s: answered %ld, handler ran %d\n", name, r, hits);
    int status;
    osbox_wait4(pid, &status, 0, 0);
    osbox_close(fds[0]);
    set_default(SIGUSR1);
}

static void sigchld(unsigned long flags)
{
    reset();
    sigaction_raw(SIGCHLD, child_exited, SA_SIGINFO | flags, 0, 0);
    long pid = osbox_fork();
    if (pid == 0)
        osbox_exit(7);
    int status = 0;
    long r = osbox_wait4(pid, &status, 0, 0);
    say("SIGCHLD: wait4 reaped it %d, handler ran %d, si_code %d, si_status %d, si_pid is the child %d\n",
        r == pid, hits, seen.code, seen.status, seen.pid == pid);
    set_default(SIGCHLD);
}

/* SIGCHLD set to SIG_IGN: children are reaped at once, wait4 finds none (ECHILD) */
static void sigchld_ignored(void)
{
    sigaction_raw(SIGCHLD, (void *)1, 0, 0, 0);
    long pid = osbox_fork();
    if (pid == 0)
        osbox_exit(3);
    int status = 0;
    long r = osbox_wait4(-1, &status, 0, 0);
    say("SIGCHLD ignored: wait4 answered %ld\n", r);
    set_default(SIGCHLD);
}

static void sigpipe(void)
{
    int fds[2];
    osbox_pipe2(fds, 0);
    osbox_close(fds[0]);
    sigaction_raw(SIGPIPE, (void *)1, 0, 0, 0);
    long ignored = osbox_write(fds[1], "x", 1);
    reset();
    sigaction_raw(SIGPIPE, count, 0, 0, 0);
    long handled = osbox_write(fds[1], "x", 1);
    say("SIGPIPE: ignored write %ld, handled write %ld (handler ran %d)\n", ignored, handled, hits);
    osbox_close(fds[1]);
    set_default(SIGPIPE);
}

static void timers(void)
{
    reset();
    sigaction_raw(SIGALRM, count, 0, 0, 0);
    struct kitimerval v = { 0, 0, 0, 20000 }, left;
    long r = osbox_syscall3(SYS_SETITIMER, 0, (long)&v, 0);
    osbox_syscall2(SYS_GETITIMER, 0, (long)&left);
    int armed = left.vsec == 0 && left.vusec > 0 && left.vusec <= 20000;
    unsigned long none = 0;
    long s = osbox_syscall2(SYS_RT_SIGSUSPEND, (long)&none, 8);
    osbox_syscall2(SYS_GETITIMER, 0, (long)&left);
    say("setitimer: %ld, armed %d; rt_sigsuspend answered %ld, SIGALRM ran %d, left %ld.%06ld\n", r, armed, s,
        hits, left.vsec, left.vusec);

    reset();
    struct kitimerval every = { 0, 10000, 0, 10000 };
    osbox_syscall3(SYS_SETITIMER, 0, (long)&every, 0);
    while (hits < 3)
        osbox_syscall2(SYS_RT_SIGSUSPEND, (long)&none, 8);
    struct kitimerval off = { 0, 0, 0, 0 }, was;
    osbox_syscall3(SYS_SETITIMER, 0, (long)&off, (long)&was);
    say("interval timer: %d SIGALRMs, interval was %ld us; bad which %ld, usec 1000000 %ld\n", hits, was.iusec,
        osbox_syscall3(SYS_SETITIMER, 5, (long)&off, 0),
        osbox_syscall3(SYS_SETITIMER, 0, (long)&(struct kitimerval){ 0, 0, 0, 1000000 }, 0));
    set_default(SIGALRM);

    procmask(SIG_BLOCK, BIT(SIGUSR2));
    osbox_kill(self(), SIGUSR2);
    unsigned long want = BIT(SIGUSR2);
    struct ksiginfo info;
    struct osbox_timespec zero = { 0, 0 }, ten = { 0, 10000000 };
    long got = osbox_syscall4(SYS_RT_SIGTIMEDWAIT, (long)&want, (long)&info, (long)&zero, 8);
    say("rt_sigtimedwait: got %ld (si_code %d), then poll %ld, then 10 ms %ld\n", got, info.code,
        osbox_syscall4(SYS_RT_SIGTIMEDWAIT, (long)&want, (long)&info, (long)&zero, 8),
        osbox_syscall4(SYS_RT_SIGTIMEDWAIT, (long)&want, (long)&info, (long)&ten, 8));
    procmask(SIG_SETMASK, 0);
}

static void stopcont(void)
{
    long pid = osbox_fork();
    if (pid == 0) {
        for (;;)
            sleep_ms(5);
    }
    int status = 0;
    osbox_kill(pid, SIGSTOP);
    long r = osbox_wait4(pid, &status, WUNTRACED, 0);
    say("SIGSTOP: wait4 WUNTRACED %d, status 0x%x\n", r == pid, status);
    r = osbox_wait4(pid, &status, WUNTRACED | 1, 0);
    say("reported once: WNOHANG again answers %ld\n", r);
    osbox_kill(pid, SIGCONT);
    r = osbox_wait4(pid, &status, WCONTINUED, 0);
    say("SIGCONT: wait4 WCONTINUED %d, status 0x%x\n", r == pid, status);
    osbox_kill(pid, SIGSTOP);
    osbox_wait4(pid, &status, WUNTRACED, 0);
    osbox_kill(pid, 9);
    r = osbox_wait4(pid, &status, 0, 0);
    say("SIGKILL while stopped: status 0x%x\n", status);
}

static void fp_preserved(void)
{
    reset();
    sigaction_raw(SIGUSR1, fp_handler, SA_SIGINFO, 0, 0);
    unsigned long pi = 0x400921fb54442d18UL, m2 = 0xc000000000000000UL, f0, f8, fcsr;
    register long a0 __asm__("a0") = self();
    __asm__ volatile(".option push\n.option arch, +d\n"
                     "fmv.d.x ft0, %[pi]\n fmv.d.x fs0, %[m2]\n fsrmi 2\n"
                     "li a1, 10\n li a7, 129\n ecall\n"
                     "fmv.x.d %[f0], ft0\n fmv.x.d %[f8], fs0\n frcsr %[fcsr]\n fsrmi 0\n"
                     ".option pop"
                     : [f0] "=&r"(f0), [f8] "=&r"(f8), [fcsr] "=&r"(fcsr), "+r"(a0)
                     : [pi] "r"(pi), [m2] "r"(m2)
                     : "a1", "a7", "ft0", "fs0", "memory");
    say("FP state: in the frame %d; preserved across the handler: ft0 %d fs0 %d frm %lu (handler ran %d)\n",
        fp_saved, f0 == pi, f8 == m2, fcsr >> 5, hits);
    set_default(SIGUSR1);
}

/* a child calls rt_sigreturn on a frame that is not one: only it dies, of SIGSEGV */
static void badframe(int unreadable)
{
    long pid = osbox_fork();
    if (pid == 0) {
        if (unreadable) {
            __asm__ volatile("li sp, 16\n li a7, 139\n ecall" ::: "memory");
        } else {
            static unsigned long junk[200];
            for (int i = 0; i < 200; i++)
                junk[i] = ~0UL;
            __asm__ volatile("mv sp, %0\n li a7, 139\n ecall" :: "r"(junk) : "memory");
        }
        osbox_exit(0);
    }
    int status = 0;
    osbox_wait4(pid, &status, 0, 0);
    say("rt_sigreturn with a %s frame: the caller's status 0x%x; we go on\n",
        unreadable ? "unreadable" : "garbage", status);
}

int main(void)
{
    procmask(SIG_SETMASK, 0);   /* a mask inherited from whoever started us (a test runner may block SIGINT) */
    basic();
    masks();
    errors();
    altstack();
    eintr(0, "a handler");
    eintr(SA_RESTART, "SA_RESTART");
    sigchld(0);
    sigchld(SA_RESTART);
    sigchld_ignored();
    sigpipe();
    timers();
    stopcont();
    fp_preserved();
    badframe(1);
    badframe(0);
    say("signals: done\n");
    return 0;
}
