package osbox.ipc.sysv.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape every System V kind's state takes in the snapshot contract
 * (docs/architecture.md, "IPC state hand-over"): implementation-neutral,
 * versioned, big-endian as java.io.DataOutput writes it.
 * <pre>
 *   format (UTF, "osbox.ipc.sysv.msg" ...), version (int)
 *   the table: seq, lastIndex (int), object count (int), then per object, by index:
 *     index (int), key, uid, gid, cuid, cgid, mode, seq (int), then the kind's body
 *   the sleepers: count (int), then per sleeper, by pid:
 *     pid (int), index of the object it sleeps on (int, -1: removed meanwhile), deadline (long, cycles)
 * </pre>
 * A kind writes and reads its own body (a queue's messages, a set's
 * values); everything else is here. A snapshot is read as user input is:
 * one that breaks an invariant is refused whole (IllegalArgumentException
 * naming what is wrong) and nothing is restored.
 */
public final class IpcSnapshot {
    private IpcSnapshot() {
    }

    /** How a kind writes one object's body. */
    public interface BodyWriter<T> {
        void write(T obj, DataOutputStream out) throws IOException;
    }

    /** How a kind reads one object's body back: the object, with perm, not yet in a table. */
    public interface BodyReader<T> {
        T read(IpcPerm perm, DataInputStream in) throws IOException;
    }

    /** The state of {@code ids} and {@code sleepers} in the shape above. Simulation thread. */
    public static <T extends IpcObject> byte[] export(String format, int version, IpcIds<T> ids,
            IpcSleepers sleepers, BodyWriter<T> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(format);
            out.writeInt(version);
            int[] sequence = ids.sequence();
            out.writeInt(sequence[0]);
            out.writeInt(sequence[1]);
            List<T> all = ids.all();
            out.writeInt(all.size());
            for (T obj : all) {
                IpcPerm p = obj.perm();
                out.writeInt(obj.index());
                for (int v : new int[] {obj.snapshotKey(), p.uid, p.gid, p.cuid, p.cgid, p.mode, p.seq}) {
                    out.writeInt(v);
                }
                body.write(obj, out);
            }
            Map<Integer, IpcSleepers.Sleep> sleeping = sleepers.all();
            out.writeInt(sleeping.size());
            for (Map.Entry<Integer, IpcSleepers.Sleep> e : sleeping.entrySet()) {
                IpcObject on = e.getValue().on();
                out.writeInt(e.getKey());
                out.writeInt(on.removed() ? -1 : on.index());
                out.writeLong(e.getValue().deadline());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores a snapshot into an empty table and sleepers (IllegalStateException
     * when they are not empty; IllegalArgumentException, naming the problem,
     * for a snapshot of another format or version, a truncated one, or one
     * that breaks an invariant: nothing is restored then).
     */
    public static <T extends IpcObject> void restore(byte[] snapshot, String format, int version, IpcIds<T> ids,
            IpcSleepers sleepers, BodyReader<T> body) {
        if (ids.inUse() != 0 || !sleepers.all().isEmpty()) {
            throw new IllegalStateException("restore into a table that is in use");
        }
        TreeMap<Integer, T> byIndex = new TreeMap<>();
        TreeMap<Integer, IpcSleepers.Sleep> sleeping = new TreeMap<>();
        int seq;
        int lastIndex;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            String f = in.readUTF();
            int v = in.readInt();
            if (!format.equals(f) || v != version) {
                throw new IllegalArgumentException("not a " + format + " snapshot of version " + version + ": " + f
                        + " " + v);
            }
            seq = in.readInt();
            lastIndex = in.readInt();
            if (seq < 0 || seq >= IpcIds.SEQ_MAX || lastIndex < -1 || lastIndex >= IpcIds.SEQ_MULTIPLIER) {
                throw new IllegalArgumentException("table sequence " + seq + "/" + lastIndex + " out of range");
            }
            int count = in.readInt();
            if (count < 0 || count > IpcIds.SEQ_MULTIPLIER) {
                throw new IllegalArgumentException(count + " objects, at most " + IpcIds.SEQ_MULTIPLIER);
            }
            TreeSet<Integer> keys = new TreeSet<>();
            for (int i = 0; i < count; i++) {
                int index = in.readInt();
                int[] p = new int[7];
                for (int k = 0; k < p.length; k++) {
                    p[k] = in.readInt();
                }
                if (index < 0 || index >= IpcIds.SEQ_MULTIPLIER || byIndex.containsKey(index)
                        || (p[5] & ~07777) != 0 || p[6] < 0 || p[6] >= IpcIds.SEQ_MAX
                        || (p[0] != Ipc.IPC_PRIVATE && !keys.add(p[0]))) {
                    throw new IllegalArgumentException("object " + i + " (index " + index + ", key " + p[0]
                            + ") has a place or permissions no object can have");
                }
                byIndex.put(index, body.read(new IpcPerm(p[0], p[1], p[2], p[3], p[4], p[5], p[6]), in));
            }
            int sleepers1 = in.readInt();
            if (sleepers1 < 0) {
                throw new IllegalArgumentException("a negative number of sleepers");
            }
            for (int i = 0; i < sleepers1; i++) {
                int pid = in.readInt();
                int index = in.readInt();
                long deadline = in.readLong();
                IpcObject on = index == -1 ? IpcObject.removedPlaceholder() : byIndex.get(index);
                if (pid <= 0 || on == null || sleeping.put(pid, new IpcSleepers.Sleep(on, deadline)) != null) {
                    throw new IllegalArgumentException("sleeper " + pid + " on index " + index + " is not possible");
                }
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the last sleeper");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated snapshot: " + e.getMessage());
        }
        for (Map.Entry<Integer, T> e : byIndex.entrySet()) {
            ids.add(e.getValue(), e.getKey());
        }
        ids.restoreSequence(seq, lastIndex);
        for (Map.Entry<Integer, IpcSleepers.Sleep> e : sleeping.entrySet()) {
            sleepers.restore(e.getKey(), e.getValue());
        }
    }

    /** Reads n ints (a kind's arrays), refusing a count below 0 or over max. */
    public static int[] readInts(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IllegalArgumentException("an array of " + n + " values, at most " + max);
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = in.readInt();
        }
        return out;
    }

    /** Writes an int array as {@link #readInts} reads it. */
    public static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }
}
