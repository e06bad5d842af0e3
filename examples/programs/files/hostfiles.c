/*
 * hostfiles: a glibc program that reads files the way ordinary programs
 * do, for the /host mount: stat and fstat, open and read in small pieces,
 * lseek and pread, stdio's fopen and fgets, opendir and readdir, getcwd,
 * readlink of /proc/self/exe, and the errors of a missing file, a file used
 * as a directory and a read of a directory. It first changes into DIR, so
 * every later path is relative (and the output does not name DIR). Prints
 * one line per check; the listing is sorted, so the output does not depend
 * on the host's directory order.
 *
 *   hostfiles DIR FILE     (DIR a directory, FILE a text file in it)
 *
 * Build: riscv64-linux-gnu-gcc -static -O2 -o hostfiles.elf hostfiles.c
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *type_name(unsigned char t) {
    switch (t) {
    case DT_DIR: return "dir";
    case DT_REG: return "file";
    case DT_LNK: return "link";
    default: return "other";
    }
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: hostfiles DIR FILE\n");
        return 2;
    }
    const char *path = argv[2];
    char buf[4096];
    if (chdir(argv[1]) != 0) {
        printf("chdir: %s\n", strerror(errno));
        return 1;
    }

    struct stat st;
    if (stat(path, &st) != 0) {
        printf("stat %s: %s\n", path, strerror(errno));
        return 1;
    }
    printf("stat: %s, %lld bytes, %ld link(s)\n", S_ISREG(st.st_mode) ? "regular file" : "not a regular file",
           (long long)st.st_size, (long)st.st_nlink);

    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        printf("open: %s\n", strerror(errno));
        return 1;
    }
    struct stat fst;
    fstat(fd, &fst);
    printf("fstat agrees: %s\n", fst.st_size == st.st_size && fst.st_ino == st.st_ino ? "yes" : "no");

    unsigned hash = 2166136261u;
    long bytes = 0, lines = 0;
    ssize_t n;
    while ((n = read(fd, buf, 7)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            hash = (hash ^ (unsigned char)buf[i]) * 16777619u;
            lines += buf[i] == '\n';
        }
        bytes += n;
    }
    printf("read in 7-byte pieces: %ld bytes, %ld lines, fnv1a %08x\n", bytes, lines, hash);

    off_t end = lseek(fd, -6, SEEK_END);
    n = read(fd, buf, 6);
    printf("lseek(-6, SEEK_END) = %lld, then read %zd: \"%.*s\"\n", (long long)end, n, (int)(n > 0 ? n - 1 : 0), buf);
    n = pread(fd, buf, 8, 0);
    printf("pread(8 at 0) = %zd: \"%.*s\", offset still %lld\n", n, (int)n, buf, (long long)lseek(fd, 0, SEEK_CUR));
    close(fd);

    FILE *f = fopen(path, "r");
    if (f && fgets(buf, sizeof buf, f)) {
        printf("fgets: %s", buf);
    }
    if (f) {
        fclose(f);
    }

    DIR *d = opendir(".");
    if (!d) {
        printf("opendir: %s\n", strerror(errno));
        return 1;
    }
    char *names[256];
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && count < 256) {
        char *s = malloc(strlen(e->d_name) + 8);
        sprintf(s, "%s (%s)", e->d_name, type_name(e->d_type));
        names[count++] = s;
    }
    closedir(d);
    qsort(names, count, sizeof names[0], by_name);
    printf("the directory holds %d entries:", count);
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");

    printf("open missing: %s\n", open("no-such-file", O_RDONLY) < 0 ? strerror(errno) : "opened?");
    snprintf(buf, sizeof buf, "%s/x", path);
    printf("open file/x: %s\n", open(buf, O_RDONLY) < 0 ? strerror(errno) : "opened?");
    fd = open(".", O_RDONLY | O_DIRECTORY);
    printf("read of a directory: %s\n", read(fd, buf, 10) < 0 ? strerror(errno) : "read?");
    close(fd);
    printf("access R_OK: %d\n", access(path, R_OK));

    if (chdir("/") == 0 && getcwd(buf, sizeof buf)) {
        printf("getcwd after chdir(\"/\"): %s\n", buf);
    }
    n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    const char *base = strrchr(buf, '/');
    printf("/proc/self/exe ends with: %s\n", base ? base + 1 : buf);
    return 0;
}
