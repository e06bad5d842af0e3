package osbox.ipc.sysv.common;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessView;

/**
 * One kind's table of objects, as Linux's struct ipc_ids: the lowest free
 * index for a new object, an id of seq * 32768 + index where the sequence
 * number grows whenever an index at or below the last one given is reused
 * (so a stale id does not name a new object), the key lookup, and the
 * get flow of msgget, semget and shmget (ipcget). At most {@code max}
 * objects (msgmni, semmni, shmmni). Simulation thread only.
 */
public final class IpcIds<T extends IpcObject> {
    /** Linux's IPCMNI: ids are seq * this + index. */
    public static final int SEQ_MULTIPLIER = 32768;
    /** Sequence numbers wrap below this (INT_MAX / IPCMNI). */
    static final int SEQ_MAX = Integer.MAX_VALUE / SEQ_MULTIPLIER;

    /** How a get call makes a new object of this kind. */
    public interface Factory<T> {
        /** 0, or the -errno that refuses a new object before it is made (a size out of range). */
        long refuse();

        /** The new object with these permissions. */
        T make(IpcPerm perm);
    }

    private final TreeMap<Integer, T> byIndex = new TreeMap<>();
    private final TreeMap<Integer, T> byKey = new TreeMap<>();
    private final IntSupplier max;
    private int seq;
    private int lastIndex = -1;

    /** A table holding at most max.getAsInt() objects (read at each creation: a limit may change). */
    public IpcIds(IntSupplier max) {
        this.max = max;
    }

    /**
     * msgget, semget, shmget: key IPC_PRIVATE makes a new object; another
     * key finds its object (EEXIST under IPC_CREAT|IPC_EXCL, EACCES when
     * flag's mode bits ask what its mode refuses, then moreChecks' errno)
     * or, under IPC_CREAT, makes one (ENOENT without). A new object is
     * refused by the factory's errno, or ENOSPC when the table is full.
     * Returns the id or -errno.
     */
    public long get(int key, int flag, ProcessView caller, Factory<T> factory,
            java.util.function.ToLongFunction<T> moreChecks) {
        if (key != Ipc.IPC_PRIVATE) {
            T found = byKey.get(key);
            if (found != null) {
                if ((flag & Ipc.IPC_CREAT) != 0 && (flag & Ipc.IPC_EXCL) != 0) {
                    return -Errno.EEXIST;
                }
                if (!found.perm().allows(caller, flag)) {
                    return -Errno.EACCES;
                }
                long refused = moreChecks.applyAsLong(found);
                return refused != 0 ? refused : found.id();
            }
            if ((flag & Ipc.IPC_CREAT) == 0) {
                return -Errno.ENOENT;
            }
        }
        long refused = factory.refuse();
        if (refused != 0) {
            return refused;
        }
        if (byIndex.size() >= max.getAsInt()) {
            return -Errno.ENOSPC;
        }
        int index = lowestFreeIndex();
        if (index <= lastIndex) {
            seq = seq + 1 >= SEQ_MAX ? 0 : seq + 1;
        }
        lastIndex = index;
        T made = factory.make(new IpcPerm(key, caller, flag, seq));
        add(made, index);
        return made.id();
    }

    /** Puts obj, whose perm carries its key and sequence number, at index (a new object or a restored one). */
    public void add(T obj, int index) {
        if (index < 0 || index >= SEQ_MULTIPLIER || byIndex.containsKey(index)) {
            throw new IllegalStateException("IPC index " + index + " is taken or out of range");
        }
        obj.added(obj.perm().seq * SEQ_MULTIPLIER + index);
        byIndex.put(index, obj);
        if (obj.perm().key != Ipc.IPC_PRIVATE) {
            byKey.put(obj.perm().key, obj);
        }
    }

    // The lowest index no object holds (idr_alloc from 0).
    private int lowestFreeIndex() {
        int i = 0;
        while (byIndex.containsKey(i)) {
            i++;
        }
        return i;
    }

    /** The object with this id, or null (EINVAL): no such index, or a stale sequence number. */
    public T byId(int id) {
        if (id < 0) {
            return null;
        }
        T obj = byIndex.get(id % SEQ_MULTIPLIER);
        return obj != null && obj.id() == id ? obj : null;
    }

    /** The object at this index (MSG_STAT, SEM_STAT, SHM_STAT), or null. */
    public T byIndex(int index) {
        return byIndex.get(index);
    }

    /** Removes obj from the table (IPC_RMID, the last detach of a removed segment) and marks it removed. */
    public void remove(T obj) {
        if (byIndex.get(obj.index()) != obj) {
            throw new IllegalStateException("IPC object " + obj.id() + " is not in this table");
        }
        byIndex.remove(obj.index());
        if (obj.perm().key != Ipc.IPC_PRIVATE && byKey.get(obj.perm().key) == obj) {
            byKey.remove(obj.perm().key);
        }
        obj.markRemoved();
    }

    /** IPC_RMID's key part alone: the object keeps its id but no longer answers its key (a removed segment still attached). */
    public void forgetKey(T obj) {
        if (byKey.get(obj.perm().key) == obj) {
            byKey.remove(obj.perm().key);
        }
    }

    /** Number of objects (in_use). */
    public int inUse() {
        return byIndex.size();
    }

    /** The highest index in use, or -1 (ipc_get_maxidx). */
    public int maxIndex() {
        return byIndex.isEmpty() ? -1 : byIndex.lastKey();
    }

    /** Every object, by index. */
    public List<T> all() {
        return new ArrayList<>(byIndex.values());
    }

    /** The table's sequence state, for a snapshot: {seq, lastIndex}. */
    public int[] sequence() {
        return new int[] {seq, lastIndex};
    }

    /** Restores the sequence state of a snapshot. */
    public void restoreSequence(int newSeq, int newLastIndex) {
        seq = newSeq;
        lastIndex = newLastIndex;
    }
}
