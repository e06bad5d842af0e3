/*
 * syscalls.c: picolibc's system hooks on osbox (Linux riscv64) syscalls.
 *
 * - POSIX read/write/close/lseek/isatty/getpid/_exit/sbrk on the raw
 *   wrappers of osbox.h, turning -errno answers into -1 and errno.
 * - stdin, stdout and stderr for picolibc's tiny stdio: stdout and stderr are
 *   line-buffered (flushed at '\n', when full, before stdin reads, and by a
 *   destructor that exit() runs); stdin reads the console in chunks.
 * - sbrk grows the heap with the brk syscall, for malloc.
 * - Processes, pipes and time, where picolibc has only prototypes: fork,
 *   execve, execv, waitpid, wait, kill, pipe, pipe2, dup, dup2, dup3,
 *   getppid, sched_yield, nanosleep, sleep, usleep. fork and execve first
 *   write out what stdout and stderr hold (see fork below).
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "osbox.h"

/* Turns a raw syscall answer into the POSIX convention. */
static long posix_result(long r)
{
    if (r < 0 && r > -4096) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

ssize_t read(int fd, void *buf, size_t len) { return posix_result(osbox_read(fd, buf, len)); }
ssize_t write(int fd, const void *buf, size_t len) { return posix_result(osbox_write(fd, buf, len)); }
int close(int fd) { return (int)posix_result(osbox_close(fd)); }
off_t lseek(int fd, off_t off, int whence) { return posix_result(osbox_lseek(fd, off, whence)); }
pid_t getpid(void) { return (pid_t)osbox_getpid(); }

/* A terminal answers TCGETS; osbox's console, pipes and files say ENOTTY. */
int isatty(int fd)
{
    unsigned char termios[64];       /* Linux struct termios: 36 bytes */
    long r = osbox_ioctl(fd, OSBOX_TCGETS, termios);
    if (r < 0) {
        errno = (int)-r;
        return 0;
    }
    return 1;
}

void _exit(int status)
{
    osbox_exit(status);
}

void *sbrk(ptrdiff_t incr)
{
    static char *cur;
    if (cur == NULL)
        cur = (char *)osbox_brk(NULL);
    char *old = cur;
    char *want = old + incr;
    char *got = (char *)osbox_brk(want);
    if (got != want) {               /* brk answers the unchanged break */
        errno = ENOMEM;
        return (void *)-1;
    }
    cur = got;
    return old;
}

/* A line buffer in front of one output file descriptor. */
struct linebuf {
    int fd;
    size_t used;
    char data[256];
};

static struct linebuf out_buf = { .fd = 1 };
static struct linebuf err_buf = { .fd = 2 };

static int linebuf_flush(struct linebuf *lb)
{
    size_t done = 0;
    while (done < lb->used) {
        long n = osbox_write(lb->fd, lb->data + done, lb->used - done);
        if (n <= 0) {
            lb->used = 0;
            return EOF;
        }
        done += (size_t)n;
    }
    lb->used = 0;
    return 0;
}

static int linebuf_put(struct linebuf *lb, char c)
{
    lb->data[lb->used++] = c;
    if (c == '\n' || lb->used == sizeof lb->data) {
        if (linebuf_flush(lb) != 0)
            return EOF;
    }
    return (unsigned char)c;
}

static int out_put(char c, FILE *f) { (void)f; return linebuf_put(&out_buf, c); }
static int out_flush(FILE *f) { (void)f; return linebuf_flush(&out_buf); }
static int err_put(char c, FILE *f) { (void)f; return linebuf_put(&err_buf, c); }
static int err_flush(FILE *f) { (void)f; return linebuf_flush(&err_buf); }

/* stdin: refilled by one read() at a time, after flushing any prompt. */
static unsigned char in_data[256];
static size_t in_pos, in_len;

static int in_get(FILE *f)
{
    (void)f;
    if (in_pos == in_len) {
        linebuf_flush(&out_buf);
        linebuf_flush(&err_buf);
        long n = osbox_read(0, in_data, sizeof in_data);
        if (n <= 0)
            return n == 0 ? _FDEV_EOF : _FDEV_ERR;
        in_pos = 0;
        in_len = (size_t)n;
    }
    return in_data[in_pos++];
}

static FILE in_file = FDEV_SETUP_STREAM(NULL, in_get, NULL, _FDEV_SETUP_READ);
static FILE out_file = FDEV_SETUP_STREAM(out_put, NULL, out_flush, _FDEV_SETUP_WRITE);
static FILE err_file = FDEV_SETUP_STREAM(err_put, NULL, err_flush, _FDEV_SETUP_WRITE);

FILE *const stdin = &in_file;
FILE *const stdout = &out_file;
FILE *const stderr = &err_file;

/* exit() runs destructors: write out what is still buffered. */
static void __attribute__((destructor)) flush_std_streams(void)
{
    linebuf_flush(&out_buf);
    linebuf_flush(&err_buf);
}

/* Writes out what the stdout and stderr line buffers hold. */
static void flush_std_output(void)
{
    linebuf_flush(&out_buf);
    linebuf_flush(&err_buf);
}

/*
 * fork: the child gets a copy of everything, stdio buffers included, so
 * output buffered before fork would be written twice (once by each process
 * at exit). glibc programs must fflush(NULL) by hand before fork; here fork
 * does it for stdout and stderr. (Not with fflush(NULL) itself: picolibc's
 * tiny stdio crashes on a NULL stream.) Input that stdin has already read
 * ahead is not given back: a program whose children read its stdin (a shell)
 * should read stdin with read(), not stdio.
 */
pid_t fork(void)
{
    flush_std_output();
    return (pid_t)posix_result(osbox_fork());
}

/* osbox runs vfork as fork: the child gets a copy, not the parent's memory. */
pid_t vfork(void)
{
    return fork();
}

/* Flushes stdout and stderr first, so output written before exec is kept. */
int execve(const char *path, char *const argv[], char *const envp[])
{
    flush_std_output();
    return (int)posix_result(osbox_execve(path, argv, envp));
}

int execv(const char *path, char *const argv[])
{
    return execve(path, argv, environ);
}

/* WNOHANG and WUNTRACED have the Linux values; the status too. */
pid_t waitpid(pid_t pid, int *status, int options)
{
    return (pid_t)posix_result(osbox_wait4(pid, status, options, NULL));
}

pid_t wait(int *status)
{
    return waitpid(-1, status, 0);
}

/* The signal number goes to the kernel as it is (see README: picolibc's
 * numbers match Linux's for SIGHUP..SIGTERM except SIGBUS and SIGSYS). */
int kill(pid_t pid, int sig)
{
    return (int)posix_result(osbox_kill(pid, sig));
}

pid_t getppid(void)
{
    return (pid_t)osbox_getppid();
}

int sched_yield(void)
{
    return (int)posix_result(osbox_sched_yield());
}

/* picolibc's O_CLOEXEC and O_NONBLOCK to Linux's; -1 for other flags. */
static int linux_fd_flags(int flags)
{
    int linux = 0;
    if (flags & O_CLOEXEC)
        linux |= OSBOX_O_CLOEXEC;
    if (flags & O_NONBLOCK)
        linux |= OSBOX_O_NONBLOCK;
    if (flags & ~(O_CLOEXEC | O_NONBLOCK))
        return -1;
    return linux;
}

int pipe2(int fds[2], int flags)
{
    int linux = linux_fd_flags(flags);
    if (linux < 0) {
        errno = EINVAL;
        return -1;
    }
    return (int)posix_result(osbox_pipe2(fds, linux));
}

int pipe(int fds[2])
{
    return (int)posix_result(osbox_pipe2(fds, 0));
}

int dup(int fd)
{
    return (int)posix_result(osbox_dup(fd));
}

int dup3(int oldfd, int newfd, int flags)
{
    int linux = linux_fd_flags(flags);
    if (linux < 0 || (linux & OSBOX_O_NONBLOCK)) {
        errno = EINVAL;
        return -1;
    }
    return (int)posix_result(osbox_dup3(oldfd, newfd, linux));
}

/* dup3 refuses oldfd == newfd (EINVAL); dup2 then only checks fd is open. */
int dup2(int oldfd, int newfd)
{
    if (oldfd == newfd) {
        long r = posix_result(osbox_fcntl(oldfd, OSBOX_F_GETFD, 0));
        return r < 0 ? -1 : newfd;
    }
    return (int)posix_result(osbox_dup3(oldfd, newfd, 0));
}

/* struct timespec is the Linux one: 64-bit seconds and nanoseconds. */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
    return (int)posix_result(osbox_nanosleep((const struct osbox_timespec *)req,
                                             (struct osbox_timespec *)rem));
}

/* Returns the seconds left when interrupted, else 0. */
unsigned sleep(unsigned seconds)
{
    struct timespec req = { .tv_sec = seconds, .tv_nsec = 0 }, rem;
    if (nanosleep(&req, &rem) < 0 && errno == EINTR)
        return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
    return 0;
}

int usleep(useconds_t usec)
{
    struct timespec req = { .tv_sec = usec / 1000000, .tv_nsec = (long)(usec % 1000000) * 1000 };
    return nanosleep(&req, NULL);
}
