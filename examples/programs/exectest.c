/*
 * exectest: execve("/host/examples/programs/hello.elf") with the arguments
 * "hello", "from", "exec". argv[1], if given, is the program to run
 * instead: an absolute path as it is, another name under
 * /host/examples/programs/ (so "hello.c" runs /host/examples/programs/hello.c).
 * When execve returns it failed: prints why (e.g. "No such file or
 * directory", "Exec format error") and exits 1. /host is osbox's read-only
 * view of the host directory `osbox run` started in (or --host-dir).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "hello.elf";
    char path[256];
    snprintf(path, sizeof path, "%s%s", name[0] == '/' ? "" : "/host/examples/programs/", name);
    char *args[] = { "hello", "from", "exec", NULL };

    printf("exectest: execve(\"%s\", [hello, from, exec])\n", path);
    execve(path, args, environ);
    printf("execve: %s\n", strerror(errno));
    return 1;
}
