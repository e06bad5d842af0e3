/*
 * shmcalls: the System V shared memory calls' answers and errors, printed
 * so that osbox and qemu-riscv64 (Linux) can be compared line by line:
 * shmget's sizes, keys and flags; shmat's addresses (NULL, given, SHM_RND,
 * misaligned, overlapping, SHM_REMAP, SHM_RDONLY); shmdt; shmctl's
 * IPC_STAT, IPC_SET, SHM_STAT, IPC_INFO and SHM_INFO (only what does not
 * depend on the host), IPC_RMID; a write through a read-only attachment
 * (SIGSEGV in a child); attachments through fork and exit. With the
 * argument "keep" it only leaves a segment behind (SysvShmIT's ipc:list).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define KEY 0x73686d31 /* "shm1" */

static void show(const char *what, long r) {
    if (r < 0) {
        printf("%s: %s\n", what, strerrorname_np(errno));
    } else {
        printf("%s: ok\n", what);
    }
}

static void showp(const char *what, void *p) {
    show(what, p == (void *) -1 ? -1 : 0);
}

static struct shmid_ds stat_of(int id) {
    struct shmid_ds ds;
    memset(&ds, 0, sizeof ds);
    if (shmctl(id, IPC_STAT, &ds) != 0) {
        printf("IPC_STAT: %s\n", strerrorname_np(errno));
    }
    return ds;
}

/* shmcalls keep: leaves a segment (key 0x73686d32, 5000 bytes, mode 640) behind for ipc:list and ipcs */
static int keep(void) {
    int id = shmget(0x73686d32, 5000, IPC_CREAT | IPC_EXCL | 0640);
    char *p = id < 0 ? (char *) -1 : shmat(id, NULL, 0);
    if (p == (char *) -1) {
        printf("shmcalls keep: %s\n", strerror(errno));
        return 1;
    }
    strcpy(p, "left behind");
    shmdt(p);
    printf("segment 0x73686d32 kept: 5000 bytes, mode 640\n");
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "keep") == 0) {
        return keep();
    }
    long page = sysconf(_SC_PAGESIZE);
    int old = shmget(KEY, 0, 0);
    if (old >= 0) {
        shmctl(old, IPC_RMID, NULL); /* a leftover of an earlier run */
    }

    /* shmget */
    show("shmget size 0", shmget(IPC_PRIVATE, 0, 0600));
    show("shmget no key, no IPC_CREAT", shmget(KEY, 100, 0600));
    int id = shmget(KEY, 5000, IPC_CREAT | 0640);
    show("shmget IPC_CREAT 5000 bytes", id);
    show("shmget the key again", shmget(KEY, 0, 0) == id ? 0 : -1);
    show("shmget IPC_EXCL", shmget(KEY, 100, IPC_CREAT | IPC_EXCL | 0600));
    show("shmget larger than the segment", shmget(KEY, 5001, 0));
    show("shmget ULONG_MAX bytes", shmget(IPC_PRIVATE, (size_t) -1, 0600));

    struct shmid_ds ds = stat_of(id);
    printf("IPC_STAT: segsz %zu, nattch %lu, mode %o, key %s, cpid is me %s, lpid %d, atime %s, dtime %s\n",
           (size_t) ds.shm_segsz, (unsigned long) ds.shm_nattch, ds.shm_perm.mode,
           ds.shm_perm.__key == KEY ? "KEY" : "other", ds.shm_cpid == getpid() ? "yes" : "no", ds.shm_lpid,
           ds.shm_atime == 0 ? "0" : "set", ds.shm_dtime == 0 ? "0" : "set");

    /* shmat: NULL, given, misaligned, SHM_RND, overlap, SHM_REMAP */
    char *a = shmat(id, NULL, 0);
    showp("shmat NULL", a);
    printf("page aligned: %s\n", ((uintptr_t) a % page) == 0 ? "yes" : "no");
    strcpy(a, "hello through a");
    a[4999] = 'z';
    printf("byte 5000 (the rest of the last page) reads %d\n", a[5000]);
    /* a free place: map two pages, unmap them, attach there */
    char *spot = mmap(NULL, 4 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(spot, 4 * page);
    char *b = shmat(id, spot, 0);
    printf("shmat at a free given address: %s\n", b == spot ? "there" : "elsewhere");
    printf("b reads \"%s\", b[4999] %c\n", b, b[4999]);
    b[0] = 'H';
    printf("a reads \"%s\" after b's write\n", a);
    showp("shmat misaligned", shmat(id, spot + 2 * page + 8, 0));
    showp("shmat overlapping b", shmat(id, spot + page, 0));
    char *c = shmat(id, spot + 2 * page + 8, SHM_RND);
    printf("shmat SHM_RND: %s\n", c == spot + 2 * page ? "rounded down" : "elsewhere");
    /* (SHM_REMAP without an address is EINVAL on Linux, but qemu-riscv64 attaches: not compared here) */
    char *d = shmat(id, spot + 2 * page, SHM_REMAP);
    printf("shmat SHM_REMAP over c: %s\n", d == spot + 2 * page ? "replaced" : "failed");
    printf("nattch %lu\n", (unsigned long) stat_of(id).shm_nattch);

    /* shmdt */
    show("shmdt misaligned", shmdt(a + 1));
    show("shmdt inside a", shmdt(a + page));
    show("shmdt d", shmdt(d));
    show("shmdt d again", shmdt(d));
    show("shmdt b", shmdt(b));
    printf("nattch %lu\n", (unsigned long) stat_of(id).shm_nattch);

    /* a read-only attachment: a write is SIGSEGV */
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        printf("child: nattch %lu (inherited)\n", (unsigned long) stat_of(id).shm_nattch);
        char *r = shmat(id, NULL, SHM_RDONLY);
        printf("child: read-only attachment reads \"%s\"\n", r);
        fflush(stdout);
        r[0] = 'x';
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    printf("child %s %d; nattch now %lu\n", WIFSIGNALED(status) ? "killed by signal" : "exited",
           WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status), (unsigned long) stat_of(id).shm_nattch);

    /* IPC_SET, SHM_STAT, IPC_INFO, SHM_INFO */
    ds = stat_of(id);
    ds.shm_perm.mode = 0604;
    show("IPC_SET mode 604", shmctl(id, IPC_SET, &ds));
    printf("mode now %o\n", stat_of(id).shm_perm.mode);
    show("IPC_STAT bad buffer", shmctl(id, IPC_STAT, (struct shmid_ds *) 8));
    show("shmctl bad command", shmctl(id, 99, &ds));
    show("shmctl bad id", shmctl(-1, IPC_STAT, &ds));
    struct shminfo info;
    show("IPC_INFO", shmctl(0, IPC_INFO, (struct shmid_ds *) &info) >= 0 ? 0 : -1);
    printf("shmmin %lu\n", (unsigned long) info.shmmin);
    struct shm_info usage;
    show("SHM_INFO", shmctl(0, SHM_INFO, (struct shmid_ds *) &usage) >= 0 ? 0 : -1);
    printf("SHM_INFO counts this segment: %s\n", usage.used_ids >= 1 && usage.shm_tot >= 2 ? "yes" : "no");

    /* IPC_RMID while attached, then the last detach */
    show("IPC_RMID", shmctl(id, IPC_RMID, NULL));
    ds = stat_of(id);
    printf("after IPC_RMID: SHM_DEST %s, key %d, nattch %lu\n", (ds.shm_perm.mode & SHM_DEST) ? "set" : "clear",
           ds.shm_perm.__key, (unsigned long) ds.shm_nattch);
    show("shmget the removed key", shmget(KEY, 0, 0));
    show("shmdt a", shmdt(a));
    show("IPC_STAT after the last detach", shmctl(id, IPC_STAT, &ds));
    show("shmat after the last detach", shmat(id, NULL, 0) == (void *) -1 ? -1 : 0);
    return 0;
}
