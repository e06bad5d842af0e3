/*
 * iogen: an I/O load generator for disks (/dev/vda) and files, for the
 * storage workloads. It issues COUNT requests of BS bytes on DEVICE:
 *
 *   iogen DEVICE MODE [bs=N] [count=N] [seed=S] [span=BYTES] [offset=BYTES]
 *         [cpu=ITER] [sync] [fsync=N] [ioprio=CLASS,LEVEL] [-q]
 *
 * MODE is seqread, randread, seqwrite, randwrite or mixed (70% reads, 30%
 * writes, chosen at random). Requests fall in [offset, offset + span)
 * (span: the rest of the device by default), aligned to bs; sequential
 * modes go round that range, random ones pick a block with a seeded
 * 64-bit LCG, so a run repeats exactly. cpu=ITER spins ITER loop
 * iterations between requests (a process that computes as well); sync
 * opens the device O_SYNC; fsync=N calls fsync after every N writes (and
 * at the end); ioprio=CLASS,LEVEL calls ioprio_set first (CLASS rt, be,
 * idle or 1..3; LEVEL 0..7). Written bytes depend on the seed and the
 * offset. Unless -q, it prints one line: the requests, bytes, and a
 * checksum of what it read. Sizes take K, M and G suffixes.
 * Exit status: 0, 1 for an I/O error (one line on stderr), 2 for bad usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

enum mode { SEQREAD, RANDREAD, SEQWRITE, RANDWRITE, MIXED };
static const char *const MODES[] = {"seqread", "randread", "seqwrite", "randwrite", "mixed"};

static uint64_t lcg;

/* The next number of the seeded generator (Knuth's MMIX LCG), its high bits. */
static uint64_t next_random(void) {
    lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
    return lcg >> 17;
}

static void usage(const char *why) {
    fprintf(stderr, "iogen: %s\n", why);
    fprintf(stderr, "usage: iogen DEVICE seqread|randread|seqwrite|randwrite|mixed [bs=N] [count=N] [seed=S] "
                    "[span=BYTES] [offset=BYTES] [cpu=ITER] [sync] [fsync=N] [ioprio=CLASS,LEVEL] [-q]\n");
    exit(2);
}

/* A size with an optional K, M or G suffix; exits with usage for anything else. */
static long long size_arg(const char *name, const char *text) {
    char *end;
    errno = 0;
    long long v = strtoll(text, &end, 10);
    long long unit = 1;
    if (*end == 'K' || *end == 'k') unit = 1024, end++;
    else if (*end == 'M' || *end == 'm') unit = 1024 * 1024, end++;
    else if (*end == 'G' || *end == 'g') unit = 1024LL * 1024 * 1024, end++;
    if (errno != 0 || end == text || *end != '\0' || v < 0) {
        char msg[200];
        snprintf(msg, sizeof msg, "%s: not a size: '%s'", name, text);
        usage(msg);
    }
    return v * unit;
}

/* ioprio=CLASS,LEVEL as ioprio_set's value. */
static int ioprio_arg(const char *text) {
    static const char *const classes[] = {"none", "rt", "be", "idle"};
    char cls[16];
    int level = 0, c = -1;
    const char *comma = strchr(text, ',');
    size_t n = comma ? (size_t)(comma - text) : strlen(text);
    if (n == 0 || n >= sizeof cls) usage("ioprio: expected CLASS,LEVEL (CLASS rt, be, idle or 1..3; LEVEL 0..7)");
    memcpy(cls, text, n);
    cls[n] = '\0';
    for (int k = 1; k < 4; k++)
        if (strcmp(cls, classes[k]) == 0 || (cls[0] == '0' + k && cls[1] == '\0')) c = k;
    if (comma) {
        char *end;
        level = (int)strtol(comma + 1, &end, 10);
        if (end == comma + 1 || *end != '\0' || level < 0 || level > 7) c = -1;
    }
    if (c < 0) usage("ioprio: expected CLASS,LEVEL (CLASS rt, be, idle or 1..3; LEVEL 0..7)");
    return c << 13 | level;
}

int main(int argc, char **argv) {
    if (argc < 3) usage("expected a device and a mode");
    const char *path = argv[1];
    int mode = -1;
    for (int k = 0; k < 5; k++)
        if (strcmp(argv[2], MODES[k]) == 0) mode = k;
    if (mode < 0) usage("mode must be seqread, randread, seqwrite, randwrite or mixed");
    long long bs = 4096, count = 64, span = -1, offset = 0, cpu = 0, fsync_every = 0;
    uint64_t seed = 1;
    int sync = 0, quiet = 0, ioprio = -1;
    for (int i = 3; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "bs=", 3) == 0) bs = size_arg("bs", a + 3);
        else if (strncmp(a, "count=", 6) == 0) count = size_arg("count", a + 6);
        else if (strncmp(a, "seed=", 5) == 0) seed = (uint64_t)size_arg("seed", a + 5);
        else if (strncmp(a, "span=", 5) == 0) span = size_arg("span", a + 5);
        else if (strncmp(a, "offset=", 7) == 0) offset = size_arg("offset", a + 7);
        else if (strncmp(a, "cpu=", 4) == 0) cpu = size_arg("cpu", a + 4);
        else if (strncmp(a, "fsync=", 6) == 0) fsync_every = size_arg("fsync", a + 6);
        else if (strncmp(a, "ioprio=", 7) == 0) ioprio = ioprio_arg(a + 7);
        else if (strcmp(a, "sync") == 0) sync = 1;
        else if (strcmp(a, "-q") == 0) quiet = 1;
        else {
            char msg[300];
            snprintf(msg, sizeof msg, "unknown option '%s'", a);
            usage(msg);
        }
    }
    if (bs < 1 || bs > 16 * 1024 * 1024) usage("bs must be 1..16M");
    if (ioprio >= 0 && syscall(SYS_ioprio_set, 1, 0, ioprio) != 0) {
        fprintf(stderr, "iogen: ioprio_set: %s\n", strerror(errno));
        return 1;
    }
    int writes = mode == SEQWRITE || mode == RANDWRITE || mode == MIXED;
    int fd = open(path, (writes ? O_RDWR : O_RDONLY) | (sync ? O_SYNC : 0));
    if (fd < 0) {
        fprintf(stderr, "iogen: %s: %s\n", path, strerror(errno));
        return 1;
    }
    struct stat st;
    unsigned long long size = 0;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size = (unsigned long long)st.st_size;
    else if (ioctl(fd, BLKGETSIZE64, &size) != 0) {
        fprintf(stderr, "iogen: %s: size: %s\n", path, strerror(errno));
        return 1;
    }
    if ((unsigned long long)offset >= size) usage("offset is past the end of the device");
    if (span < 0 || (unsigned long long)(offset + span) > size) span = (long long)(size - offset);
    long long blocks = span / bs;
    if (blocks < 1) usage("span holds no block of bs bytes");
    unsigned char *buf = malloc((size_t)bs);
    if (!buf) {
        fprintf(stderr, "iogen: out of memory for bs=%lld\n", bs);
        return 1;
    }
    lcg = seed;
    long long reads = 0, written = 0, since_fsync = 0;
    uint64_t checksum = 14695981039346656037ULL;
    for (long long i = 0; i < count; i++) {
        long long block = mode == SEQREAD || mode == SEQWRITE ? i % blocks : (long long)(next_random() % blocks);
        off_t at = (off_t)(offset + block * bs);
        int write_it = mode == SEQWRITE || mode == RANDWRITE || (mode == MIXED && next_random() % 10 >= 7);
        if (write_it) {
            for (long long k = 0; k < bs; k++) buf[k] = (unsigned char)(seed + (uint64_t)at + (uint64_t)k * 31);
            ssize_t n = pwrite(fd, buf, (size_t)bs, at);
            if (n != bs) {
                fprintf(stderr, "iogen: %s: write at %lld: %s\n", path, (long long)at,
                        n < 0 ? strerror(errno) : "short write");
                return 1;
            }
            written++;
            if (fsync_every > 0 && ++since_fsync == fsync_every) {
                since_fsync = 0;
                if (fsync(fd) != 0) {
                    fprintf(stderr, "iogen: %s: fsync: %s\n", path, strerror(errno));
                    return 1;
                }
            }
        } else {
            ssize_t n = pread(fd, buf, (size_t)bs, at);
            if (n != bs) {
                fprintf(stderr, "iogen: %s: read at %lld: %s\n", path, (long long)at,
                        n < 0 ? strerror(errno) : "short read");
                return 1;
            }
            for (long long k = 0; k < bs; k++) checksum = (checksum ^ buf[k]) * 1099511628211ULL; /* FNV-1a */
            reads++;
        }
        for (volatile long long spin = 0; spin < cpu; spin++) {
        }
    }
    if (fsync_every > 0 && since_fsync > 0 && fsync(fd) != 0) {
        fprintf(stderr, "iogen: %s: fsync: %s\n", path, strerror(errno));
        return 1;
    }
    close(fd);
    if (!quiet)
        printf("iogen: %s %s: %lld ops (%lld reads, %lld writes), %lld bytes, checksum %016" PRIx64 "\n", MODES[mode],
               path, reads + written, reads, written, (reads + written) * bs, checksum);
    return 0;
}
