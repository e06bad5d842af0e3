/**
 * System V semaphores as Linux's ipc/sem.c: {@link
 * osbox.ipc.sysv.sem.SemSets} (the table of semaphore sets, the limits
 * from Config Admin, SEM_UNDO adjustments applied at exit) and one
 * system-call handler component each for semget, semop, semtimedop and
 * semctl. {@link osbox.ipc.sysv.sem.SemtimedopCall}'s startWaiting and
 * stopWaiting are the one place a semop starts and stops waiting (where a
 * deadlock detector's wait-for graph hooks in).
 */
package osbox.ipc.sysv.sem;
