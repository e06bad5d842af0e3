/* sigtorture.c: signal handlers as Linux runs them, through glibc. One
 * section after another, each printing what happened in order: handlers
 * append to a log (no stdio inside a handler), main prints it.
 *   raise/kill self and the SA_SIGINFO fields (si_signo, si_code, si_pid,
 *   si_uid); nested handlers, SA_NODEFER
 *   recursion, SA_RESETHAND; sigprocmask, sigpending, SIGKILL and SIGSTOP
 *   neither blockable nor catchable; sigsuspend; sigtimedwait; sigaltstack
 *   with SA_ONSTACK (also for a stack overflow); siglongjmp out of a handler
 *   with and without the saved mask; SIGSEGV's si_addr and the pc in the
 *   ucontext; a read of an empty pipe interrupted (EINTR) or restarted
 *   (SA_RESTART) by setitimer's SIGALRM; integer and FP registers, and the
 *   rounding mode, kept across asynchronous handlers; alarm and getitimer;
 *   SIGCHLD with CLD_EXITED; SIGPIPE and EPIPE.
 * `sigtorture masks`: sa_mask (see masks()). Exits 0; what it prints
 * depends on no time or pid. It also builds for x86-64 (gcc -O2
 * sigtorture.c -lm), to compare with Linux itself. */
#define _GNU_SOURCE
#include <errno.h>
#include <fenv.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/ucontext.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the handlers' log: async-signal-safe appends, printed by main ---- */
static char log_text[4096];
static volatile sig_atomic_t log_len;

/* appends text to the log; safe in a handler (no locks, no stdio) */
static void note(const char *text)
{
    size_t n = strlen(text);
    if (log_len + n + 1 < sizeof log_text) {
        memcpy(log_text + log_len, text, n);
        log_len += n;
        log_text[log_len] = 0;
    }
}

/* appends a decimal number (may be negative) */
static void note_num(long v)
{
    char digits[24];
    int i = sizeof digits - 1;
    int negative = v < 0;
    unsigned long u = negative ? -(unsigned long) v : (unsigned long) v;
    digits[i] = 0;
    do {
        digits[--i] = (char) ('0' + u % 10);
        u /= 10;
    } while (u);
    if (negative)
        digits[--i] = '-';
    note(digits + i);
}

/* prints the log under a heading and empties it */
static void flush_log(const char *section)
{
    printf("%s: %s\n", section, log_text);
    log_len = 0;
    log_text[0] = 0;
}

/* installs handler for sig with flags and an optional extra mask signal */
static void install(int sig, void (*handler)(int, siginfo_t *, void *), int flags, int masked)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = flags | SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (masked)
        sigaddset(&sa.sa_mask, masked);
    if (sigaction(sig, &sa, NULL) != 0) {
        perror("sigaction");
        exit(1);
    }
}

static void unblock_all(void)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

static int blocked(int sig)
{
    sigset_t now;
    sigprocmask(SIG_SETMASK, NULL, &now);
    return sigismember(&now, sig);
}

static void disarm_timer(void)
{
    struct itimerval off;
    memset(&off, 0, sizeof off);
    setitimer(ITIMER_REAL, &off, NULL);
}

/* ---- 1. SA_SIGINFO fields of raise (tgkill) and kill ---- */
static void info_handler(int sig, siginfo_t *si, void *uc)
{
    (void) uc;
    note("[sig ");
    note_num(sig);
    note(" si_signo ");
    note_num(si->si_signo);
    note(" si_code ");
    note_num(si->si_code);
    note(si->si_pid == getpid() ? " si_pid=self" : " si_pid=OTHER");
    note(si->si_uid == getuid() ? " si_uid=self" : " si_uid=OTHER");
    note(" blocked-in-handler ");
    note_num(blocked(sig));
    note("] ");
}

/* ---- 2. nesting and masks ---- */
static void nest_usr1(int sig, siginfo_t *si, void *uc)
{
    (void) sig; (void) si; (void) uc;
    sigset_t pending;
    note("usr1-in ");
    raise(SIGUSR2);
    sigpending(&pending);
    note(sigismember(&pending, SIGUSR2) ? "usr2-pending " : "usr2-not-pending ");
    note("usr1-out ");
}

static void nest_usr2(int sig, siginfo_t *si, void *uc)
{
    (void) sig; (void) si; (void) uc;
    note("usr2 ");
}

/* which of USR1, USR2, TERM are blocked while this handler runs */
static void mask_reporter(int sig, siginfo_t *si, void *uc)
{
    (void) sig; (void) si; (void) uc;
    note("USR1 ");
    note_num(blocked(SIGUSR1));
    note(" USR2 ");
    note_num(blocked(SIGUSR2));
    note(" TERM ");
    note_num(blocked(SIGTERM));
}

static volatile int recursion_depth;

/* raises its own signal again until depth 3: nested under SA_NODEFER, one after another otherwise */
static void recursive_handler(int sig, siginfo_t *si, void *uc)
{
    (void) si; (void) uc;
    int depth = ++recursion_depth;
    note("in");
    note_num(depth);
    note(" ");
    if (depth < 3)
        raise(sig);
    note("out");
    note_num(depth);
    note(" ");
}

static void once_handler(int sig, siginfo_t *si, void *uc)
{
    (void) si; (void) uc;
    struct sigaction now;
    sigaction(sig, NULL, &now);
    note("resethand-ran ");
    note(now.sa_handler == SIG_DFL ? "now-SIG_DFL " : "still-installed ");
}

/* ---- 3. sigsuspend, sigtimedwait ---- */
static void plain_handler(int sig, siginfo_t *si, void *uc)
{
    (void) si; (void) uc;
    note("handled ");
    note_num(sig);
    note(" ");
}

/* ---- 4. sigaltstack, siglongjmp, SIGSEGV ---- */
static char *alt_base;
static size_t alt_size;
static sigjmp_buf escape;

static int on_alt_stack(void)
{
    char here;
    return &here >= alt_base && &here < alt_base + alt_size;
}

static void alt_handler(int sig, siginfo_t *si, void *uc)
{
    (void) sig; (void) si; (void) uc;
    stack_t now;
    sigaltstack(NULL, &now);
    note(on_alt_stack() ? "on-alt-stack " : "on-main-stack ");
    note(now.ss_flags & SS_ONSTACK ? "SS_ONSTACK " : "not-SS_ONSTACK ");
}

static void jump_handler(int sig, siginfo_t *si, void *uc)
{
    (void) si; (void) uc;
    note("jumping-out ");
    siglongjmp(escape, sig);
}

static void *volatile fault_address;

static void segv_handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
#if defined(__riscv)
    uintptr_t pc = uc->uc_mcontext.__gregs[REG_PC];
#else
    uintptr_t pc = uc->uc_mcontext.gregs[REG_RIP];         /* the x86-64 build, to compare with Linux */
#endif
    extern char faulting_store[];
    note("SIGSEGV si_signo ");
    note_num(si->si_signo);
    note(" si_code ");
    note_num(si->si_code);
    note(si->si_addr == fault_address ? " si_addr=the-address" : " si_addr=WRONG");
    note(pc == (uintptr_t) faulting_store ? " pc=the-store " : " pc=WRONG ");
    note(on_alt_stack() ? "on-alt-stack " : "on-main-stack ");
    siglongjmp(escape, sig);
}

/* writes to fault_address from a labelled instruction, so the pc can be checked */
static void __attribute__((noinline)) store_fault(void)
{
#if defined(__riscv)
    __asm__ volatile("li t0, 42\n"
                     ".globl faulting_store\n"
                     "faulting_store: sw t0, 0(%0)\n"
                     : : "r"(fault_address) : "t0", "memory");
#else
    __asm__ volatile(".globl faulting_store\n"
                     "faulting_store: movl $42, (%0)\n"
                     : : "r"(fault_address) : "memory");
#endif
}

static long __attribute__((noinline)) overflow(long n)
{
    volatile char frame[4096];
    if (n < 0)
        return 0;
    frame[0] = (char) n;
    return overflow(n + 1) + frame[0];
}

/* ---- 5. interrupted and restarted reads ---- */
static int pipe_fds[2];
static volatile int alarms;

static void alarm_writer(int sig, siginfo_t *si, void *uc)
{
    (void) sig; (void) uc;
    if (++alarms == 1) {
        note("SIGALRM si_code ");
        note_num(si->si_code);
        note(" ");
    }
    if (alarms == 3)
        write(pipe_fds[1], "x", 1);
}

/* ---- 6. registers across asynchronous handlers ---- */
static void clobbering_handler(int sig, siginfo_t *si, void *uc)
{
    (void) sig; (void) si; (void) uc;
    volatile double a = 1.0, b = 3.0;
    fesetround(FE_UPWARD);
    feraiseexcept(FE_DIVBYZERO | FE_OVERFLOW);
    a = a / b + 1e300 * 1e300;
    (void) a;
    alarms++;
}

/* one pass of integer and FP work whose result never changes */
static uint64_t __attribute__((noinline)) work_pass(void)
{
    double x = 0.5, y = 1.0 / 7.0, z = 0.0;
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < 2000; i++) {
        x = x * 1.000001 + y;
        z += x / (i + 1);
        h = (h ^ (uint64_t) i) * 1099511628211ULL;
    }
    uint64_t bits;
    memcpy(&bits, &z, sizeof bits);
    return h ^ bits;
}

/* ---- 7. SIGCHLD, SIGPIPE ---- */
static void child_handler(int sig, siginfo_t *si, void *uc)
{
    (void) sig; (void) uc;
    note("SIGCHLD si_code ");
    note(si->si_code == CLD_EXITED ? "CLD_EXITED" : "OTHER");
    note(" si_status ");
    note_num(si->si_status);
    note(" ");
}

/* sa_mask: a signal in the handler's mask waits until the handler returns.
 * qemu-user 7.2 (riscv64) does not apply sa_mask when it enters a handler,
 * so this part is an osbox-only case, checked against Linux (x86-64). */
static int masks(void)
{
    install(SIGUSR2, nest_usr2, 0, 0);
    install(SIGUSR1, nest_usr1, 0, SIGUSR2);
    raise(SIGUSR1);
    flush_log("sa_mask: usr2 waits for usr1's handler");
    install(SIGUSR1, info_handler, 0, SIGUSR2);
    install(SIGUSR2, mask_reporter, 0, SIGTERM);
    raise(SIGUSR2);
    flush_log("sa_mask: in usr2's handler");
    return 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    unblock_all();
    if (argc > 1 && strcmp(argv[1], "masks") == 0)
        return masks();
    if (argc > 1) {
        fprintf(stderr, "usage: sigtorture [masks]\n");
        return 2;
    }

    /* 1. self-sent signals and their siginfo */
    install(SIGUSR1, info_handler, 0, 0);
    raise(SIGUSR1);
    kill(getpid(), SIGUSR1);
    flush_log("1 raise then kill");
    printf("1 SIGUSR1 blocked after the handler: %d\n", blocked(SIGUSR1));

    /* 2. nesting */
    install(SIGUSR1, nest_usr1, 0, 0);
    install(SIGUSR2, nest_usr2, 0, 0);
    raise(SIGUSR1);
    flush_log("2 usr2 nests inside usr1");
    recursion_depth = 0;
    install(SIGUSR1, recursive_handler, SA_NODEFER, 0);
    raise(SIGUSR1);
    flush_log("2 SA_NODEFER");
    recursion_depth = 0;
    install(SIGUSR1, recursive_handler, 0, 0);
    raise(SIGUSR1);
    flush_log("2 without SA_NODEFER");
    install(SIGUSR1, once_handler, SA_RESETHAND, 0);
    raise(SIGUSR1);
    flush_log("2 SA_RESETHAND");

    /* 3. masks, pending, sigsuspend, sigtimedwait */
    install(SIGUSR1, plain_handler, 0, 0);
    install(SIGUSR2, plain_handler, 0, 0);
    sigset_t set, pending;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGKILL);
    sigaddset(&set, SIGSTOP);
    sigprocmask(SIG_BLOCK, &set, NULL);
    printf("3 blocked: SIGUSR1 %d SIGKILL %d SIGSTOP %d\n", blocked(SIGUSR1), blocked(SIGKILL), blocked(SIGSTOP));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    errno = 0;
    int r = sigaction(SIGKILL, &sa, NULL);
    printf("3 sigaction(SIGKILL): %d %s\n", r, strerror(errno));
    errno = 0;
    r = sigaction(SIGSTOP, &sa, NULL);
    printf("3 sigaction(SIGSTOP): %d %s\n", r, strerror(errno));
    errno = 0;
    r = sigaction(65, &sa, NULL);
    printf("3 sigaction(65): %d %s\n", r, strerror(errno));
    raise(SIGUSR1);
    raise(SIGUSR1);                              /* a standard signal is pending at most once */
    sigpending(&pending);
    flush_log("3 while blocked");
    printf("3 pending: SIGUSR1 %d SIGUSR2 %d\n", sigismember(&pending, SIGUSR1), sigismember(&pending, SIGUSR2));
    sigset_t wait_mask;
    sigemptyset(&wait_mask);
    errno = 0;
    r = sigsuspend(&wait_mask);
    printf("3 sigsuspend: %d %s\n", r, strerror(errno));
    flush_log("3 during sigsuspend");
    printf("3 SIGUSR1 blocked again after sigsuspend: %d\n", blocked(SIGUSR1));
    sigprocmask(SIG_BLOCK, &set, NULL);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    raise(SIGUSR1);
    siginfo_t info;
    struct timespec no_wait = { 0, 0 };
    r = sigtimedwait(&set, &info, &no_wait);
    printf("3 sigtimedwait: %d si_code %d\n", r, info.si_code);
    errno = 0;
    r = sigtimedwait(&set, &info, &no_wait);
    printf("3 sigtimedwait with nothing pending: %d %s\n", r, strerror(errno));
    flush_log("3 no handler ran");
    unblock_all();

    /* 4. sigaltstack, siglongjmp, SIGSEGV */
    alt_size = 64 * 1024;
    alt_base = malloc(alt_size);
    stack_t ss = { .ss_sp = alt_base, .ss_size = alt_size, .ss_flags = 0 };
    stack_t old;
    r = sigaltstack(&ss, &old);
    printf("4 sigaltstack: %d, before: %s\n", r, old.ss_flags & SS_DISABLE ? "SS_DISABLE" : "enabled");
    install(SIGUSR1, alt_handler, SA_ONSTACK, 0);
    raise(SIGUSR1);
    flush_log("4 SA_ONSTACK");
    install(SIGUSR1, alt_handler, 0, 0);
    raise(SIGUSR1);
    flush_log("4 without SA_ONSTACK");
    stack_t tiny = { .ss_sp = alt_base, .ss_size = 512, .ss_flags = 0 };
    errno = 0;
    r = sigaltstack(&tiny, NULL);
    printf("4 sigaltstack of 512 bytes: %d %s\n", r, strerror(errno));

    install(SIGUSR1, jump_handler, 0, 0);
    r = sigsetjmp(escape, 1);
    if (r == 0) {
        raise(SIGUSR1);
        printf("4 not reached\n");
    }
    flush_log("4 siglongjmp");
    printf("4 sigsetjmp(escape, 1) returned %d, SIGUSR1 blocked %d\n", r, blocked(SIGUSR1));
    r = sigsetjmp(escape, 0);
    if (r == 0)
        raise(SIGUSR1);
    flush_log("4 siglongjmp again");
    printf("4 sigsetjmp(escape, 0) returned %d, SIGUSR1 blocked %d (the handler's mask stays)\n", r, blocked(SIGUSR1));
    unblock_all();

    install(SIGSEGV, segv_handler, SA_ONSTACK, 0);
    fault_address = (void *) 16;
    r = sigsetjmp(escape, 1);
    if (r == 0)
        store_fault();
    flush_log("4 store to address 16");
    printf("4 back in main after the fault: %d, SIGSEGV blocked %d\n", r, blocked(SIGSEGV));
    fault_address = NULL;
    r = sigsetjmp(escape, 1);
    if (r == 0)
        printf("4 overflow returned %ld (not reached)\n", overflow(0));
    printf("4 stack overflow caught: %s\n", r == SIGSEGV && strstr(log_text, "on-alt-stack") ? "yes, on the alternate stack" : log_text);
    log_len = 0;
    log_text[0] = 0;
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, NULL);
    sigaltstack(NULL, &old);
    printf("4 sigaltstack disabled: %s\n", old.ss_flags & SS_DISABLE ? "yes" : "no");

    /* 5. EINTR and SA_RESTART on a read of an empty pipe */
    if (pipe(pipe_fds) != 0) {
        perror("pipe");
        return 1;
    }
    struct itimerval every_10ms = { { 0, 10000 }, { 0, 10000 } };
    char c = 0;
    alarms = 0;
    install(SIGALRM, alarm_writer, 0, 0);
    setitimer(ITIMER_REAL, &every_10ms, NULL);
    errno = 0;
    ssize_t n = read(pipe_fds[0], &c, 1);
    int read_errno = errno;
    disarm_timer();
    printf("5 without SA_RESTART: read %zd %s after %d SIGALRM\n", n, strerror(read_errno), alarms);
    flush_log("5");
    alarms = 0;
    install(SIGALRM, alarm_writer, SA_RESTART, 0);
    setitimer(ITIMER_REAL, &every_10ms, NULL);
    errno = 0;
    n = read(pipe_fds[0], &c, 1);
    read_errno = errno;
    disarm_timer();
    printf("5 with SA_RESTART: read %zd '%c' errno %d after %d SIGALRM\n", n, c, read_errno, alarms >= 3 ? 3 : alarms);
    flush_log("5");

    /* 6. registers and fcsr across handlers that run at any instruction */
    uint64_t reference = work_pass();
    alarms = 0;
    install(SIGALRM, clobbering_handler, 0, 0);
    struct itimerval every_1ms = { { 0, 1000 }, { 0, 1000 } };
    setitimer(ITIMER_REAL, &every_1ms, NULL);
    int passes = 0, differing = 0;
    while (alarms < 5 || passes < 10) {
        if (work_pass() != reference)
            differing++;
        passes++;
    }
    disarm_timer();
    printf("6 passes differing from the reference: %d; rounding mode still to-nearest: %s; flags raised in handlers seen: %s\n",
           differing, fegetround() == FE_TONEAREST ? "yes" : "no", fetestexcept(FE_DIVBYZERO) ? "yes" : "no");

    /* 7. alarm, getitimer */
    install(SIGALRM, plain_handler, 0, 0);
    unsigned before = alarm(5);
    unsigned left_of_five = alarm(0);
    printf("7 alarm(5) %u, alarm(0) %u\n", before, left_of_five);
    struct itimerval one_shot = { { 0, 0 }, { 0, 200000 } }, left;
    setitimer(ITIMER_REAL, &one_shot, NULL);
    getitimer(ITIMER_REAL, &left);
    printf("7 getitimer: interval 0: %s, 0 < left <= 200 ms: %s\n", left.it_interval.tv_usec == 0 ? "yes" : "no",
           left.it_value.tv_sec == 0 && left.it_value.tv_usec > 0 && left.it_value.tv_usec <= 200000 ? "yes" : "no");
    sigemptyset(&wait_mask);
    sigsuspend(&wait_mask);
    getitimer(ITIMER_REAL, &left);
    flush_log("7 sigsuspend until the one-shot timer");
    printf("7 timer now disarmed: %s\n", left.it_value.tv_sec == 0 && left.it_value.tv_usec == 0 ? "yes" : "no");

    /* 8. SIGCHLD and SIGPIPE */
    install(SIGCHLD, child_handler, 0, 0);
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, NULL);
    fflush(stdout);
    pid_t child = fork();
    if (child == 0)
        _exit(7);
    sigsuspend(&wait_mask);
    int status = 0;
    waitpid(child, &status, 0);
    flush_log("8 child exits 7");
    printf("8 waitpid: exited %d\n", WEXITSTATUS(status));
    unblock_all();

    close(pipe_fds[0]);
    install(SIGPIPE, plain_handler, 0, 0);
    errno = 0;
    n = write(pipe_fds[1], "y", 1);
    printf("8 write to a pipe without readers: %zd %s\n", n, strerror(errno));
    flush_log("8");
    signal(SIGPIPE, SIG_IGN);
    errno = 0;
    n = write(pipe_fds[1], "y", 1);
    printf("8 again with SIGPIPE ignored: %zd %s\n", n, strerror(errno));
    flush_log("8");

    printf("sigtorture: done\n");
    return 0;
}
