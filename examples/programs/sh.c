/*
 * sh: a tiny shell. Reads lines from stdin (prompt "osbox$ " only when
 * stdin is a terminal), splits them on spaces and tabs, and runs
 *   cmd args...            cmd1 args | cmd2 args | ...
 * A command is a builtin or a program path given as is (under osbox:
 * /host/...), run by fork + execve; the shell waits and prints "[exit N]"
 * or "[killed by signal N]" when the last command of the line did not
 * exit 0. Builtins:
 *   echo args...   prints its arguments
 *   pid            prints its process id
 *   wc             counts the lines, words and bytes of its stdin
 *   exit [n]       leaves the shell with n (default: the last status)
 * Lines starting with '#' are comments. Errors ("sh: CMD: reason" when
 * execve fails, then exit 127; "sh: syntax error") go to stderr. At the end
 * of input the shell exits with the last status. stdin is read a byte at a time with read(),
 * so a command the shell runs reads its input from where the shell stopped.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_LINE 1024
#define MAX_WORDS 64
#define MAX_STAGES 8

static int last_status;              /* as a shell reports it: 128 + signal when killed */

/* Reads one line (without '\n') into buf; 0 at end of input. */
static int read_line(char *buf, size_t size)
{
    size_t len = 0;
    char c;
    ssize_t n;
    while ((n = read(0, &c, 1)) == 1 && c != '\n') {
        if (len + 1 < size)
            buf[len++] = c;
    }
    buf[len] = '\0';
    return n == 1 || len > 0;
}

static int builtin_wc(void)
{
    long lines = 0, words = 0, bytes = 0;
    int in_word = 0;
    char buf[256];
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            int space = buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n';
            lines += buf[i] == '\n';
            words += !space && !in_word;
            in_word = !space;
        }
        bytes += n;
    }
    printf("%ld %ld %ld\n", lines, words, bytes);
    return 0;
}

static int is_builtin(const char *name)
{
    return strcmp(name, "echo") == 0 || strcmp(name, "pid") == 0 || strcmp(name, "wc") == 0;
}

/* Runs a builtin other than exit; returns its status. */
static int run_builtin(char **argv)
{
    if (strcmp(argv[0], "echo") == 0) {
        for (int i = 1; argv[i] != NULL; i++)
            printf(i > 1 ? " %s" : "%s", argv[i]);
        printf("\n");
        return 0;
    }
    if (strcmp(argv[0], "pid") == 0) {
        printf("%d\n", (int)getpid());
        return 0;
    }
    return builtin_wc();
}

/* In a forked child: a builtin, or execve; never returns. */
static void run_in_child(char **argv)
{
    if (is_builtin(argv[0]))
        exit(run_builtin(argv));
    execve(argv[0], argv, environ);
    fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(errno));
    exit(127);
}

static int shell_status(int status)
{
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

static void report(int status)
{
    if (WIFSIGNALED(status))
        printf("[killed by signal %d]\n", WTERMSIG(status));
    else if (WEXITSTATUS(status) != 0)
        printf("[exit %d]\n", WEXITSTATUS(status));
}

/* Runs stages[0] | stages[1] | ... | stages[n-1]. */
static void run_pipeline(char **stages[], int n)
{
    pid_t pids[MAX_STAGES];
    int in = -1;                     /* read end feeding the next stage */
    for (int i = 0; i < n; i++) {
        int p[2] = { -1, -1 };
        if (i + 1 < n && pipe(p) < 0) {
            fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
            n = i;
            break;
        }
        pids[i] = fork();
        if (pids[i] == 0) {
            if (in >= 0) {
                dup2(in, 0);
                close(in);
            }
            if (p[1] >= 0) {
                dup2(p[1], 1);
                close(p[0]);
                close(p[1]);
            }
            run_in_child(stages[i]);
        }
        if (in >= 0)
            close(in);
        if (p[1] >= 0)
            close(p[1]);
        in = p[0];
        if (pids[i] < 0) {
            fprintf(stderr, "sh: fork: %s\n", strerror(errno));
            if (in >= 0)
                close(in);
            n = i;
            break;
        }
    }
    int status = 0;
    for (int i = 0; i < n; i++)
        waitpid(pids[i], &status, 0);   /* the last one's status is the line's */
    if (n > 0) {
        report(status);
        last_status = shell_status(status);
    }
}

int main(void)
{
    char line[MAX_LINE];
    char *words[MAX_WORDS + 1];
    int interactive = isatty(0);

    for (;;) {
        if (interactive) {
            printf("osbox$ ");
            fflush(stdout);
        }
        if (!read_line(line, sizeof line))
            break;

        /* Split into words; each "|" ends a stage. */
        char **stages[MAX_STAGES];
        int nwords = 0, nstages = 0, bad = 0;
        stages[nstages++] = words;
        for (char *w = strtok(line, " \t"); w != NULL; w = strtok(NULL, " \t")) {
            if (nwords == 0 && w[0] == '#')
                break;
            if (nwords >= MAX_WORDS - 1) {
                bad = 1;
                break;
            }
            if (strcmp(w, "|") == 0) {
                words[nwords++] = NULL;
                if (nstages == MAX_STAGES) {
                    bad = 1;
                    break;
                }
                stages[nstages++] = &words[nwords];
            } else {
                words[nwords++] = w;
            }
        }
        words[nwords] = NULL;
        if (nwords == 0)
            continue;
        for (int i = 0; i < nstages; i++)
            bad |= stages[i][0] == NULL;
        if (bad) {
            fprintf(stderr, "sh: syntax error\n");
            last_status = 2;
            continue;
        }

        char **argv = stages[0];
        if (nstages == 1 && strcmp(argv[0], "exit") == 0)
            exit(argv[1] != NULL ? atoi(argv[1]) : last_status);
        if (nstages == 1 && is_builtin(argv[0]) && strcmp(argv[0], "wc") != 0) {
            last_status = run_builtin(argv);
            continue;
        }
        run_pipeline(stages, nstages);
    }
    if (interactive)
        printf("\n");
    return last_status;
}
