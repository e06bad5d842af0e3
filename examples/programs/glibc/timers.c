/*
 * timers: setitimer and getitimer on CPU time, and sleeps cut by a stop,
 * as Linux runs them (osbox issue 10: ITIMER_VIRTUAL, ITIMER_PROF,
 * restart_syscall).
 *
 *   timers itimers   ITIMER_VIRTUAL (SIGVTALRM) and ITIMER_PROF (SIGPROF):
 *                    counted on CPU time spun, it_interval reloading,
 *                    getitimer's time left, the old value, a disarmed
 *                    timer keeping its interval, the errors
 *   timers sleeps    a child sleeps 400 ms (nanosleep, relative and
 *                    TIMER_ABSTIME clock_nanosleep), is stopped at 100 ms
 *                    and continued at 200 ms: it wakes 400 ms after it
 *                    began (the time left), not 600; EINTR and rem for a
 *                    signal handler, and for a SIGCONT handler after a stop
 *
 * Times are printed as ranges so that the output is the same under
 * qemu-riscv64 (wall and CPU time) and osbox (simulated time).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t vtalrm, prof, usr1, cont;
static volatile unsigned long sink;

static void on_signal(int sig) {
    if (sig == SIGVTALRM) vtalrm++;
    if (sig == SIGPROF) prof++;
    if (sig == SIGUSR1) usr1++;
    if (sig == SIGCONT) cont++;
}

/* Catches sig without SA_RESTART. */
static void catch(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(sig, &sa, NULL);
}

static void spin_until(volatile sig_atomic_t *count, int n) {
    while (*count < n) sink++;
}

static long us(struct timeval tv) {
    return tv.tv_sec * 1000000L + tv.tv_usec;
}

static const char *in(long v, long lo, long hi) {
    return v > lo && v <= hi ? "yes" : "NO";
}

static void result(const char *what, int r) {
    printf("%s: %d %s\n", what, r, r < 0 ? strerrorname_np(errno) : "");
}

static void itimers(void) {
    struct itimerval v = {{0, 10000}, {0, 10000}}, old, now;
    catch(SIGVTALRM);
    catch(SIGPROF);
    result("setitimer(ITIMER_VIRTUAL, 10 ms every 10 ms)", setitimer(ITIMER_VIRTUAL, &v, &old));
    printf("  old: interval %ld, value %ld\n", us(old.it_interval), us(old.it_value));
    getitimer(ITIMER_VIRTUAL, &now);
    /* Linux adds a tick to a CPU timer's value (set_cpu_itimer): up to 10 ms and a tick are left */
    printf("  getitimer: interval %ld, value in (0, 20000]: %s\n", us(now.it_interval),
           in(us(now.it_value), 0, 20000));
    spin_until(&vtalrm, 3);
    printf("  SIGVTALRM %d times after spinning\n", (int) vtalrm);
    getitimer(ITIMER_VIRTUAL, &now);
    printf("  reloaded: value in (0, 20000]: %s\n", in(us(now.it_value), 0, 20000));

    struct itimerval off = {{0, 7000}, {0, 0}};
    result("setitimer(ITIMER_VIRTUAL, value 0, interval 7 ms)", setitimer(ITIMER_VIRTUAL, &off, &old));
    printf("  old: interval %ld, value in (0, 20000]: %s\n", us(old.it_interval), in(us(old.it_value), 0, 20000));
    getitimer(ITIMER_VIRTUAL, &now);
    printf("  disarmed: interval %ld, value %ld\n", us(now.it_interval), us(now.it_value));

    struct itimerval once = {{0, 0}, {0, 20000}};
    result("setitimer(ITIMER_PROF, 20 ms once)", setitimer(ITIMER_PROF, &once, NULL));
    spin_until(&prof, 1);
    getitimer(ITIMER_PROF, &now);
    printf("  SIGPROF %d time, then interval %ld, value %ld\n", (int) prof, us(now.it_interval), us(now.it_value));
    for (int i = 0; i < 3000000; i++) sink++;
    printf("  no more: SIGVTALRM %d, SIGPROF %d\n", (int) vtalrm, (int) prof);

    void *volatile bad = (void *) 8;
    result("setitimer(5)", setitimer(5, &once, NULL));
    result("getitimer(-1)", getitimer(-1, &now));
    struct itimerval big = {{0, 0}, {0, 1000000}};
    result("setitimer(ITIMER_PROF, tv_usec 1000000)", setitimer(ITIMER_PROF, &big, NULL));
    result("setitimer(ITIMER_VIRTUAL, bad pointer)", setitimer(ITIMER_VIRTUAL, bad, NULL));
    result("getitimer(ITIMER_PROF, bad pointer)", getitimer(ITIMER_PROF, bad));
}

static long elapsed_ms(struct timespec t0) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
}

static void sleep_ms(long ms) {
    struct timespec t = {ms / 1000, ms % 1000 * 1000000};
    while (nanosleep(&t, &t) < 0 && errno == EINTR) {}
}

enum kind { NANOSLEEP, RELATIVE, ABSOLUTE };
enum cut { STOP, STOP_CAUGHT, HANDLER };

/*
 * A child sleeps 400 ms with 'kind'; the parent, told by a pipe when the
 * child begins, cuts the sleep at 100 ms ('how') and continues it at 200 ms.
 */
static void sleep_case(const char *name, enum kind kind, enum cut how) {
    int ready[2];
    char byte = 0;
    fflush(stdout);
    if (pipe(ready) < 0) return;
    pid_t child = fork();
    if (child == 0) {
        struct timespec t0, req = {0, 400000000}, rem = {9, 9};
        if (how == STOP_CAUGHT) catch(SIGCONT);
        if (how == HANDLER) catch(SIGUSR1);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        if (write(ready[1], &byte, 1) != 1) _exit(1);     /* the parent counts from here */
        int r;
        if (kind == NANOSLEEP) {
            r = nanosleep(&req, &rem) < 0 ? errno : 0;
        } else if (kind == RELATIVE) {
            r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem);
        } else {
            struct timespec at = {t0.tv_sec, t0.tv_nsec + 400000000};
            if (at.tv_nsec >= 1000000000) { at.tv_sec++; at.tv_nsec -= 1000000000; }
            r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, &rem);
        }
        long ms = elapsed_ms(t0);
        long rem_ms = rem.tv_sec * 1000 + rem.tv_nsec / 1000000;
        printf("%s: %s, ", name, r ? strerrorname_np(r) : "0");
        if (r == 0) {
            printf("woke after %s", ms >= 400 && ms < 550 ? "400 ms" : ms >= 550 ? "more: restarted in full" : "less");
        } else {
            printf("after %s", ms >= 50 && ms < 300 ? "50-300 ms" : "other");
            if (kind != ABSOLUTE) printf(", rem %s", rem_ms > 150 && rem_ms <= 350 ? "about 300 ms" : "other");
        }
        printf("%s\n", kind == ABSOLUTE && rem.tv_sec == 9 ? " (rem untouched)" : "");
        fflush(stdout);
        _exit(0);
    }
    int status;
    if (read(ready[0], &byte, 1) != 1) printf("no child\n");
    close(ready[0]);
    close(ready[1]);
    sleep_ms(100);
    if (how == HANDLER) {
        kill(child, SIGUSR1);
    } else {
        kill(child, SIGSTOP);
        waitpid(child, &status, WUNTRACED);
        if (!WIFSTOPPED(status)) printf("not stopped: %#x\n", status);
        sleep_ms(100);
        kill(child, SIGCONT);
    }
    waitpid(child, &status, 0);
    if (!WIFEXITED(status)) printf("child status %#x\n", status);
}

static void sleeps(void) {
    sleep_case("nanosleep, stopped", NANOSLEEP, STOP);
    sleep_case("clock_nanosleep relative, stopped", RELATIVE, STOP);
    sleep_case("clock_nanosleep TIMER_ABSTIME, stopped", ABSOLUTE, STOP);
    sleep_case("nanosleep, SIGUSR1 handler", NANOSLEEP, HANDLER);
    sleep_case("clock_nanosleep relative, SIGUSR1 handler", RELATIVE, HANDLER);
    sleep_case("nanosleep, stopped, SIGCONT handler", NANOSLEEP, STOP_CAUGHT);
    sleep_case("clock_nanosleep TIMER_ABSTIME, SIGUSR1 handler", ABSOLUTE, HANDLER);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "itimers") == 0) {
        itimers();
    } else if (argc > 1 && strcmp(argv[1], "sleeps") == 0) {
        sleeps();
    } else {
        fprintf(stderr, "usage: timers itimers|sleeps\n");
        return 2;
    }
    return 0;
}
