/* sockpair: Unix-domain sockets from socketpair(2). A child echoes a
 * stream in upper case; a pipe's read end travels by SCM_RIGHTS and stays
 * the same open file description; datagrams and seqpackets keep their
 * boundaries (MSG_TRUNC); shutdown, EOF, EPIPE with SIGPIPE or with
 * MSG_NOSIGNAL; SOCK_NONBLOCK; poll; getsockopt and getsockname. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static int events(int fd)
{
    struct pollfd p = {fd, POLLIN | POLLOUT | POLLRDHUP, 0};
    poll(&p, 1, 0);
    return p.revents;
}

/* Sends text with one descriptor attached. */
static long send_fd(int sock, const char *text, int fd)
{
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
    struct iovec iov = {(void *)text, strlen(text)};
    struct msghdr m = {0};
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = u.buf;
    m.msg_controllen = sizeof u.buf;
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    return sendmsg(sock, &m, 0);
}

/* Receives text and the descriptor that came with it (-1 when none). */
static int recv_fd(int sock, char *text, size_t size)
{
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
    struct iovec iov = {text, size - 1};
    struct msghdr m = {0};
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = u.buf;
    m.msg_controllen = sizeof u.buf;
    long n = recvmsg(sock, &m, MSG_CMSG_CLOEXEC);
    text[n > 0 ? n : 0] = 0;
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    int fd = -1;
    if (c && c->cmsg_type == SCM_RIGHTS)
        memcpy(&fd, CMSG_DATA(c), sizeof fd);
    printf("recvmsg: %ld bytes \"%s\", controllen %zu, flags %#x, fd %s, FD_CLOEXEC %d\n", n, text,
           (size_t)m.msg_controllen, m.msg_flags, fd >= 0 ? "yes" : "no", fd >= 0 ? fcntl(fd, F_GETFD) : -1);
    return fd;
}

static void echo_stream(void)
{
    int sv[2];
    show("socketpair stream", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        close(sv[0]);
        char buf[64];
        long n;
        while ((n = read(sv[1], buf, sizeof buf)) > 0) {
            for (long i = 0; i < n; i++)
                buf[i] = toupper((unsigned char)buf[i]);
            write(sv[1], buf, n);
        }
        _exit(n == 0 ? 0 : 1);
    }
    close(sv[1]);
    const char *words[] = {"hello", "unix sockets", "bye"};
    for (int i = 0; i < 3; i++) {
        char buf[64];
        write(sv[0], words[i], strlen(words[i]));
        long n = read(sv[0], buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = 0;
        printf("echo: %s\n", buf);
    }
    shutdown(sv[0], SHUT_WR);
    int status;
    waitpid(child, &status, 0);
    printf("echo child saw EOF and exited %d\n", WEXITSTATUS(status));
    char buf[8];
    show("read after the child is gone", read(sv[0], buf, sizeof buf));
    close(sv[0]);
}

static void pass_fd(void)
{
    int sv[2], p[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    pipe(p);
    write(p[1], "through the pipe", 16);
    show("sendmsg with the pipe's read end", send_fd(sv[0], "fd", p[0]));
    close(p[0]);                          /* in flight: still open, the pipe keeps its reader */
    show("write to the pipe while its read end is in flight", write(p[1], "!", 1));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        char text[16], buf[32];
        int fd = recv_fd(sv[1], text, sizeof text);
        long n = read(fd, buf, 7);
        buf[n] = 0;
        printf("child read \"%s\" from the passed descriptor\n", buf);
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, NULL, 0);
    /* the write end arrives as the same open file description: O_NONBLOCK set on it shows on p[1] */
    char text[16];
    send_fd(sv[0], "again", p[1]);
    int fd2 = recv_fd(sv[1], text, sizeof text);
    fcntl(fd2, F_SETFL, O_NONBLOCK);
    printf("F_GETFL of the sender's write end %#o\n", fcntl(p[1], F_GETFL));
    close(p[1]);
    close(fd2);
    show("send with a bad descriptor", send_fd(sv[0], "x", 99));
    close(sv[0]);
    close(sv[1]);
}

static void boundaries(int type, const char *name)
{
    int sv[2];
    char buf[16];
    socketpair(AF_UNIX, type, 0, sv);
    send(sv[0], "one", 3, 0);
    send(sv[0], "two!", 4, 0);
    send(sv[0], "three", 5, 0);
    printf("%s:", name);
    for (int i = 0; i < 2; i++) {
        long n = recv(sv[1], buf, sizeof buf, 0);
        printf(" %ld \"%.*s\"", n, (int)n, buf);
    }
    struct iovec iov = {buf, 2};
    struct msghdr m = {0};
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    long n = recvmsg(sv[1], &m, 0);
    printf(" then %ld \"%.*s\" flags %#x\n", n, (int)n, buf, m.msg_flags);
    send(sv[0], "abcdef", 6, 0);
    show("  recv MSG_TRUNC into 2 bytes", recv(sv[1], buf, 2, MSG_TRUNC));
    close(sv[0]);
    printf("  poll after the peer closed %#x\n", events(sv[1]));
    if (type == SOCK_SEQPACKET)
        show("  recv after the peer closed", recv(sv[1], buf, sizeof buf, 0));
    close(sv[1]);
}

static void broken(void)
{
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[1]);
    show("send MSG_NOSIGNAL to a closed peer", send(sv[0], "x", 1, MSG_NOSIGNAL));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        write(sv[0], "x", 1);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    printf("write without MSG_NOSIGNAL: child killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    signal(SIGPIPE, SIG_IGN);
    show("write with SIGPIPE ignored", write(sv[0], "x", 1));
    close(sv[0]);
}

static void nonblocking(void)
{
    int sv[2];
    char buf[4096];
    show("socketpair SOCK_NONBLOCK|SOCK_CLOEXEC", socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
    printf("F_GETFL %#o FD_CLOEXEC %d\n", fcntl(sv[0], F_GETFL), fcntl(sv[0], F_GETFD));
    show("recv empty", recv(sv[1], buf, sizeof buf, 0));
    printf("poll empty %#x\n", events(sv[1]));
    memset(buf, 'x', sizeof buf);
    long total = 0, n;
    while ((n = send(sv[0], buf, sizeof buf, 0)) > 0)
        total += n;
    printf("filled: %s after some bytes; writable %s\n", errno == EAGAIN ? "EAGAIN" : strerror(errno),
           events(sv[0]) & POLLOUT ? "yes" : "no");
    printf("poll full %#x\n", events(sv[1]));
    int type, domain;
    socklen_t len = sizeof type;
    getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &len);
    printf("SO_TYPE %d len %u\n", type, len);
    len = sizeof domain;
    getsockopt(sv[0], SOL_SOCKET, SO_DOMAIN, &domain, &len);
    printf("SO_DOMAIN %d\n", domain);
    show("getsockopt unknown", getsockopt(sv[0], SOL_SOCKET, 12345, &type, &len));
    struct sockaddr_un sa;
    len = sizeof sa;
    getsockname(sv[0], (struct sockaddr *)&sa, &len);
    printf("getsockname family %d len %u\n", sa.sun_family, len);
    shutdown(sv[1], SHUT_WR);
    printf("poll after the peer's SHUT_WR %#x\n", events(sv[0]) & ~POLLOUT);
    close(sv[0]);
    close(sv[1]);
    show("socketpair AF_INET", socketpair(AF_INET, SOCK_STREAM, 0, sv));
    show("socketpair SOCK_RAW", socketpair(AF_UNIX, SOCK_RAW, 0, sv));
    show("recv on a pipe", recv(0 * pipe(sv) + sv[0], buf, 1, 0));
}

int main(void)
{
    echo_stream();
    pass_fd();
    boundaries(SOCK_DGRAM, "dgram");
    boundaries(SOCK_SEQPACKET, "seqpacket");
    broken();
    nonblocking();
    return 0;
}
