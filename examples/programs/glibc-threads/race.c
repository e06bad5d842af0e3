/* race: the classic race. Threads add 1 to a shared counter many times:
 *   race racy    no synchronisation (a load, an add and a store that
 *                interleave): updates can be lost on several harts;
 *   race mutex   each increment under a pthread mutex: exact;
 *   race atomic  each increment one atomic fetch-and-add: exact.
 * It prints whether the counter is exact, and the counter; the racy
 * version's number depends on the interleaving (on one machine and seed
 * it is the same every run, but any change to scheduling moves it). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define THREADS 4
#define ROUNDS 20000

static volatile long counter;
static long atomic_counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *racy(void *arg)
{
    (void) arg;
    for (int i = 0; i < ROUNDS; i++) {
        long v = counter;       /* load ... */
        __asm__ volatile("" ::: "memory");
        counter = v + 1;        /* ... store: another thread's update in between is lost */
    }
    return NULL;
}

static void *locked(void *arg)
{
    (void) arg;
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void *atomic(void *arg)
{
    (void) arg;
    for (int i = 0; i < ROUNDS; i++)
        __atomic_fetch_add(&atomic_counter, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "mutex";
    void *(*body)(void *) = strcmp(mode, "racy") == 0 ? racy : strcmp(mode, "atomic") == 0 ? atomic : locked;
    pthread_t tid[THREADS];
    for (int t = 0; t < THREADS; t++)
        pthread_create(&tid[t], NULL, body, NULL);
    for (int t = 0; t < THREADS; t++)
        pthread_join(tid[t], NULL);
    long got = body == atomic ? atomic_counter : counter;
    long want = (long) THREADS * ROUNDS;
    if (body == racy) {
        /* the count depends on the interleaving: tests look at the words before it */
        printf("%s: %s (counter %ld of %ld)\n", mode, got == want ? "exact" : "lost updates", got, want);
        return 0;
    }
    printf("%s: counter %ld of %ld: %s\n", mode, got, want, got == want ? "exact" : "lost updates");
    return got == want ? 0 : 1;
}
