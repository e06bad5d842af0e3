/*
 * oomcopy: a system call that copies into memory when none is left (the
 * kernel's out-of-memory path for copies to user memory). osbox only: the
 * point is a machine with little memory and no swap.
 *
 *   oomcopy [hog=N] [copy=M]
 *
 * A child (the hog) fills N pages (default 100), tells the parent and
 * sleeps. The parent then reads M pages (default 24) from a pipe, one page
 * per read(), into a buffer it never touched, so each read() copies into a
 * page that needs a frame. When memory is full the kernel's OOM policy
 * kills the largest process (the hog) and the copy goes on, so the parent
 * prints
 *
 *   oomcopy: copied M pages: ok
 *   oomcopy: the hog was killed by SIGKILL before the parent killed it
 *
 * (or "... the parent killed it" when memory sufficed) and exits 0. It
 * exits 1 when the hog died before filling its pages, 3 when a read
 * failed or a page held the wrong bytes.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "osbox.h"                   /* nanosleep */

#define PAGE 4096

static long number(const char *arg, const char *key, long *out)
{
    size_t n = strlen(key);
    if (strncmp(arg, key, n) != 0 || arg[n] != '=')
        return 0;
    char *end;
    long v = strtol(arg + n + 1, &end, 10);
    if (*end != 0 || v < 1 || v > (1 << 20))
        return -1;
    *out = v;
    return 1;
}

static char chunk[PAGE];

int main(int argc, char **argv)
{
    long hog = 100, copy = 24;
    for (int i = 1; i < argc; i++) {
        long r = number(argv[i], "hog", &hog);
        if (r == 0)
            r = number(argv[i], "copy", &copy);
        if (r != 1) {
            fprintf(stderr, "oomcopy: bad argument '%s'\n", argv[i]);
            return 2;
        }
    }
    char *buf = aligned_alloc(PAGE, copy * PAGE);      /* never touched before the reads */
    int ready[2], data[2];
    if (buf == NULL || pipe(ready) != 0 || pipe(data) != 0) {
        printf("oomcopy: no memory or pipes\n");
        return 1;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(ready[0]);
        volatile char *mine = malloc(hog * PAGE);
        if (mine == NULL)
            _exit(4);
        for (long i = 0; i < hog; i++)
            mine[i * PAGE] = 1;
        write(ready[1], "r", 1);
        struct timespec nap = { .tv_sec = 10, .tv_nsec = 0 };
        for (;;)
            nanosleep(&nap, NULL);
    }
    close(ready[1]);
    char c;
    if (pid < 0 || read(ready[0], &c, 1) != 1) {
        printf("oomcopy: the hog died before filling its pages\n");
        return 1;
    }
    for (long i = 0; i < copy; i++) {
        memset(chunk, (int)(i & 0x7f) + 1, PAGE);
        if (write(data[1], chunk, PAGE) != PAGE || read(data[0], buf + i * PAGE, PAGE) != PAGE) {
            printf("oomcopy: read %ld failed\n", i);
            return 3;
        }
        for (long k = 0; k < PAGE; k++)
            if (buf[i * PAGE + k] != (char)((i & 0x7f) + 1)) {
                printf("oomcopy: page %ld has the wrong bytes\n", i);
                return 3;
            }
    }
    printf("oomcopy: copied %ld pages: ok\n", copy);
    int status = 0;
    pid_t done = waitpid(pid, &status, WNOHANG);
    const char *who = "the parent";
    if (done == pid) {
        who = NULL;
    } else {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    printf("oomcopy: the hog was killed by %s %s\n", WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ? "SIGKILL" : "something else",
           who == NULL ? "before the parent killed it" : "from the parent");
    return 0;
}
