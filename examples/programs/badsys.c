/*
 * badsys: system calls handed hostile pointers. Each line shows one call
 * and what the kernel answered (a negative errno, with its name); after
 * each the program goes on, which is the point: a bad pointer is the
 * caller's error (EFAULT), never a crash of the kernel or of the caller.
 *
 *   badsys          pointers Linux refuses alike everywhere: kernel-looking
 *                   (0xffffffc000000000, 0xffffffff80000000), non-canonical
 *                   (0x8000000000000000, 0x0000800000000000), a buffer
 *                   straddling the end of a mapping, read-only text for
 *                   calls that write, unterminated strings at the end of a
 *                   mapping; read, write, readv, writev, pipe2, wait4,
 *                   nanosleep, clock_gettime, gettimeofday, uname, fstat,
 *                   getrandom, execve. A failed read or write leaves the
 *                   pipe's bytes where they were.
 *   badsys huge     valid buffers with a huge length (read, write, writev on a pipe)
 *   badsys mm       mmap/munmap/mprotect at kernel-looking addresses, mmap of huge lengths
 *   badsys reap     wait4 with a bad status or rusage pointer, then wait4(WNOHANG)
 *   badsys pgrp     wait4 for a process group no child is in
 *   badsys tz       gettimeofday with a bad timezone pointer
 *   badsys osbox    osbox only: execve of a real program under /host with
 *                   bad argv/envp pointers, and no descriptor leaked by
 *                   failed pipe2 calls
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "osbox.h"

#define K1  0xffffffc000000000UL
#define K2  0xffffffff80000000UL
#define NC1 0x8000000000000000UL
#define NC2 0x0000800000000000UL
#define MAP_FIXED 0x10
#define PAGE 4096

static void *opaque(uintptr_t v)
{
    __asm__ volatile ("" : "+r"(v));
    return (void *)v;
}

static const char *errname(long r)
{
    switch (r) {
    case -1: return "EPERM";
    case -2: return "ENOENT";
    case -4: return "EINTR";
    case -9: return "EBADF";
    case -10: return "ECHILD";
    case -11: return "EAGAIN";
    case -12: return "ENOMEM";
    case -14: return "EFAULT";
    case -22: return "EINVAL";
    case -38: return "ENOSYS";
    default: return r < 0 ? "?" : "ok";
    }
}

static void show(const char *call, long r)
{
    printf("%-52s = %ld %s\n", call, r, errname(r));
}

static int fails;

/* Shows a call that must answer EFAULT, counting those that do not. */
static void efault(const char *call, long r)
{
    show(call, r);
    if (r != -14)
        fails++;
}

/* What the (nonblocking) pipe holds now: drains it into a good buffer. */
static long drain(int fd)
{
    char buf[256];
    long total = 0, r;
    while ((r = osbox_read(fd, buf, sizeof buf)) > 0)
        total += r;
    return total;
}

static char *edge;      /* the last bytes before a PROT_NONE page */
static char *hole;      /* the last bytes before an unmapped page */

/*
 * Four pages: read-write, PROT_NONE, read-write, unmapped. The qemu cases
 * use the PROT_NONE page: qemu-user shares the host's address space, and
 * a page the guest unmaps may be reused by qemu itself.
 */
static void setup(void)
{
    long m = osbox_mmap(0, 4 * PAGE, OSBOX_PROT_READ | OSBOX_PROT_WRITE,
                        OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS, -1, 0);
    if (m < 0 || osbox_munmap((void *)(m + 3 * PAGE), PAGE) != 0
        || osbox_syscall3(226, m + PAGE, PAGE, 0) != 0) {
        printf("badsys: setup failed\n");
        osbox_exit(1);
    }
    memset((void *)m, 'x', PAGE);  /* no NUL anywhere: strings run off the end */
    memset((void *)(m + 2 * PAGE), 'x', PAGE);
    edge = (char *)m + PAGE;
    hole = (char *)m + 3 * PAGE;
}

int main(int argc, char **argv);

static int common(void)
{
    static const char *bad[] = { "kernel 0xffffffc000000000", "kernel 0xffffffff80000000",
                                 "non-canonical 0x8000000000000000", "non-canonical 0x800000000000" };
    uintptr_t addr[] = { K1, K2, NC1, NC2 };
    char call[96];
    int p[2];
    char good[16] = "0123456789abcdef";

    if (osbox_pipe2(p, OSBOX_O_NONBLOCK) != 0) {
        printf("badsys: pipe2 failed\n");
        return 1;
    }
    printf("badsys: write and read\n");
    for (int i = 0; i < 4; i++) {
        snprintf(call, sizeof call, "write(pipe, %s, 8)", bad[i]);
        efault(call, osbox_write(p[1], opaque(addr[i]), 8));
    }
    efault("write(pipe, 4 bytes before a PROT_NONE page, 8)", osbox_write(p[1], opaque((uintptr_t)edge - 4), 8));
    efault("write(pipe, the PROT_NONE page, 1)", osbox_write(p[1], opaque((uintptr_t)edge), 1));
    printf("pipe holds %ld bytes\n", drain(p[0]));
    for (int i = 0; i < 4; i++) {
        osbox_write(p[1], good, 8);
        snprintf(call, sizeof call, "read(pipe, %s, 8)", bad[i]);
        efault(call, osbox_read(p[0], opaque(addr[i]), 8));
        printf("pipe holds %ld bytes\n", drain(p[0]));
    }
    osbox_write(p[1], good, 8);
    efault("read(pipe, 4 bytes before a PROT_NONE page, 8)", osbox_read(p[0], opaque((uintptr_t)edge - 4), 8));
    printf("pipe holds %ld bytes\n", drain(p[0]));
    osbox_write(p[1], good, 8);
    efault("read(pipe, main's text, 8)", osbox_read(p[0], opaque((uintptr_t)main), 8));
    printf("pipe holds %ld bytes\n", drain(p[0]));
    printf("main's text is intact: %s\n", *(volatile uint32_t *)opaque((uintptr_t)main) != 0x33323130 ? "yes" : "NO");

    printf("badsys: readv and writev\n");
    efault("writev(pipe, iov at kernel 0xffffffc000000000, 1)",
           osbox_syscall3(OSBOX_SYS_WRITEV, p[1], (long)K1, 1));
    struct { uintptr_t base; size_t len; } iov[2] = { { K2, 8 }, { (uintptr_t)good, 8 } };
    efault("writev(pipe, [{kernel 0xffffffff80000000, 8}, ...], 2)",
           osbox_syscall3(OSBOX_SYS_WRITEV, p[1], (long)iov, 2));
    osbox_write(p[1], good, 8);
    efault("readv(pipe, iov at non-canonical 0x8000000000000000, 1)",
           osbox_syscall3(OSBOX_SYS_READV, p[0], (long)NC1, 1));
    iov[0].base = (uintptr_t)main;
    efault("readv(pipe, [{main's text, 8}, ...], 2)", osbox_syscall3(OSBOX_SYS_READV, p[0], (long)iov, 2));
    efault("readv(pipe, iov straddling a PROT_NONE page, 1)",
           osbox_syscall3(OSBOX_SYS_READV, p[0], (long)(edge - 8), 1));
    printf("pipe holds %ld bytes\n", drain(p[0]));

    printf("badsys: calls that write a result\n");
    efault("pipe2(kernel 0xffffffc000000000, 0)", osbox_pipe2(opaque(K1), 0));
    efault("pipe2(non-canonical 0x800000000000, 0)", osbox_pipe2(opaque(NC2), 0));
    efault("pipe2(main's text, 0)", osbox_pipe2(opaque((uintptr_t)main), 0));
    efault("pipe2(4 bytes before a PROT_NONE page, 0)", osbox_pipe2(opaque((uintptr_t)edge - 4), 0));
    struct osbox_timespec ts;
    efault("clock_gettime(MONOTONIC, kernel 0xffffffff80000000)",
           osbox_clock_gettime(OSBOX_CLOCK_MONOTONIC, opaque(K2)));
    efault("clock_gettime(MONOTONIC, main's text)", osbox_clock_gettime(OSBOX_CLOCK_MONOTONIC, opaque((uintptr_t)main)));
    efault("clock_gettime(REALTIME, 8 bytes before a PROT_NONE page)",
           osbox_clock_gettime(OSBOX_CLOCK_REALTIME, opaque((uintptr_t)edge - 8)));
    show("clock_gettime(MONOTONIC, a good buffer)", osbox_clock_gettime(OSBOX_CLOCK_MONOTONIC, &ts));
    efault("gettimeofday(non-canonical 0x8000000000000000)", osbox_gettimeofday(opaque(NC1)));
    efault("uname(kernel 0xffffffc000000000)", osbox_uname(opaque(K1)));
    efault("uname(main's text)", osbox_uname(opaque((uintptr_t)main)));
    efault("uname(100 bytes before a PROT_NONE page)", osbox_uname(opaque((uintptr_t)edge - 100)));
    efault("fstat(1, kernel 0xffffffff80000000)", osbox_syscall2(OSBOX_SYS_FSTAT, 1, (long)K2));
    efault("getrandom(kernel 0xffffffc000000000, 16, 0)", osbox_getrandom(opaque(K1), 16, 0));
    efault("getrandom(main's text, 16, 0)", osbox_getrandom(opaque((uintptr_t)main), 16, 0));

    printf("badsys: nanosleep\n");
    struct osbox_timespec us = { 0, 1000 };
    show("nanosleep(1 us, rem at kernel 0xffffffc000000000)", osbox_nanosleep(&us, opaque(K1)));

    printf("badsys: wait4\n");
    long pid = osbox_fork();
    if (pid == 0)
        osbox_exit(7);
    efault("wait4(child, status at kernel 0xffffffc000000000, 0, 0)", osbox_wait4(pid, opaque(K1), 0, 0));
    pid = osbox_fork();
    if (pid == 0)
        osbox_exit(7);
    efault("wait4(child, status in main's text, 0, 0)", osbox_wait4(pid, opaque((uintptr_t)main), 0, 0));
    while (osbox_wait4(-1, 0, 0, 0) > 0)
        ;                       /* whatever is left (Linux reaps on EFAULT, osbox does not) */

    printf("badsys: execve\n");
    char *args[] = { "x", 0 };
    efault("execve(kernel 0xffffffc000000000, argv, 0)", osbox_execve(opaque(K1), args, 0));
    efault("execve(non-canonical 0x8000000000000000, argv, 0)", osbox_execve(opaque(NC1), args, 0));

    printf("badsys: %s; still running\n", fails == 0 ? "every bad pointer answered EFAULT" : "SOME DID NOT ANSWER EFAULT");
    return fails == 0 ? 0 : 1;
}

static int huge(void)
{
    int p[2];
    if (osbox_pipe2(p, OSBOX_O_NONBLOCK) != 0)
        return 1;
    efault("write(pipe, a good page then PROT_NONE, 1 << 40)", osbox_write(p[1], edge - PAGE, 1UL << 40));
    efault("write(pipe, a good page then PROT_NONE, 1 << 62)", osbox_write(p[1], edge - PAGE, 1UL << 62));
    printf("pipe holds %ld bytes\n", drain(p[0]));
    struct { void *base; size_t len; } iov[1] = { { edge - PAGE, 1UL << 40 } };
    efault("writev(pipe, [{a good page, 1 << 40}], 1)", osbox_syscall3(OSBOX_SYS_WRITEV, p[1], (long)iov, 1));
    printf("pipe holds %ld bytes\n", drain(p[0]));
    osbox_write(p[1], "0123456789abcdef", 16);
    efault("read(pipe holding 16, a good page, 1 << 40)", osbox_read(p[0], edge - PAGE, 1UL << 40));
    printf("pipe holds %ld bytes\n", drain(p[0]));
    osbox_write(p[1], "0123456789abcdef", 16);
    efault("read(pipe holding 16, a good page, 1 << 62)", osbox_read(p[0], edge - PAGE, 1UL << 62));
    printf("pipe holds %ld bytes\n", drain(p[0]));
    printf("badsys: %s; still running\n", fails == 0 ? "every huge length answered EFAULT" : "SOME DID NOT ANSWER EFAULT");
    return fails == 0 ? 0 : 1;
}

static int mm(void)
{
    int prot = OSBOX_PROT_READ | OSBOX_PROT_WRITE, flags = OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS | MAP_FIXED;
    show("mmap(kernel 0xffffffc000000000, 4096, rw, fixed)", osbox_mmap(opaque(K1), PAGE, prot, flags, -1, 0));
    show("mmap(non-canonical 0x800000000000, 4096, rw, fixed)", osbox_mmap(opaque(NC2), PAGE, prot, flags, -1, 0));
    show("mmap(0, 1 << 40, rw)", osbox_mmap(0, 1UL << 40, prot, OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS, -1, 0));
    show("mmap(0, 1 << 62, rw)", osbox_mmap(0, 1UL << 62, prot, OSBOX_MAP_PRIVATE | OSBOX_MAP_ANONYMOUS, -1, 0));
    show("munmap(kernel 0xffffffff80000000, 4096)", osbox_munmap(opaque(K2), PAGE));
    show("mprotect(kernel 0xffffffc000000000, 4096, rw)", osbox_syscall3(226, (long)K1, PAGE, prot));
    printf("badsys: still running\n");
    return 0;
}

/* wait4(-pgid): no child is in process group 54321, so Linux answers ECHILD at once. */
static int pgrp(void)
{
    long pid = osbox_fork();
    if (pid == 0) {
        struct osbox_timespec t = { 0, 50 * 1000 * 1000 };
        osbox_nanosleep(&t, 0);
        osbox_exit(0);
    }
    int status = 0;
    show("wait4(-54321, good status, WNOHANG, 0)", osbox_wait4(-54321, &status, OSBOX_WNOHANG, 0));
    show("wait4(child, good status, 0, 0)", osbox_wait4(pid, &status, 0, 0) == pid ? 0 : -1);
    printf("badsys: still running\n");
    return 0;
}

/* Linux reaps the child even when it cannot store the status (kernel_wait4: put_user after do_wait). */
static int reap(void)
{
    long pid = osbox_fork();
    if (pid == 0)
        osbox_exit(7);
    efault("wait4(child, status at kernel 0xffffffc000000000, 0, 0)", osbox_wait4(pid, opaque(K1), 0, 0));
    int status = 0;
    show("wait4(-1, good status, WNOHANG, 0)", osbox_wait4(-1, &status, OSBOX_WNOHANG, 0));
    pid = osbox_fork();
    if (pid == 0)
        osbox_exit(7);
    efault("wait4(child, good status, 0, rusage at kernel 0xffffffc000000000)",
           osbox_wait4(pid, &status, 0, opaque(K1)));
    show("wait4(-1, good status, WNOHANG, 0)", osbox_wait4(-1, &status, OSBOX_WNOHANG, 0));
    printf("badsys: still running\n");
    return 0;
}

/* gettimeofday(tv, tz): Linux fills tz (struct timezone) when it is not NULL. */
static int tz(void)
{
    struct osbox_timeval tv;
    efault("gettimeofday(good, tz at kernel 0xffffffc000000000)",
           osbox_syscall2(OSBOX_SYS_GETTIMEOFDAY, (long)&tv, (long)K1));
    efault("gettimeofday(good, tz in main's text)",
           osbox_syscall2(OSBOX_SYS_GETTIMEOFDAY, (long)&tv, (long)main));
    printf("badsys: still running\n");
    return 0;
}

static int osbox_only(void)
{
    /* Linux answers EFAULT here too; qemu-user 7.2 does not (EINVAL: it ignores the failed copy of req;
       ENOENT for the path), so these are not in the qemu cases */
    efault("nanosleep(kernel 0xffffffff80000000, 0)", osbox_nanosleep(opaque(K2), 0));
    efault("nanosleep(8 bytes before a PROT_NONE page, 0)", osbox_nanosleep(opaque((uintptr_t)edge - 8), 0));
    efault("nanosleep(8 bytes before an unmapped page, 0)", osbox_nanosleep(opaque((uintptr_t)hole - 8), 0));
    char *args[] = { "x", 0 };
    efault("execve(unterminated path before a PROT_NONE page, argv, 0)", osbox_execve(opaque((uintptr_t)edge - 16), args, 0));
    efault("execve(unterminated path at a mapping's end, argv, 0)", osbox_execve(opaque((uintptr_t)hole - 16), args, 0));
    int p[2];
    char bytes[8] = "01234567";
    if (osbox_pipe2(p, OSBOX_O_NONBLOCK) != 0)
        return 1;
    efault("write(pipe, 4 bytes before an unmapped page, 8)", osbox_write(p[1], opaque((uintptr_t)hole - 4), 8));
    osbox_write(p[1], bytes, 8);
    efault("read(pipe, 4 bytes before an unmapped page, 8)", osbox_read(p[0], opaque((uintptr_t)hole - 4), 8));
    printf("pipe holds %ld bytes\n", drain(p[0]));
    osbox_close(p[0]);
    osbox_close(p[1]);
    efault("uname(100 bytes before an unmapped page)", osbox_uname(opaque((uintptr_t)hole - 100)));
    efault("pipe2(4 bytes before an unmapped page, 0)", osbox_pipe2(opaque((uintptr_t)hole - 4), 0));
    char *good[] = { "hello", "from", "badsys", 0 };
    char *with_bad[] = { "hello", opaque(K1), 0 };
    const char *path = "/host/examples/programs/hello.elf";
    efault("execve(hello.elf, argv at kernel 0xffffffc000000000, 0)", osbox_execve(path, opaque(K1), 0));
    efault("execve(hello.elf, [hello, kernel 0xffffffc000000000], 0)", osbox_execve(path, with_bad, 0));
    efault("execve(hello.elf, argv, envp at non-canonical 0x8000000000000000)", osbox_execve(path, good, opaque(NC1)));
    efault("execve(hello.elf, argv straddling an unmapped page, 0)", osbox_execve(path, opaque((uintptr_t)hole - 8), 0));
    for (int i = 0; i < 8; i++)
        osbox_pipe2(opaque(K1 + 4096 * i), 0);
    long fd = osbox_dup(0);
    printf("after 8 failed pipe2 calls the next descriptor is %ld\n", fd);
    printf("badsys: %s; still running\n", fails == 0 ? "every bad pointer answered EFAULT" : "SOME DID NOT ANSWER EFAULT");
    fflush(stdout);
    return fails == 0 && fd == 3 ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "common";
    setup();
    if (strcmp(mode, "common") == 0)
        return common();
    if (strcmp(mode, "huge") == 0)
        return huge();
    if (strcmp(mode, "mm") == 0)
        return mm();
    if (strcmp(mode, "tz") == 0)
        return tz();
    if (strcmp(mode, "pgrp") == 0)
        return pgrp();
    if (strcmp(mode, "reap") == 0)
        return reap();
    if (strcmp(mode, "osbox") == 0)
        return osbox_only();
    printf("badsys: unknown mode '%s'\n", mode);
    return 2;
}
