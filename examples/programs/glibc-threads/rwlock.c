/* rwlock: readers and writers, in a reader-preferring and a
 * writer-preferring version (argv[1]: "readers" or "writers"), built from
 * one mutex and one condition variable as a monitor.
 *
 * The same script runs under both: six readers arrive one a tick
 * (ticks 0..5) and hold the lock for two ticks, so there is always a
 * reader inside; two writers arrive at ticks 1 and 3 and hold it for one.
 * Reader-preferring: a reader enters whenever no writer writes, so the
 * stream of readers keeps both writers out until it dries up (they wait 6
 * and 5 ticks, the readers not at all). Writer-preferring: a reader does
 * not enter while a writer waits, so the writers get in as soon as the
 * readers already inside leave (they wait 2 and 1 ticks) and the readers
 * wait instead (6 ticks in all). Within a tick, releases come before
 * arrivals, and readers arrive before writers.
 *
 * Ticks are counted by the main thread, not by a clock: at each tick it
 * tells the holders whose time is up to release, then the arrivals to
 * acquire, one at a time, and after each command waits until the lock has
 * settled: the commanded thread has acted and no waiting thread may go on.
 * So the output is the same on one hart, on several and under qemu,
 * whatever the interleaving. Among the waiting writers the first to
 * arrive goes first (a ticket), so two writers never race for the lock. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define READERS 6
#define WRITERS 2
#define ACTORS (READERS + WRITERS)
#define READER_HOLD 2
#define WRITER_HOLD 1

enum preference { PREFER_READERS, PREFER_WRITERS };
enum command { NOTHING, ACQUIRE, RELEASE };
enum state { OUTSIDE, WAITING, INSIDE, DONE };

struct actor {
    char name[4];
    int writer;             /* 1: writes, 0: reads */
    int arrives;            /* the tick it asks for the lock */
    int hold;               /* how many ticks it keeps it */
    int ticket;             /* writers: arrival order among writers */
    enum command command;   /* set by main, cleared by the actor when it acts */
    enum state state;
    int granted;            /* the tick it got the lock */
    pthread_t thread;
};

static enum preference preference;
static struct actor actors[ACTORS];
static pthread_mutex_t monitor = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int tick;
static int readers_inside, writer_inside, readers_waiting, writers_waiting;
static int next_ticket, served_ticket;

/* Whether actor a may enter now. Caller holds the monitor. The two
 * versions differ only here: who goes first when both kinds wait. */
static int may_enter(const struct actor *a)
{
    if (writer_inside)
        return 0;
    if (a->writer) {
        if (readers_inside || a->ticket != served_ticket)
            return 0;
        return preference == PREFER_WRITERS || readers_waiting == 0;
    }
    return preference == PREFER_READERS || writers_waiting == 0;
}

/* Takes the lock for a, waiting while it may not enter. Caller holds the monitor. */
static void acquire(struct actor *a)
{
    if (a->writer)
        a->ticket = next_ticket++;
    if (!may_enter(a)) {
        a->state = WAITING;
        if (a->writer)
            writers_waiting++;
        else
            readers_waiting++;
        pthread_cond_broadcast(&changed);
        while (!may_enter(a))
            pthread_cond_wait(&changed, &monitor);
        if (a->writer)
            writers_waiting--;
        else
            readers_waiting--;
    }
    if (a->writer)
        writer_inside = 1;
    else
        readers_inside++;
    a->state = INSIDE;
    a->granted = tick;
    pthread_cond_broadcast(&changed);
}

/* Gives the lock back. Caller holds the monitor and a is inside. */
static void release(struct actor *a)
{
    if (a->writer) {
        writer_inside = 0;
        served_ticket++;
    } else {
        readers_inside--;
    }
    a->state = DONE;
    pthread_cond_broadcast(&changed);
}

/* One reader or writer: acquires when told, releases when told. */
static void *actor_main(void *arg)
{
    struct actor *a = arg;
    pthread_mutex_lock(&monitor);
    while (a->command != ACQUIRE)
        pthread_cond_wait(&changed, &monitor);
    a->command = NOTHING;
    acquire(a);
    while (a->command != RELEASE)
        pthread_cond_wait(&changed, &monitor);
    a->command = NOTHING;
    release(a);
    pthread_mutex_unlock(&monitor);
    return NULL;
}

/* Whether nothing more will happen until main's next command: every
 * command taken and no waiting actor able to enter. Caller holds the monitor. */
static int settled(void)
{
    for (int i = 0; i < ACTORS; i++) {
        if (actors[i].command != NOTHING)
            return 0;
        if (actors[i].state == WAITING && may_enter(&actors[i]))
            return 0;
    }
    return 1;
}

/* Gives actor a the command c and waits until the lock has settled. Caller holds the monitor. */
static void command(struct actor *a, enum command c)
{
    a->command = c;
    pthread_cond_broadcast(&changed);
    while (!settled())
        pthread_cond_wait(&changed, &monitor);
}

/* Prints the names of the actors in state s (readers first), or "-". */
static void print_names(enum state s)
{
    int any = 0;
    for (int i = 0; i < ACTORS; i++)
        if (actors[i].state == s) {
            printf(" %s", actors[i].name);
            any = 1;
        }
    if (!any)
        printf(" -");
}

int main(int argc, char **argv)
{
    if (argc != 2 || (strcmp(argv[1], "readers") && strcmp(argv[1], "writers"))) {
        fprintf(stderr, "usage: rwlock readers|writers\n");
        return 2;
    }
    preference = strcmp(argv[1], "readers") == 0 ? PREFER_READERS : PREFER_WRITERS;
    static const int writer_arrives[WRITERS] = {1, 3};
    for (int i = 0; i < ACTORS; i++) {
        struct actor *a = &actors[i];
        a->writer = i >= READERS;
        snprintf(a->name, sizeof a->name, "%c%d", a->writer ? 'W' : 'R', a->writer ? i - READERS + 1 : i + 1);
        a->arrives = a->writer ? writer_arrives[i - READERS] : i;
        a->hold = a->writer ? WRITER_HOLD : READER_HOLD;
        pthread_create(&a->thread, NULL, actor_main, a);
    }
    printf("%s-preferring: %d readers arrive at ticks 0..%d and read for %d ticks, "
           "%d writers arrive at ticks %d and %d and write for %d\n",
           preference == PREFER_READERS ? "reader" : "writer", READERS, READERS - 1, READER_HOLD,
           WRITERS, writer_arrives[0], writer_arrives[1], WRITER_HOLD);
    pthread_mutex_lock(&monitor);
    for (int finished = 0; finished < ACTORS; tick++) {
        for (int i = 0; i < ACTORS; i++)
            if (actors[i].state == INSIDE && tick >= actors[i].granted + actors[i].hold) {
                command(&actors[i], RELEASE);
                finished++;
            }
        for (int i = 0; i < ACTORS; i++)
            if (actors[i].state == OUTSIDE && actors[i].arrives == tick)
                command(&actors[i], ACQUIRE);
        printf("tick %2d: inside", tick);
        print_names(INSIDE);
        printf(" | waiting");
        print_names(WAITING);
        printf("\n");
    }
    pthread_mutex_unlock(&monitor);
    int waited[2] = {0, 0};
    printf("waited:");
    for (int i = 0; i < ACTORS; i++) {
        pthread_join(actors[i].thread, NULL);
        printf(" %s %d", actors[i].name, actors[i].granted - actors[i].arrives);
        waited[actors[i].writer] += actors[i].granted - actors[i].arrives;
    }
    printf("\nreaders waited %d ticks in all, writers %d\n", waited[0], waited[1]);
    return 0;
}
