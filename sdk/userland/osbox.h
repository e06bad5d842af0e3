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

#define OSBOX_SYS_DUP              23
#define OSBOX_SYS_DUP3             24
#define OSBOX_SYS_FCNTL            25
#define OSBOX_SYS_IOCTL            29
#define OSBOX_SYS_CLOSE            57
#define OSBOX_SYS_PIPE2            59
#define OSBOX_SYS_LSEEK            62
#define OSBOX_SYS_READ             63
#define OSBOX_SYS_WRITE            64
#define OSBOX_SYS_READV            65
#define OSBOX_SYS_WRITEV           66
#define OSBOX_SYS_FSTAT            80
#define OSBOX_SYS_EXIT             93
#define OSBOX_SYS_EXIT_GROUP       94
#define OSBOX_SYS_SET_TID_ADDRESS  96
#define OSBOX_SYS_NANOSLEEP       101
#define OSBOX_SYS_CLOCK_GETTIME   113
#define OSBOX_SYS_SCHED_YIELD     124
#define OSBOX_SYS_KILL            129
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
#define OSBOX_SYS_CLONE           220
#define OSBOX_SYS_EXECVE          221
#define OSBOX_SYS_MMAP            222
#define OSBOX_SYS_WAIT4           260
#define OSBOX_SYS_GETRANDOM       278

#define OSBOX_CLOCK_REALTIME  0
#define OSBOX_CLOCK_MONOTONIC 1

#define OSBOX_PROT_READ   1
#define OSBOX_PROT_WRITE  2
#define OSBOX_MAP_PRIVATE    0x02
#define OSBOX_MAP_ANONYMOUS  0x20

/* Linux values. picolibc's own O_CLOEXEC, O_NONBLOCK and SIGCHLD differ:
 * use these with the raw wrappers (the POSIX functions translate). */
#define OSBOX_O_NONBLOCK   04000
#define OSBOX_O_CLOEXEC    02000000
#define OSBOX_F_DUPFD      0
#define OSBOX_F_GETFD      1
#define OSBOX_F_SETFD      2
#define OSBOX_F_GETFL      3
#define OSBOX_F_SETFL      4
#define OSBOX_FD_CLOEXEC   1
#define OSBOX_TCGETS       0x5401

#define OSBOX_CLONE_VM     0x00000100
#define OSBOX_CLONE_VFORK  0x00004000
#define OSBOX_WNOHANG      1

#define OSBOX_SIGKILL   9
#define OSBOX_SIGSEGV  11
#define OSBOX_SIGPIPE  13
#define OSBOX_SIGTERM  15
#define OSBOX_SIGCHLD  17

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
static inline long osbox_fcntl(int fd, int cmd, long arg)
{ return osbox_syscall3(OSBOX_SYS_FCNTL, fd, cmd, arg); }
static inline long osbox_dup(int fd) { return osbox_syscall1(OSBOX_SYS_DUP, fd); }
static inline long osbox_dup3(int oldfd, int newfd, int flags)
{ return osbox_syscall3(OSBOX_SYS_DUP3, oldfd, newfd, flags); }
/* fds[0] is the read end, fds[1] the write end; flags: OSBOX_O_CLOEXEC, OSBOX_O_NONBLOCK. */
static inline long osbox_pipe2(int fds[2], int flags)
{ return osbox_syscall2(OSBOX_SYS_PIPE2, (long)fds, flags); }
static inline long osbox_ioctl(int fd, unsigned long req, void *arg)
{ return osbox_syscall3(OSBOX_SYS_IOCTL, fd, (long)req, (long)arg); }
static inline long osbox_getpid(void) { return osbox_syscall0(OSBOX_SYS_GETPID); }
static inline long osbox_getppid(void) { return osbox_syscall0(OSBOX_SYS_GETPPID); }
static inline long osbox_gettid(void) { return osbox_syscall0(OSBOX_SYS_GETTID); }
static inline long osbox_getuid(void) { return osbox_syscall0(OSBOX_SYS_GETUID); }
static inline long osbox_kill(long pid, int sig) { return osbox_syscall2(OSBOX_SYS_KILL, pid, sig); }
static inline long osbox_sched_yield(void) { return osbox_syscall0(OSBOX_SYS_SCHED_YIELD); }

/*
 * clone(flags, stack, parent_tid, tls, child_tid), the riscv64 argument
 * order. osbox runs it as fork when flags is OSBOX_SIGCHLD (or
 * OSBOX_CLONE_VM | OSBOX_CLONE_VFORK | OSBOX_SIGCHLD); with stack 0 the child
 * goes on on a copy of the parent's stack. Parent: the child's pid; child: 0.
 */
static inline long osbox_clone(unsigned long flags, void *stack, int *ptid, void *tls, int *ctid)
{ return osbox_syscall5(OSBOX_SYS_CLONE, (long)flags, (long)stack, (long)ptid, (long)tls, (long)ctid); }
/* fork as Linux's libc does it: no stdio flush (see fork() in syscalls.c). */
static inline long osbox_fork(void) { return osbox_clone(OSBOX_SIGCHLD, 0, 0, 0, 0); }
/* Does not return on success. */
static inline long osbox_execve(const char *path, char *const argv[], char *const envp[])
{ return osbox_syscall3(OSBOX_SYS_EXECVE, (long)path, (long)argv, (long)envp); }
/* pid: > 0 that child, -1 any child; options: 0 or OSBOX_WNOHANG (then 0 = none has
 * ended yet). *status is in the Linux encoding, which <sys/wait.h>'s WIFEXITED,
 * WEXITSTATUS, WIFSIGNALED and WTERMSIG decode. Pass rusage = 0. */
static inline long osbox_wait4(long pid, int *status, int options, void *rusage)
{ return osbox_syscall4(OSBOX_SYS_WAIT4, pid, (long)status, options, (long)rusage); }
static inline long osbox_nanosleep(const struct osbox_timespec *req, struct osbox_timespec *rem)
{ return osbox_syscall2(OSBOX_SYS_NANOSLEEP, (long)req, (long)rem); }

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

/*
 * POSIX calls that syscalls.c implements but picolibc's headers declare
 * only for RTEMS/Cygwin (<time.h>, <sched.h>): declared here.
 */
struct timespec;
int nanosleep(const struct timespec *req, struct timespec *rem);
int sched_yield(void);

#endif /* OSBOX_H */
