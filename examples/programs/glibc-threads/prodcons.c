/* prodcons: producers and consumers on a bounded buffer with a mutex and
 * two condition variables (not full, not empty). Two producers put 1..500
 * each; two consumers take until they see the end marker; the sums and the
 * counts must match whatever the interleaving. */
#include <pthread.h>
#include <stdio.h>

#define SLOTS 8
#define PER_PRODUCER 500
#define PRODUCERS 2
#define CONSUMERS 2

static int buffer[SLOTS];
static int head, tail, count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;

static void put(int v)
{
    pthread_mutex_lock(&lock);
    while (count == SLOTS)
        pthread_cond_wait(&not_full, &lock);
    buffer[tail] = v;
    tail = (tail + 1) % SLOTS;
    count++;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&lock);
}

static int take(void)
{
    pthread_mutex_lock(&lock);
    while (count == 0)
        pthread_cond_wait(&not_empty, &lock);
    int v = buffer[head];
    head = (head + 1) % SLOTS;
    count--;
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&lock);
    return v;
}

static void *producer(void *arg)
{
    (void) arg;
    for (int i = 1; i <= PER_PRODUCER; i++)
        put(i);
    return NULL;
}

struct tally { long sum; int items; };

static void *consumer(void *arg)
{
    struct tally *t = arg;
    for (;;) {
        int v = take();
        if (v == 0)
            return NULL;        /* the end marker */
        t->sum += v;
        t->items++;
    }
}

int main(void)
{
    pthread_t p[PRODUCERS], c[CONSUMERS];
    struct tally tallies[CONSUMERS] = {{0, 0}};
    for (int i = 0; i < CONSUMERS; i++)
        pthread_create(&c[i], NULL, consumer, &tallies[i]);
    for (int i = 0; i < PRODUCERS; i++)
        pthread_create(&p[i], NULL, producer, NULL);
    for (int i = 0; i < PRODUCERS; i++)
        pthread_join(p[i], NULL);
    for (int i = 0; i < CONSUMERS; i++)
        put(0);
    long sum = 0;
    int items = 0;
    for (int i = 0; i < CONSUMERS; i++) {
        pthread_join(c[i], NULL);
        sum += tallies[i].sum;
        items += tallies[i].items;
    }
    long want = (long) PRODUCERS * PER_PRODUCER * (PER_PRODUCER + 1) / 2;
    printf("consumed %d items, sum %ld (expected %d items, sum %ld)\n", items, sum, PRODUCERS * PER_PRODUCER, want);
    return sum == want && items == PRODUCERS * PER_PRODUCER ? 0 : 1;
}
