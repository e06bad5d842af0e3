package osbox.ipc.sysv.sem;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import osbox.ipc.sysv.common.IpcPerm;
import osbox.ipc.sysv.common.IpcSnapshot;

/**
 * The semaphore sets' state in the snapshot contract: {@link IpcSnapshot}'s
 * shape with format {@value #FORMAT}, version {@value #VERSION}, and as
 * each set's body:
 * <pre>
 *   otime, ctime (long), values (int count, then each), sempids (int count, then each),
 *   undo count (int), then per process by pid: pid (int), its semadj (int count, then each)
 * </pre>
 * Restoring checks every value (0..SEMVMX), adjustment (-SEMVMX-1..SEMVMX)
 * and array length against the set's (a snapshot is user input).
 */
final class SemState {
    static final String FORMAT = "osbox.ipc.sysv.sem";
    static final int VERSION = 1;

    private SemState() {
    }

    /** Every set with its values, pids, times and adjustments, and who sleeps on which. Simulation thread. */
    static byte[] export(SemSets sets) {
        return IpcSnapshot.export(FORMAT, VERSION, sets.ids(), sets.sleepers(), SemState::writeSet);
    }

    /** Restores a snapshot of {@link #export} into sets' empty table (IllegalArgumentException: refused whole). */
    static void restore(SemSets sets, byte[] snapshot) {
        IpcSnapshot.restore(snapshot, FORMAT, VERSION, sets.ids(), sets.sleepers(),
                (perm, in) -> readSet(sets, perm, in));
    }

    private static void writeSet(SemSet s, DataOutputStream out) throws IOException {
        out.writeLong(s.otime);
        out.writeLong(s.ctime);
        IpcSnapshot.writeInts(out, s.values);
        IpcSnapshot.writeInts(out, s.pids);
        out.writeInt(s.undo.size());
        for (Map.Entry<Integer, int[]> e : s.undo.entrySet()) {
            out.writeInt(e.getKey());
            IpcSnapshot.writeInts(out, e.getValue());
        }
    }

    private static SemSet readSet(SemSets sets, IpcPerm perm, DataInputStream in) throws IOException {
        long otime = in.readLong();
        long ctime = in.readLong();
        int most = sets.limits().semmsl();
        int[] values = IpcSnapshot.readInts(in, most);
        int[] pids = IpcSnapshot.readInts(in, most);
        if (values.length == 0 || pids.length != values.length) {
            throw new IllegalArgumentException("set key " + perm.key + ": " + values.length + " values and "
                    + pids.length + " pids");
        }
        SemSet s = new SemSet(perm, values.length, ctime);
        s.otime = otime;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > SemLimits.SEMVMX) {
                throw new IllegalArgumentException("set key " + perm.key + ": semaphore " + i + " is " + values[i]);
            }
        }
        System.arraycopy(values, 0, s.values, 0, values.length);
        System.arraycopy(pids, 0, s.pids, 0, pids.length);
        int undos = in.readInt();
        if (undos < 0) {
            throw new IllegalArgumentException("set key " + perm.key + ": a negative number of undo entries");
        }
        for (int u = 0; u < undos; u++) {
            int pid = in.readInt();
            int[] adj = IpcSnapshot.readInts(in, most);
            if (pid <= 0 || adj.length != values.length || s.undo.containsKey(pid)) {
                throw new IllegalArgumentException("set key " + perm.key + ": undo entry of pid " + pid
                        + " does not fit the set");
            }
            for (int a : adj) {
                if (a < -SemLimits.SEMVMX - 1 || a > SemLimits.SEMVMX) {
                    throw new IllegalArgumentException("set key " + perm.key + ": adjustment " + a + " of pid " + pid);
                }
            }
            s.undo.put(pid, adj);
        }
        return s;
    }
}
