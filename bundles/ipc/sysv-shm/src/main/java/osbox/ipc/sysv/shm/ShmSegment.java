package osbox.ipc.sysv.shm;

import osbox.api.memory.SharedMemoryObject;
import osbox.ipc.sysv.common.IpcObject;
import osbox.ipc.sysv.common.IpcPerm;

/**
 * One segment, as Linux's struct shmid_kernel: its permissions (the mode
 * carries SHM_DEST and SHM_LOCKED), its size in bytes, its pages (a VM
 * manager's {@link SharedMemoryObject}), creator and last pid, and times.
 * The attachments are the VM manager's count; it tells this segment of
 * each one that comes or goes ({@link #attached}, {@link #detached}), so
 * shm_lpid and the times follow, and the last detach of a removed segment
 * destroys it. Simulation thread only.
 */
final class ShmSegment extends IpcObject implements SharedMemoryObject.AttachListener {
    /** shm_segsz: the size asked for, in bytes (its pages are rounded up). */
    final long size;
    final SharedMemoryObject memory;
    final int cpid;
    int lpid;
    long atime;
    long dtime;
    long ctime;
    /** IPC_RMID while attached: the key reads IPC_PRIVATE from then on (ipc_set_key_private). */
    boolean keyPrivate;
    private final ShmSegments table;

    /** A new segment of size bytes over memory, made by cpid at ctime, kept in table. */
    ShmSegment(IpcPerm perm, long size, SharedMemoryObject memory, int cpid, long ctime, ShmSegments table) {
        super(perm);
        this.size = size;
        this.memory = memory;
        this.cpid = cpid;
        this.ctime = ctime;
        this.table = table;
    }

    /** Its pages. */
    long pages() {
        return memory.pages();
    }

    /** shm_nattch: attachments over every process now. */
    int attachments() {
        return memory.attachments();
    }

    /** Whether IPC_RMID marked it to go at its last detach (SHM_DEST). */
    boolean destroyPending() {
        return (perm().mode & Shm.SHM_DEST) != 0;
    }

    /** Its key as IPC_STAT and ipcs show it. */
    int key() {
        return keyPrivate ? 0 : perm().key;
    }

    /** A hand-over carries the key as IPC_STAT shows it: a removed segment's became private. */
    @Override
    public int snapshotKey() {
        return key();
    }

    /** shmat, or fork keeping an attachment (Linux's shm_open): the last pid and the attach time. */
    @Override
    public void attached(int pid, int attachments) {
        lpid = pid;
        atime = table.seconds();
    }

    /** shmdt, munmap, exec or exit (Linux's shm_close): the last pid, the detach time, destruction if pending. */
    @Override
    public void detached(int pid, int attachments) {
        lpid = pid;
        dtime = table.seconds();
        if (attachments == 0 && destroyPending()) {
            table.destroy(this);
        }
    }
}
