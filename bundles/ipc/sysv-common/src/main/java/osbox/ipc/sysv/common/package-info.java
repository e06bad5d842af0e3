/**
 * What System V message queues, semaphore sets and shared memory segments
 * share, as Linux's ipc/util.c: {@link osbox.ipc.sysv.common.IpcIds} (the
 * table of one kind's objects: keys, indexes and ids with their sequence
 * numbers, the get flow with IPC_CREAT and IPC_EXCL), {@link
 * osbox.ipc.sysv.common.IpcPerm} (struct ipc64_perm and the mode checks),
 * {@link osbox.ipc.sysv.common.IpcSleepers} (who sleeps on which object, so
 * a removal answers EIDRM on the restart), and the constants and layouts of
 * the calls ({@link osbox.ipc.sysv.common.Ipc}).
 *
 * <p>Meant to be embedded, not imported: each System V bundle copies the
 * package privately (bnd {@code -conditionalpackage}), so no state is
 * shared between bundles.
 */
package osbox.ipc.sysv.common;
