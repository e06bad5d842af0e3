/*
 * pingpong: IPC round trips between a parent and its child (bench/
 * IpcPingPongBenchmark; docs/performance.md, "IPC ping-pong").
 *
 *   pingpong pipe N   one byte there and back N times over two pipes
 *   pingpong unix N   the same over one SOCK_STREAM socketpair
 *
 * Each round trip is two writes, two reads and two switches between the
 * processes. Prints "N round trips" (and, built for the host, the
 * wall-clock ns per round trip on stderr). Exits 0, or 2 for bad arguments.
 * Rebuild (static glibc, as the IPC examples):
 *   riscv64-linux-gnu-gcc -static -O2 -s -o pingpong.elf pingpong.c
 * On the host, for Linux's own figure:
 *   gcc -O2 -o /tmp/pingpong pingpong.c && /tmp/pingpong pipe 200000
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void bounce(int in, int out, long n, int first)
{
    char b = 'x';
    for (long i = 0; i < n; i++) {
        if (first && write(out, &b, 1) != 1)
            _exit(3);
        if (read(in, &b, 1) != 1)
            _exit(3);
        if (!first && write(out, &b, 1) != 1)
            _exit(3);
    }
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "pipe") && strcmp(argv[1], "unix")))
        return 2;
    long n = atol(argv[2]);
    int to_child[2], to_parent[2];
    if (!strcmp(argv[1], "pipe")) {
        if (pipe(to_child) || pipe(to_parent))
            return 1;
    } else {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
            return 1;
        to_child[0] = sv[1];            /* the child reads and writes sv[1] */
        to_parent[1] = sv[1];
        to_parent[0] = sv[0];           /* the parent reads and writes sv[0] */
        to_child[1] = sv[0];
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t child = fork();
    if (child == 0) {
        bounce(to_child[0], to_parent[1], n, 0);
        _exit(0);
    }
    bounce(to_parent[0], to_child[1], n, 1);
    int status;
    waitpid(child, &status, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ns = (t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec);
    printf("%ld round trips\n", n);
    fprintf(stderr, "%s: %.0f ns per round trip\n", argv[1], ns / n);
    return status == 0 ? 0 : 1;
}
