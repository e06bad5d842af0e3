/*
 * blkdev: drives a disk's block special file as real programs do and prints
 * what each step answered, one line each, so a test can compare it with
 * Linux's answers. Usage: blkdev DEVICE [READONLY-DEVICE]
 *
 * DEVICE must be at least 256 KiB and hold, at byte i, the pattern
 * (i * 7 + i / 512) & 0xff when the program starts (the test fills it so);
 * the program writes to it. READONLY-DEVICE is a read-only disk.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <unistd.h>

static unsigned char pattern(long i) { return (unsigned char)((i * 7 + i / 512) & 0xff); }

/* The first byte in buf[0..n) not equal to the pattern at pos + k, or -1. */
static long mismatch(const unsigned char *buf, long n, long pos) {
    for (long k = 0; k < n; k++)
        if (buf[k] != pattern(pos + k)) return k;
    return -1;
}

static void result(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld\n", what, r);
}

static unsigned char big[300 * 1024], back[300 * 1024];

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: blkdev DEVICE [READONLY-DEVICE]\n"); return 2; }
    int fd = open(argv[1], O_RDWR);
    if (fd < 0) { perror(argv[1]); return 1; }
    struct stat st;
    fstat(fd, &st);
    printf("fstat: blk %d major %u minor %u size %ld\n", S_ISBLK(st.st_mode), major(st.st_rdev),
           minor(st.st_rdev), (long)st.st_size);
    unsigned long long bytes = 0; unsigned long sectors = 0; int ssz = 0, ro = -1;
    result("BLKGETSIZE64", ioctl(fd, BLKGETSIZE64, &bytes));
    result("BLKGETSIZE", ioctl(fd, BLKGETSIZE, &sectors));
    result("BLKSSZGET", ioctl(fd, BLKSSZGET, &ssz));
    result("BLKROGET", ioctl(fd, BLKROGET, &ro));
    result("BLKFLSBUF", ioctl(fd, BLKFLSBUF, 0));
    result("TCGETS", ioctl(fd, 0x5401, big));
    printf("sizes: %llu bytes %lu sectors %d per sector ro %d\n", bytes, sectors, ssz, ro);
    long size = (long)bytes;
    result("lseek end", lseek(fd, 0, SEEK_END));
    result("lseek past end", lseek(fd, 1, SEEK_END));
    result("lseek set", lseek(fd, 1000, SEEK_SET));

    /* read at an odd offset and length, through the file offset */
    unsigned char buf[5000];
    long n = read(fd, buf, 3001);
    printf("read 3001 at 1000: %ld mismatch %ld offset %ld\n", n, mismatch(buf, n, 1000), (long)lseek(fd, 0, SEEK_CUR));
    /* a large read, in chunks */
    n = pread(fd, big, sizeof big, 777);
    printf("pread %ld at 777: %ld mismatch %ld\n", (long)sizeof big, n, mismatch(big, n, 777));
    /* readv over three buffers */
    unsigned char a[100], b[1000], c[5000];
    struct iovec iov[3] = {{a, sizeof a}, {b, sizeof b}, {c, sizeof c}};
    lseek(fd, 513, SEEK_SET);
    n = readv(fd, iov, 3);
    printf("readv 6100 at 513: %ld mismatch %ld %ld %ld\n", n, mismatch(a, 100, 513), mismatch(b, 1000, 613),
           mismatch(c, 5000, 1613));
    /* at and across the end */
    result("pread at end", pread(fd, buf, 10, size));
    result("pread across end", pread(fd, buf, 1000, size - 100));
    result("pwrite at end", pwrite(fd, buf, 10, size));

    /* a write inside one sector (read-modify-write), read back with its neighbours */
    memcpy(buf, "hello, disk", 11);
    result("pwrite 11 at 70000", pwrite(fd, buf, 11, 70000));
    n = pread(fd, buf, 1024, 69632);
    printf("around it: %ld before %ld text %d after %ld\n", n, mismatch(buf, 368, 69632),
           memcmp(buf + 368, "hello, disk", 11) == 0, mismatch(buf + 379, 1024 - 379, 70011));
    /* a large unaligned write, read back */
    for (long k = 0; k < (long)sizeof big; k++) big[k] = (unsigned char)(k * 13 + 5);
    result("pwrite 300K at 4097", pwrite(fd, big, sizeof big, 4097));
    n = pread(fd, back, sizeof back, 4097);
    printf("read back: %ld same %d before %ld\n", n, memcmp(big, back, sizeof big) == 0,
           mismatch(back, 0, 0));
    n = pread(fd, buf, 4097, 0);
    printf("head kept: %ld\n", mismatch(buf, 4097, 0));
    /* writev through the offset */
    struct iovec out[2] = {{"abc", 3}, {"defgh", 5}};
    lseek(fd, 200000, SEEK_SET);
    result("writev 8 at 200000", writev(fd, out, 2));
    result("offset after", lseek(fd, 0, SEEK_CUR));
    pread(fd, buf, 8, 200000);
    printf("written: %.8s\n", buf);
    result("fsync", fsync(fd));
    result("fdatasync", fdatasync(fd));
    close(fd);

    /* O_SYNC writes, and the access modes */
    fd = open(argv[1], O_WRONLY | O_SYNC);
    result("O_SYNC pwrite", pwrite(fd, "sync", 4, 123456));
    result("read of O_WRONLY", read(fd, buf, 4));
    close(fd);
    fd = open(argv[1], O_RDONLY);
    result("write of O_RDONLY", write(fd, "x", 1));
    pread(fd, buf, 4, 123456);
    printf("synced: %.4s\n", buf);
    close(fd);
    if (argc > 2) {
        result("open ro disk O_WRONLY", open(argv[2], O_WRONLY));
        result("open ro disk O_RDWR", open(argv[2], O_RDWR));
        fd = open(argv[2], O_RDONLY);
        result("open ro disk O_RDONLY", fd >= 0 ? 0 : -1);
        ro = -1;
        ioctl(fd, BLKROGET, &ro);
        printf("ro disk BLKROGET %d\n", ro);
    }
    return 0;
}
