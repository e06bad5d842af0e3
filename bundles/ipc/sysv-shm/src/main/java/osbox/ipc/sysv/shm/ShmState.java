package osbox.ipc.sysv.shm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.TreeSet;
import osbox.api.memory.SharedMemoryObject;
import osbox.ipc.sysv.common.IpcPerm;
import osbox.ipc.sysv.common.IpcSleepers;
import osbox.ipc.sysv.common.IpcSnapshot;

/**
 * The segments' state in the snapshot contract: {@link IpcSnapshot}'s shape
 * with format {@value #FORMAT}, version {@value #VERSION}, no sleepers (no
 * shm call sleeps), and as each segment's body:
 * <pre>
 *   handle (long: the VM manager's SharedMemoryObject#handle), size (long),
 *   cpid, lpid (int), atime, dtime, ctime (long), key private (boolean)
 * </pre>
 * The pages do not travel: they stay in the VM manager, mapped in the
 * processes attached to them, and the next revision takes each object
 * over by its handle. Restoring refuses a snapshot whose handles the
 * manager does not know (released, or never made), repeated handles, or a
 * size that does not fit the object's pages (a snapshot is user input).
 */
final class ShmState {
    static final String FORMAT = "osbox.ipc.sysv.shm";
    static final int VERSION = 1;

    private ShmState() {
    }

    /** Every segment with its handle and figures. Simulation thread. */
    static byte[] export(ShmSegments segments) {
        return IpcSnapshot.export(FORMAT, VERSION, segments.ids(), new IpcSleepers(), ShmState::writeSegment);
    }

    /**
     * Restores a snapshot of {@link #export} into segments' empty table: each
     * segment takes its object over (listens to its attachments again) and
     * counts in shm_tot. IllegalArgumentException: refused whole, nothing
     * taken over.
     */
    static void restore(ShmSegments segments, byte[] snapshot) {
        TreeSet<Long> handles = new TreeSet<>();
        IpcSnapshot.restore(snapshot, FORMAT, VERSION, segments.ids(), new IpcSleepers(),
                (perm, in) -> readSegment(segments, handles, perm, in));
        for (ShmSegment s : segments.ids().all()) {
            segments.adopt(s);
        }
    }

    private static void writeSegment(ShmSegment s, DataOutputStream out) throws IOException {
        out.writeLong(s.memory.handle());
        out.writeLong(s.size);
        out.writeInt(s.cpid);
        out.writeInt(s.lpid);
        out.writeLong(s.atime);
        out.writeLong(s.dtime);
        out.writeLong(s.ctime);
        out.writeBoolean(s.keyPrivate);
    }

    private static ShmSegment readSegment(ShmSegments segments, TreeSet<Long> handles, IpcPerm perm,
            DataInputStream in) throws IOException {
        long handle = in.readLong();
        long size = in.readLong();
        int cpid = in.readInt();
        int lpid = in.readInt();
        long atime = in.readLong();
        long dtime = in.readLong();
        long ctime = in.readLong();
        boolean keyPrivate = in.readBoolean();
        SharedMemoryObject memory = handle <= 0 ? null : segments.memory().sharedMemory(handle);
        if (memory == null || !handles.add(handle)) {
            throw new IllegalArgumentException("segment key " + perm.key + ": handle " + handle
                    + " is no segment the VM manager holds (or is given twice)");
        }
        if (size <= 0 || Shm.pagesFor(size) != memory.pages()) {
            throw new IllegalArgumentException("segment key " + perm.key + ": " + size + " bytes do not fit its "
                    + memory.pages() + " pages");
        }
        ShmSegment s = new ShmSegment(perm, size, memory, cpid, ctime, segments);
        s.lpid = lpid;
        s.atime = atime;
        s.dtime = dtime;
        s.keyPrivate = keyPrivate;
        return s;
    }
}
