/*
 * shmring: a client and a server between processes through System V shared
 * memory. The parent (the client) makes a segment, attaches it and forks a
 * server, which inherits the attachment; the client puts requests into a
 * ring buffer in the segment and the server answers each one into a second
 * ring. Two ways to guard the rings, chosen by the argument:
 *   cond  process-shared pthread mutexes and condition variables (futexes
 *         without FUTEX_PRIVATE_FLAG: shared futexes across processes);
 *   sem   a System V semaphore set (empty and full slots of each ring, and
 *         a mutex), the classic bounded buffer.
 * At the end the server attaches the segment a second time, read-only at
 * another address, and checks both show the same bytes. At the end the client prints the sum
 * of the answers, the attachment counts along the way (shm_nattch), and
 * removes the segment.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define SLOTS 4
#define REQUESTS 64

union semun { int val; struct semid_ds *buf; unsigned short *array; };

struct ring {
    pthread_mutex_t lock;
    pthread_cond_t not_empty, not_full;
    int head, tail, count;
    long slot[SLOTS];
};

struct shared {
    struct ring requests, answers;
    int server_pid;
    char note[64];
};

static int use_sem;
static int semset;

static void check(int ok, const char *what) {
    if (!ok) {
        printf("%s: %s\n", what, strerror(errno));
        exit(1);
    }
}

static void ring_init(struct ring *r) {
    pthread_mutexattr_t ma;
    pthread_condattr_t ca;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
    pthread_condattr_init(&ca);
    pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
    check(pthread_mutex_init(&r->lock, &ma) == 0, "mutex");
    check(pthread_cond_init(&r->not_empty, &ca) == 0, "cond");
    check(pthread_cond_init(&r->not_full, &ca) == 0, "cond");
    r->head = r->tail = r->count = 0;
}

/* semaphores of ring n (0 requests, 1 answers): 3n free slots, 3n+1 filled slots, 3n+2 the mutex */
static void sem_op(int num, int change) {
    struct sembuf b = {(unsigned short) num, (short) change, 0};
    while (semop(semset, &b, 1) != 0) {
        check(errno == EINTR, "semop");
    }
}

static void put(struct ring *r, int n, long v) {
    if (use_sem) {
        sem_op(3 * n, -1);
        sem_op(3 * n + 2, -1);
    } else {
        pthread_mutex_lock(&r->lock);
        while (r->count == SLOTS) {
            pthread_cond_wait(&r->not_full, &r->lock);
        }
    }
    r->slot[r->tail] = v;
    r->tail = (r->tail + 1) % SLOTS;
    r->count++;
    if (use_sem) {
        sem_op(3 * n + 2, 1);
        sem_op(3 * n + 1, 1);
    } else {
        pthread_cond_signal(&r->not_empty);
        pthread_mutex_unlock(&r->lock);
    }
}

static long take(struct ring *r, int n) {
    if (use_sem) {
        sem_op(3 * n + 1, -1);
        sem_op(3 * n + 2, -1);
    } else {
        pthread_mutex_lock(&r->lock);
        while (r->count == 0) {
            pthread_cond_wait(&r->not_empty, &r->lock);
        }
    }
    long v = r->slot[r->head];
    r->head = (r->head + 1) % SLOTS;
    r->count--;
    if (use_sem) {
        sem_op(3 * n + 2, 1);
        sem_op(3 * n, 1);
    } else {
        pthread_cond_signal(&r->not_full);
        pthread_mutex_unlock(&r->lock);
    }
    return v;
}

static unsigned long nattch(int id) {
    struct shmid_ds ds;
    check(shmctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
    return (unsigned long) ds.shm_nattch;
}

/* the server: answers each request with its square, until a request of -1 */
static void serve(int id, struct shared *sh) {
    sh->server_pid = getpid();
    long served = 0;
    for (;;) {
        long v = take(&sh->requests, 0);
        if (v < 0) {
            break;
        }
        put(&sh->answers, 1, v * v);
        served++;
    }
    /* a second attachment (after the client's counts) sees what the first wrote, at its own address */
    struct shared *again = shmat(id, NULL, SHM_RDONLY);
    check(again != (void *) -1, "server shmat");
    int same = again != sh && strcmp(again->note, sh->note) == 0 && again->server_pid == getpid();
    put(&sh->answers, 1, same ? -served : 0);
    check(shmdt(again) == 0, "server shmdt");
    _exit(0);
}

int main(int argc, char **argv) {
    use_sem = argc > 1 && strcmp(argv[1], "sem") == 0;
    printf("shmring: %s\n", use_sem ? "System V semaphores" : "process-shared mutexes and condition variables");
    int id = shmget(IPC_PRIVATE, sizeof(struct shared), IPC_CREAT | 0600);
    check(id >= 0, "shmget");
    struct shared *sh = shmat(id, NULL, 0);
    check(sh != (void *) -1, "shmat");
    printf("segment of %zu bytes, zero-filled: %s\n", sizeof(struct shared),
           sh->server_pid == 0 && sh->note[0] == 0 ? "yes" : "no");
    strcpy(sh->note, "one segment, two processes");
    ring_init(&sh->requests);
    ring_init(&sh->answers);
    if (use_sem) {
        semset = semget(IPC_PRIVATE, 6, IPC_CREAT | 0600);
        check(semset >= 0, "semget");
        unsigned short init[6] = {SLOTS, 0, 1, SLOTS, 0, 1};
        check(semctl(semset, 0, SETALL, (union semun) {.array = init}) == 0, "SETALL");
    }
    printf("attached once: nattch %lu\n", nattch(id));
    fflush(stdout);

    pid_t server = fork();
    check(server >= 0, "fork");
    if (server == 0) {
        serve(id, sh);
    }
    printf("after fork: nattch %lu\n", nattch(id));
    long sum = 0;
    int sent = 0, answered = 0;
    /* keep up to SLOTS requests in flight: never wait on a full ring while the server waits on ours */
    while (answered < REQUESTS) {
        if (sent < REQUESTS && sent - answered < SLOTS) {
            put(&sh->requests, 0, ++sent);
        } else {
            sum += take(&sh->answers, 1);
            answered++;
        }
    }
    put(&sh->requests, 0, -1);
    long last = take(&sh->answers, 1);
    int status;
    check(waitpid(server, &status, 0) == server, "waitpid");
    printf("%d requests answered, sum of squares %ld (expected %ld)\n", answered, sum,
           (long) REQUESTS * (REQUESTS + 1) * (2 * REQUESTS + 1) / 6);
    printf("server saw the segment twice, at two addresses: %s; served %ld\n", last < 0 ? "yes" : "no", -last);
    printf("server exited %d; nattch now %lu\n", WEXITSTATUS(status), nattch(id));

    check(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
    struct shmid_ds ds;
    check(shmctl(id, IPC_STAT, &ds) == 0, "IPC_STAT after IPC_RMID");
    printf("removed while attached: SHM_DEST %s, key %d, the note still reads \"%s\"\n",
           (ds.shm_perm.mode & SHM_DEST) ? "set" : "clear", (int) ds.shm_perm.__key, sh->note);
    check(shmdt(sh) == 0, "shmdt");
    printf("after the last detach: IPC_STAT %s\n", shmctl(id, IPC_STAT, &ds) == 0 ? "works" : strerror(errno));
    if (use_sem) {
        check(semctl(semset, 0, IPC_RMID) == 0, "sem IPC_RMID");
    }
    return 0;
}
