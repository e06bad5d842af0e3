package osbox.api.ipc;

/**
 * One IPC object as ipcs shows it: its kind ({@code msg}, {@code sem},
 * {@code shm}), key, id, owner, group and permission bits; {@code size} is
 * a queue's used bytes, a set's number of semaphores or a segment's bytes;
 * {@code count} a queue's messages, a segment's attachments (0 for a set);
 * {@code waiters} the processes blocked on it now.
 */
public record IpcObjectInfo(String kind, int key, int id, int uid, int gid, int mode, long size, long count,
        int waiters) {
}
