package osbox.api.ipc;

/**
 * One IPC object as ipcs shows it: its kind ({@code msg}, {@code sem},
 * {@code shm}, or {@code mq} for a POSIX message queue), key, id, owner,
 * group and permission bits; {@code size} is a queue's used bytes, a set's
 * number of semaphores or a segment's bytes; {@code count} a queue's
 * messages, a segment's attachments (0 for a set); {@code waiters} the
 * processes blocked on it now; {@code name} a POSIX queue's name
 * ({@code /jobs}), null for the System V kinds, which have a key and an id
 * instead (a POSIX queue has key and id 0). The name since 1.1.
 */
public record IpcObjectInfo(String kind, int key, int id, int uid, int gid, int mode, long size, long count,
        int waiters, String name) {

    /** A System V object: no name (the form of 1.0). */
    public IpcObjectInfo(String kind, int key, int id, int uid, int gid, int mode, long size, long count,
            int waiters) {
        this(kind, key, id, uid, gid, mode, size, count, waiters, null);
    }
}
