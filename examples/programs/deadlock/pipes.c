/*
 * pipes.c: two processes that deadlock through pipes (osbox issue 11's
 * demonstration of the deadlock detector). A (the parent) reads the pipe
 * B should write before it writes the pipe B reads; B (the child) does the
 * same the other way round. Each waits for the other: a cycle in the
 * kernel's wait-for graph.
 *
 *   --deadlock none|report   the cycle stays; A's alarm (1 s) cuts its read
 *                            short (EINTR), then A writes and both finish
 *   --deadlock break         B's read, which closes the cycle, fails with
 *                            EDEADLK; B writes, A reads it and both finish
 *   --deadlock kill          B (the youngest) is killed; A reads end of file
 *
 * With the argument "wait", A waits for B to exit (waitpid) before it
 * writes the pipe B reads: a cycle through wait4 and a pipe.
 *
 * Output goes through write(2), so it is the same on a terminal or a pipe.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *who, const char *what, ssize_t n) {
    char line[160];
    int len;
    if (n > 0)
        len = snprintf(line, sizeof line, "%s: %s: %zd byte\n", who, what, n);
    else if (n == 0)
        len = snprintf(line, sizeof line, "%s: %s: end of file\n", who, what);
    else
        len = snprintf(line, sizeof line, "%s: %s: %s\n", who, what, strerror(errno));
    write(1, line, (size_t) len);
}

static void on_alarm(int sig) {
    (void) sig;
}

/* A's side of the "wait" variant: waitpid for B before writing what B reads. */
static int wait_first(pid_t b, int to_b) {
    int status;
    pid_t got = waitpid(b, &status, 0);
    if (got < 0) say("A", "waitpid for B", -1);
    alarm(0);
    say("A", "write to B", write(to_b, "a", 1));
    if (got < 0 && waitpid(b, &status, 0) < 0) {
        perror("waitpid");
        return 1;
    }
    char line[80];
    int len = snprintf(line, sizeof line, "A: B exited with status %d\n", WEXITSTATUS(status));
    write(1, line, (size_t) len);
    return 0;
}

int main(int argc, char **argv) {
    int waits = argc > 1 && strcmp(argv[1], "wait") == 0;
    int to_b[2], to_a[2];
    char c = 'x';
    if (pipe(to_b) < 0 || pipe(to_a) < 0) {
        perror("pipe");
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);
    pid_t b = fork();
    if (b < 0) {
        perror("fork");
        return 1;
    }
    if (b == 0) {
        close(to_b[1]);
        close(to_a[0]);
        say("B", "read from A", read(to_b[0], &c, 1));
        if (!waits)
            say("B", "write to A", write(to_a[1], "b", 1));
        return 0;
    }
    close(to_b[0]);
    close(to_a[1]);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;   /* no SA_RESTART: the alarm cuts the read short */
    sigaction(SIGALRM, &sa, NULL);
    alarm(1);
    if (waits)
        return wait_first(b, to_b[1]);
    say("A", "read from B", read(to_a[0], &c, 1));
    alarm(0);
    say("A", "write to B", write(to_b[1], "a", 1));
    int status;
    if (waitpid(b, &status, 0) < 0) {
        perror("waitpid");
        return 1;
    }
    char line[80];
    int len = WIFSIGNALED(status) ? snprintf(line, sizeof line, "A: B was killed by signal %d\n", WTERMSIG(status))
                                  : snprintf(line, sizeof line, "A: B exited with status %d\n", WEXITSTATUS(status));
    write(1, line, (size_t) len);
    return 0;
}
