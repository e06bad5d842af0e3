/*
 * syscalls.c: picolibc's system hooks on osbox (Linux riscv64) syscalls.
 *
 * - POSIX read/write/close/lseek/isatty/getpid/_exit/sbrk on the raw
 *   wrappers of osbox.h, turning -errno answers into -1 and errno.
 * - stdin, stdout and stderr for picolibc's tiny stdio: stdout and stderr are
 *   line-buffered (flushed at '\n', when full, before stdin reads, and by a
 *   destructor that exit() runs); stdin reads the console in chunks.
 * - sbrk grows the heap with the brk syscall, for malloc.
 */
#include <errno.h>
#include <stdio.h>
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

int isatty(int fd)
{
    return fd >= 0 && fd <= 2;
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
