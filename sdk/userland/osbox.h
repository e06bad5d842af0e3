/*
 * osbox.h: system calls for osbox programs (the Linux riscv64 ABI).
 *
 * Syscall numbers are the Linux asm-generic ones (the same table as
 * osbox.api.kernel.Syscalls). osbox_syscall0..6 issue a raw `ecall`:
 * number in a7, arguments in a0-a5, result in a0. Every wrapper returns
 * the kernel's raw answer: a negative errno on failure, never -1/errno.
 */
#ifndef OSBOX_H
#define OSBOX_H

#include <stddef.h>
#include <stdint.h>

#define OSBOX_SYS_IOCTL            29
#define OSBOX_SYS_CLOSE            57
#define OSBOX_SYS_LSEEK            62
#define OSBOX_SYS_READ             63
#define OSBOX_SYS_WRITE            64
#define OSBOX_SYS_READV            65
#define OSBOX_SYS_WRITEV           66
#define OSBOX_SYS_FSTAT            80
#define OSBOX_SYS_EXIT             93
#define OSBOX_SYS_EXIT_GROUP       94
#define OSBOX_SYS_SET_TID_ADDRESS  96
#define OSBOX_SYS_CLOCK_GETTIME   113
#define OSBOX_SYS_UNAME           160
#define OSBOX_SYS_GETTIMEOFDAY    169
#define OSBOX_SYS_GETPID          172
#define OSBOX_SYS_GETPPID         173
#define OSBOX_SYS_GETUID          174
#define OSBOX_SYS_GETEUID         175
#define OSBOX_SYS_GETGID          176
#define OSBOX_SYS_GETEGID         177
#define OSBOX_SYS_GETTID          178
#define OSBOX_SYS_BRK             214
#define OSBOX_SYS_MUNMAP          215
#define OSBOX_SYS_MMAP            222
#define OSBOX_SYS_GETRANDOM       278

#define OSBOX_CLOCK_REALTIME  0
#define OSBOX_CLOCK_MONOTONIC 1

#define OSBOX_PROT_READ   1
#define OSBOX_PROT_WRITE  2
#define OSBOX_MAP_PRIVATE    0x02
#define OSBOX_MAP_ANONYMOUS  0x20

/* Linux struct utsname: six 65-byte strings. */
struct osbox_utsname {
    char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

/* Linux riscv64 struct timespec / timeval (64-bit fields). */
struct osbox_timespec { int64_t tv_sec; int64_t tv_nsec; };
struct osbox_timeval  { int64_t tv_sec; int64_t tv_usec; };

static inline long osbox_syscall6(long n, long a, long b, long c, long d, long e, long f)
{
    register long a7 __asm__("a7") = n;
    register long a0 __asm__("a0") = a;
    register long a1 __asm__("a1") = b;
    register long a2 __asm__("a2") = c;
    register long a3 __asm__("a3") = d;
    register long a4 __asm__("a4") = e;
    register long a5 __asm__("a5") = f;
    __asm__ volatile ("ecall"
                      : "+r"(a0)
                      : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5)
                      : "memory");
    return a0;
}

static inline long osbox_syscall0(long n) { return osbox_syscall6(n, 0, 0, 0, 0, 0, 0); }
static inline long osbox_syscall1(long n, long a) { return osbox_syscall6(n, a, 0, 0, 0, 0, 0); }
static inline long osbox_syscall2(long n, long a, long b) { return osbox_syscall6(n, a, b, 0, 0, 0, 0); }
static inline long osbox_syscall3(long n, long a, long b, long c) { return osbox_syscall6(n, a, b, c, 0, 0, 0); }
static inline long osbox_syscall4(long n, long a, long b, long c, long d) { return osbox_syscall6(n, a, b, c, d, 0, 0); }
static inline long osbox_syscall5(long n, long a, long b, long c, long d, long e) { return osbox_syscall6(n, a, b, c, d, e, 0); }

static inline long osbox_read(int fd, void *buf, size_t len)
{ return osbox_syscall3(OSBOX_SYS_READ, fd, (long)buf, (long)len); }
static inline long osbox_write(int fd, const void *buf, size_t len)
{ return osbox_syscall3(OSBOX_SYS_WRITE, fd, (long)buf, (long)len); }
static inline long osbox_close(int fd)
{ return osbox_syscall1(OSBOX_SYS_CLOSE, fd); }
static inline long osbox_lseek(int fd, long off, int whence)
{ return osbox_syscall3(OSBOX_SYS_LSEEK, fd, off, whence); }
static inline long osbox_ioctl(int fd, unsigned long req, void *arg)
{ return osbox_syscall3(OSBOX_SYS_IOCTL, fd, (long)req, (long)arg); }
static inline long osbox_getpid(void) { return osbox_syscall0(OSBOX_SYS_GETPID); }
static inline long osbox_getppid(void) { return osbox_syscall0(OSBOX_SYS_GETPPID); }
static inline long osbox_gettid(void) { return osbox_syscall0(OSBOX_SYS_GETTID); }
static inline long osbox_getuid(void) { return osbox_syscall0(OSBOX_SYS_GETUID); }
static inline long osbox_brk(void *addr)
{ return osbox_syscall1(OSBOX_SYS_BRK, (long)addr); }
static inline long osbox_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{ return osbox_syscall6(OSBOX_SYS_MMAP, (long)addr, (long)len, prot, flags, fd, off); }
static inline long osbox_munmap(void *addr, size_t len)
{ return osbox_syscall2(OSBOX_SYS_MUNMAP, (long)addr, (long)len); }
static inline long osbox_uname(struct osbox_utsname *u)
{ return osbox_syscall1(OSBOX_SYS_UNAME, (long)u); }
static inline long osbox_clock_gettime(int clock, struct osbox_timespec *ts)
{ return osbox_syscall2(OSBOX_SYS_CLOCK_GETTIME, clock, (long)ts); }
static inline long osbox_gettimeofday(struct osbox_timeval *tv)
{ return osbox_syscall2(OSBOX_SYS_GETTIMEOFDAY, (long)tv, 0); }
static inline long osbox_getrandom(void *buf, size_t len, unsigned flags)
{ return osbox_syscall3(OSBOX_SYS_GETRANDOM, (long)buf, (long)len, flags); }

/* Ends the whole process at once: no atexit handlers, no stdio flush. */
static inline __attribute__((noreturn)) void osbox_exit(int status)
{
    osbox_syscall1(OSBOX_SYS_EXIT_GROUP, status);
    __builtin_unreachable();
}

#endif /* OSBOX_H */
