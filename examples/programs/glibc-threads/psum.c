/* psum: a parallel sum over threads. Each of N threads sums its slice of
 * 1..1,000,000 into its own slot; main joins them and adds the slots.
 * The answer does not depend on the interleaving: exact on any hart count. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000000L
#define MAX_THREADS 16

struct slice { long from, to, sum; };

static void *sum_slice(void *arg)
{
    struct slice *s = arg;
    long total = 0;
    for (long i = s->from; i <= s->to; i++)
        total += i;
    s->sum = total;
    return NULL;
}

int main(int argc, char **argv)
{
    int threads = argc > 1 ? atoi(argv[1]) : 4;
    if (threads < 1 || threads > MAX_THREADS) {
        fprintf(stderr, "psum: threads must be 1..%d\n", MAX_THREADS);
        return 2;
    }
    pthread_t tid[MAX_THREADS];
    struct slice slices[MAX_THREADS];
    long per = N / threads;
    for (int t = 0; t < threads; t++) {
        slices[t].from = t * per + 1;
        slices[t].to = t == threads - 1 ? N : (t + 1) * per;
        if (pthread_create(&tid[t], NULL, sum_slice, &slices[t]) != 0) {
            perror("pthread_create");
            return 1;
        }
    }
    long total = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(tid[t], NULL);
        printf("thread %d: %ld..%ld = %ld\n", t, slices[t].from, slices[t].to, slices[t].sum);
        total += slices[t].sum;
    }
    printf("sum 1..%ld = %ld (expected %ld)\n", N, total, N * (N + 1) / 2);
    return total == N * (N + 1) / 2 ? 0 : 1;
}
