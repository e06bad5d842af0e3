package osbox.ipc.sysv.common;

/**
 * A message queue, semaphore set or shared memory segment as its table
 * keeps it: its permissions, its id (index and sequence number) and
 * whether IPC_RMID removed it (sleepers then answer EIDRM).
 */
public abstract class IpcObject {
    private final IpcPerm perm;
    private int id = -1;
    private boolean removed;

    /** An object with these permissions, not yet in a table. */
    protected IpcObject(IpcPerm perm) {
        this.perm = perm;
    }

    public final IpcPerm perm() {
        return perm;
    }

    /**
     * The key a snapshot carries: the permission's, unless the object's key
     * became private (a shm segment removed while attached), which then
     * carries IPC_PRIVATE.
     */
    public int snapshotKey() {
        return perm().key;
    }

    /** Its id: sequence number * {@link IpcIds#SEQ_MULTIPLIER} + index; -1 before its table took it. */
    public final int id() {
        return id;
    }

    /** Its index in its table (the id's low 15 bits). */
    public final int index() {
        return id % IpcIds.SEQ_MULTIPLIER;
    }

    /** Whether IPC_RMID removed it (or its last detach destroyed it). */
    public final boolean removed() {
        return removed;
    }

    final void added(int newId) {
        if (id != -1) {
            throw new IllegalStateException("IPC object " + id + " added twice");
        }
        id = newId;
    }

    final void markRemoved() {
        removed = true;
    }

    /**
     * An object IPC_RMID removed while a caller slept on it, as a restored
     * snapshot names it: its restart answers EIDRM.
     */
    static IpcObject removedPlaceholder() {
        IpcObject gone = new IpcObject(new IpcPerm(Ipc.IPC_PRIVATE, 0, 0, 0, 0, 0, 0)) {
        };
        gone.markRemoved();
        return gone;
    }
}
