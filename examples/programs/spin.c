/*
 * spin: a runaway program. Prints one line, then loops forever without a
 * system call (only osbox run's --max-instructions or --max-time, or a
 * signal from outside, ends it). With argv[1] = "sleep" it sleeps forever
 * instead (one nanosleep after another), using no instructions at all.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "osbox.h"

int main(int argc, char **argv)
{
    printf("spin: looping forever\n");
    fflush(stdout);
    if (argc > 1 && strcmp(argv[1], "sleep") == 0) {
        struct timespec day = { 86400, 0 };
        for (;;) {
            nanosleep(&day, NULL);
        }
    }
    volatile unsigned long turns = 0;
    for (;;) {
        turns++;
    }
}
