/*
 * pipeline: producer | consumer in one program. The parent makes a pipe and
 * forks a producer, which writes N numbered lines (argv[1], default 1000),
 * and a consumer, which counts the lines, bytes and a checksum of what it
 * reads and sends the counts back over a second pipe. The parent closes its
 * ends, reads the counts, waits for both children and prints everything.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct counts {
    long lines, bytes;
    unsigned long checksum;          /* FNV-1a over every byte */
};

/* Writes all of buf, or exits 1. */
static void write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n <= 0)
            exit(1);
        p += n;
        len -= (size_t)n;
    }
}

static void producer(int out, long n)
{
    char line[64];
    for (long i = 1; i <= n; i++) {
        int len = snprintf(line, sizeof line, "line %ld of %ld\n", i, n);
        write_all(out, line, (size_t)len);
    }
    close(out);
    exit(0);
}

static void consumer(int in, int report, long expected)
{
    struct counts c = { 0, 0, 14695981039346656037UL };
    char buf[512];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            c.lines += buf[i] == '\n';
            c.checksum = (c.checksum ^ (unsigned char)buf[i]) * 1099511628211UL;
        }
        c.bytes += n;
    }
    write_all(report, &c, sizeof c);
    exit(n == 0 && c.lines == expected ? 0 : 1);
}

static void print_status(const char *who, int status)
{
    if (WIFEXITED(status))
        printf("%s: exited %d\n", who, WEXITSTATUS(status));
    else
        printf("%s: killed by signal %d\n", who, WTERMSIG(status));
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000;
    int data[2], report[2];
    if (pipe(data) < 0 || pipe(report) < 0) {
        perror("pipe");
        return 1;
    }
    printf("pipeline: producer writes %ld lines | consumer counts them\n", n);

    pid_t prod = fork();
    if (prod == 0) {
        close(data[0]);
        close(report[0]);
        close(report[1]);
        producer(data[1], n);
    }
    pid_t cons = fork();
    if (cons == 0) {
        close(data[1]);
        close(report[0]);
        consumer(data[0], report[1], n);
    }
    if (prod < 0 || cons < 0) {
        perror("fork");
        return 1;
    }
    /* Only the children may hold the ends: else the consumer never sees EOF. */
    close(data[0]);
    close(data[1]);
    close(report[1]);

    struct counts c;
    size_t got = 0;
    ssize_t r;
    while (got < sizeof c && (r = read(report[0], (char *)&c + got, sizeof c - got)) > 0)
        got += (size_t)r;
    close(report[0]);

    int ps, cs;
    waitpid(prod, &ps, 0);
    waitpid(cons, &cs, 0);
    if (got == sizeof c)
        printf("consumer read %ld lines, %ld bytes, checksum %016lx\n", c.lines, c.bytes, c.checksum);
    else
        printf("consumer sent no counts\n");
    print_status("producer", ps);
    print_status("consumer", cs);
    return WIFEXITED(ps) && WEXITSTATUS(ps) == 0 && WIFEXITED(cs) && WEXITSTATUS(cs) == 0 ? 0 : 1;
}
