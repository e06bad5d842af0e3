package osbox.ipc.posixmq;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.kernel.WaitQueue;

/**
 * One POSIX message queue (Linux's mqueue_inode_info): its owner, mode and
 * attributes, its messages (highest priority first, FIFO within one
 * priority), the notification registered on it, and the queues its
 * blocked senders, receivers and pollers sleep on. It outlives its name
 * (mq_unlink) while descriptors refer to it. Simulation thread only.
 */
final class MessageQueue {
    final String name;
    final int uid;
    final int gid;
    final int mode;
    final long maxmsg;
    final long msgsize;
    /** The user charged for it against RLIMIT_MSGQUEUE, and how much. */
    final int chargedUid;
    final long chargedBytes;
    final WaitQueue senders;
    final WaitQueue receivers;
    final WaitQueue pollers;

    private final TreeMap<Integer, ArrayDeque<byte[]>> byPriority = new TreeMap<>(Comparator.reverseOrder());
    private long count;
    private long bytes;
    private Notification notification;
    private int openFiles;
    private boolean linked = true;

    /**
     * A registered mq_notify: the owner (a process), how it is told
     * (SIGEV_SIGNAL or SIGEV_NONE), the signal (0: none) and si_value.
     */
    record Notification(int pid, int how, int signo, long value) {
    }

    /** A queue; {@code waits} makes its wait queues (the kernel's). */
    MessageQueue(String name, int uid, int gid, int mode, long maxmsg, long msgsize, int chargedUid,
            long chargedBytes, java.util.function.Function<String, WaitQueue> waits) {
        if (maxmsg <= 0 || msgsize <= 0) {
            throw new IllegalArgumentException("queue /" + name + ": maxmsg and msgsize must be positive");
        }
        this.name = name;
        this.uid = uid;
        this.gid = gid;
        this.mode = mode;
        this.maxmsg = maxmsg;
        this.msgsize = msgsize;
        this.chargedUid = chargedUid;
        this.chargedBytes = chargedBytes;
        this.senders = waits.apply("mq:/" + name + " senders");
        this.receivers = waits.apply("mq:/" + name + " receivers");
        this.pollers = waits.apply("mq:/" + name + " pollers");
    }

    /** Messages in the queue (mq_curmsgs). */
    long count() {
        return count;
    }

    /** Bytes of the messages in the queue. */
    long bytes() {
        return bytes;
    }

    boolean full() {
        return count >= maxmsg;
    }

    boolean empty() {
        return count == 0;
    }

    /** Appends a message behind those of its priority; the caller checked it is not full and not too long. */
    void insert(int priority, byte[] data) {
        if (full() || data.length > msgsize) {
            throw new IllegalStateException("queue /" + name + ": insert into a full queue or of an oversized message");
        }
        byPriority.computeIfAbsent(priority, p -> new ArrayDeque<>()).addLast(data);
        count++;
        bytes += data.length;
    }

    /** Takes the oldest message of the highest priority; the caller checked it is not empty. */
    Message removeFirst() {
        Map.Entry<Integer, ArrayDeque<byte[]>> first = byPriority.firstEntry();
        if (first == null) {
            throw new IllegalStateException("queue /" + name + ": receive from an empty queue");
        }
        byte[] data = first.getValue().removeFirst();
        if (first.getValue().isEmpty()) {
            byPriority.remove(first.getKey());
        }
        count--;
        bytes -= data.length;
        return new Message(first.getKey(), data);
    }

    /** Every message in the order receivers get them (for the snapshot and listings). */
    java.util.List<Message> messages() {
        java.util.List<Message> all = new java.util.ArrayList<>();
        byPriority.forEach((priority, list) -> list.forEach(d -> all.add(new Message(priority, d))));
        return all;
    }

    Notification notification() {
        return notification;
    }

    void setNotification(Notification n) {
        notification = n;
    }

    /** Whether a name still refers to it (mq_unlink has not removed it). */
    boolean linked() {
        return linked;
    }

    void unlink() {
        linked = false;
    }

    int openFiles() {
        return openFiles;
    }

    void opened() {
        openFiles++;
    }

    /** One descriptor's description closed; true when it was the last and the name is gone (free it). */
    boolean closed() {
        if (openFiles <= 0) {
            throw new IllegalStateException("queue /" + name + ": closed more often than opened");
        }
        openFiles--;
        return openFiles == 0 && !linked;
    }
}
