/**
 * System V shared memory as Linux's ipc/shm.c: {@link
 * osbox.ipc.sysv.shm.ShmSegments} (the table of segments, their
 * attachments as the VM manager reports them, the limits shmmax, shmall,
 * shmmni and shmmin from Config Admin) and one system-call handler
 * component each for shmget, shmat, shmdt and shmctl. A segment's pages are
 * an {@link osbox.api.memory.SharedMemoryObject} of the VM manager: the same
 * frames in every attachment, inherited by fork, dropped at exec and exit.
 */
package osbox.ipc.sysv.shm;
