/* evcount: an eventfd as a counter (eventfd(2)). Writes add, a read takes
 * the whole count (EFD_SEMAPHORE: one), 0 blocks or answers EAGAIN, the
 * count stops at 0xfffffffffffffffe, poll sees readable and writable, and
 * a child adds across fork and wakes a parent asleep in read. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static uint64_t value;

static long put(int fd, uint64_t v)
{
    value = v;
    return write(fd, &value, 8);
}

static long take(int fd)
{
    value = 0;
    return read(fd, &value, 8);
}

static int ready(int fd)
{
    struct pollfd p = {fd, POLLIN | POLLOUT, 0};
    poll(&p, 1, 0);
    return p.revents;
}

int main(void)
{
    int fd = eventfd(3, EFD_CLOEXEC);
    printf("F_GETFL %#o FD_CLOEXEC %d\n", fcntl(fd, F_GETFL), fcntl(fd, F_GETFD));
    show("write 4", put(fd, 4));
    show("read", take(fd));
    printf("count was %llu\n", (unsigned long long)value);

    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        for (uint64_t i = 1; i <= 5; i++)
            put(fd, i);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    take(fd);
    printf("child added 1..5: %llu\n", (unsigned long long)value);

    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    printf("F_GETFL %#o\n", fcntl(fd, F_GETFL));
    show("read empty, O_NONBLOCK", take(fd));
    printf("poll empty: %#x\n", ready(fd));
    show("write max", put(fd, 0xfffffffffffffffeULL));
    show("write 1 more", put(fd, 1));
    show("write ~0", put(fd, ~0ULL));
    show("read 4 bytes", read(fd, &value, 4));
    printf("poll full: %#x\n", ready(fd));
    show("read", take(fd));
    printf("count was %#llx\n", (unsigned long long)value);

    int sem = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    for (int i = 0; i < 3; i++) {
        show("semaphore read", take(sem));
        printf("  value %llu\n", (unsigned long long)value);
    }
    show("eventfd2 bad flags", syscall(SYS_eventfd2, 0, 2));

    int blocking = eventfd(0, 0);
    fflush(stdout);
    child = fork();
    if (child == 0) {
        take(blocking);         /* sleeps until the parent writes */
        printf("child woke with %llu\n", (unsigned long long)value);
        fflush(stdout);
        _exit(0);
    }
    sched_yield();
    put(blocking, 42);
    waitpid(child, &status, 0);
    printf("child exited %d\n", WEXITSTATUS(status));
    return 0;
}
