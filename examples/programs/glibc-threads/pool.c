/* pool: a thread pool. Three workers take jobs from a queue guarded by a
 * mutex and a condition variable; the main thread submits 40 jobs (each
 * computes the number of primes below 2000 + 10 * job), waits for all of
 * them on a second condition variable, shuts the pool down and prints the
 * results in job order. */
#include <pthread.h>
#include <stdio.h>

#define WORKERS 3
#define JOBS 40

static int queue[JOBS];
static int queued, taken, done;
static int shutting_down;
static long result[JOBS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static pthread_cond_t finished = PTHREAD_COND_INITIALIZER;

static long primes_below(int n)
{
    long count = 0;
    for (int i = 2; i < n; i++) {
        int prime = 1;
        for (int d = 2; d * d <= i; d++)
            if (i % d == 0) {
                prime = 0;
                break;
            }
        count += prime;
    }
    return count;
}

static void *worker(void *arg)
{
    (void) arg;
    for (;;) {
        pthread_mutex_lock(&lock);
        while (taken == queued && !shutting_down)
            pthread_cond_wait(&work, &lock);
        if (taken == queued) {
            pthread_mutex_unlock(&lock);
            return NULL;
        }
        int job = queue[taken++];
        pthread_mutex_unlock(&lock);
        long r = primes_below(2000 + 10 * job);
        pthread_mutex_lock(&lock);
        result[job] = r;
        if (++done == JOBS)
            pthread_cond_signal(&finished);
        pthread_mutex_unlock(&lock);
    }
}

int main(void)
{
    pthread_t tid[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        pthread_create(&tid[i], NULL, worker, NULL);
    for (int job = 0; job < JOBS; job++) {
        pthread_mutex_lock(&lock);
        queue[queued++] = job;
        pthread_cond_signal(&work);
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_lock(&lock);
    while (done < JOBS)
        pthread_cond_wait(&finished, &lock);
    shutting_down = 1;
    pthread_cond_broadcast(&work);
    pthread_mutex_unlock(&lock);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(tid[i], NULL);
    long total = 0;
    for (int job = 0; job < JOBS; job++) {
        printf("job %2d: %ld primes below %d\n", job, result[job], 2000 + 10 * job);
        total += result[job];
    }
    printf("%d jobs on %d workers, %ld primes in all\n", JOBS, WORKERS, total);
    return 0;
}
