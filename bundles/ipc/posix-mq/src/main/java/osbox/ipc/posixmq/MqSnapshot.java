package osbox.ipc.posixmq;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The message-queue namespace's state in an implementation-neutral,
 * versioned form (the snapshot contract of docs/architecture.md): what a
 * successor of this bundle, or a checkpoint, needs to go on with no
 * message lost. Big-endian, as java.io.DataOutput writes it:
 * <pre>
 *   "osbox.ipc.posixmq" (UTF), version (int, 2), queue count (int), then per queue:
 *     name (UTF), uid, gid, mode (int), maxmsg, msgsize (long), charged uid (int), charged bytes (long),
 *     linked (boolean: false for a queue mq_unlink removed that descriptors still hold),
 *     notification: 0 | 1 pid, how, signo (int) value (long),
 *     message count (int), then per message, in the order receivers get them:
 *       priority (int), length (int), bytes, CRC-32 of the bytes (long)
 *   open description count (int), then per description, by handle:
 *     handle (long), the queue's place in the list above (int), access mode (int, as mq_open's),
 *     O_NONBLOCK (boolean), read offset (long)
 * </pre>
 * The named queues and every queue a descriptor holds travel, with the
 * descriptions, so descriptors open across an update keep working (the
 * successor takes them over by handle). Values are checked on import as
 * user input is: a snapshot that breaks an invariant is refused whole.
 */
final class MqSnapshot {
    static final String FORMAT = "osbox.ipc.posixmq";
    static final int VERSION = 2;

    private MqSnapshot() {
    }

    /** The named queues of {@code namespace}, with their messages and notifications. */
    static byte[] export(MqNamespace namespace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeInt(VERSION);
            List<MessageQueue> queues = travelling(namespace);
            out.writeInt(queues.size());
            for (MessageQueue q : queues) {
                out.writeUTF(q.name);
                out.writeInt(q.uid);
                out.writeInt(q.gid);
                out.writeInt(q.mode);
                out.writeLong(q.maxmsg);
                out.writeLong(q.msgsize);
                out.writeInt(q.chargedUid);
                out.writeLong(q.chargedBytes);
                out.writeBoolean(q.linked());
                MessageQueue.Notification n = namespace.notification(q);
                out.writeBoolean(n != null);
                if (n != null) {
                    out.writeInt(n.pid());
                    out.writeInt(n.how());
                    out.writeInt(n.signo());
                    out.writeLong(n.value());
                }
                List<Message> messages = q.messages();
                out.writeInt(messages.size());
                for (Message m : messages) {
                    out.writeInt(m.priority());
                    out.writeInt(m.data().length);
                    out.write(m.data());
                    out.writeLong(crc(m.data()));
                }
            }
            List<MqFile> files = namespace.openFiles();
            out.writeInt(files.size());
            for (MqFile f : files) {
                out.writeLong(f.handle);
                out.writeInt(indexOf(queues, f.queue));
                out.writeInt(f.accmode());
                out.writeBoolean(f.nonblocking());
                out.writeLong(f.offset());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    // The named queues, by name, then the unlinked ones descriptors still hold, in handle order.
    private static List<MessageQueue> travelling(MqNamespace namespace) {
        List<MessageQueue> queues = namespace.named();
        for (MqFile f : namespace.openFiles()) {
            if (!f.queue.linked() && indexOf(queues, f.queue) < 0) {
                queues.add(f.queue);
            }
        }
        return queues;
    }

    // The place of q in queues by identity, or -1.
    private static int indexOf(List<MessageQueue> queues, MessageQueue q) {
        for (int i = 0; i < queues.size(); i++) {
            if (queues.get(i) == q) {
                return i;
            }
        }
        return -1;
    }

    /** A description as the snapshot names it: its handle, queue, access mode, O_NONBLOCK and offset. */
    private record FileRecord(long handle, int queue, int accmode, boolean nonblocking, long offset) {
    }

    /**
     * Restores a snapshot into an empty namespace. Throws
     * IllegalArgumentException, naming what is wrong, for a snapshot of
     * another format or version, a truncated one, a checksum that does
     * not match, or a queue that breaks an invariant; the namespace is
     * then left as it was (empty).
     */
    static void restore(MqNamespace namespace, byte[] snapshot) {
        if (!namespace.named().isEmpty()) {
            throw new IllegalStateException("restore into a namespace that already has queues");
        }
        List<MessageQueue> restored = new ArrayList<>();
        List<FileRecord> fileRecords = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            String format = in.readUTF();
            int version = in.readInt();
            if (!FORMAT.equals(format) || version != VERSION) {
                throw new IllegalArgumentException("not a " + FORMAT + " snapshot of version " + VERSION + ": "
                        + format + " " + version);
            }
            int count = in.readInt();
            java.util.Set<String> names = new java.util.TreeSet<>();
            for (int i = 0; i < count; i++) {
                MessageQueue q = readQueue(namespace, in);
                if (q.linked() && !names.add(q.name)) {
                    throw new IllegalArgumentException("queue /" + q.name + " twice");
                }
                restored.add(q);
            }
            int files = in.readInt();
            java.util.Set<Long> handles = new java.util.TreeSet<>();
            for (int i = 0; i < files; i++) {
                FileRecord f = new FileRecord(in.readLong(), in.readInt(), in.readInt(), in.readBoolean(),
                        in.readLong());
                if (f.handle < 0 || !handles.add(f.handle) || f.queue < 0 || f.queue >= restored.size()
                        || f.accmode < 0 || f.accmode > 3 || f.offset < 0) {
                    throw new IllegalArgumentException("open description " + f.handle + " is not possible");
                }
                fileRecords.add(f);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the last open description");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated snapshot: " + e.getMessage());
        }
        for (MessageQueue q : restored) {
            if (q.linked()) {
                namespace.adopt(q);
            } else {
                namespace.adoptUnlinked(q);
            }
        }
        java.util.Map<Long, MqFile> files = new java.util.TreeMap<>();
        for (FileRecord r : fileRecords) {
            MqFile f = new MqFile(namespace, restored.get(r.queue), r.accmode, r.nonblocking);
            f.setOffset(r.offset);
            files.put(r.handle, f);
        }
        namespace.takeOver(files);
    }

    // One queue as export wrote it, checked.
    private static MessageQueue readQueue(MqNamespace namespace, DataInputStream in) throws IOException {
        String name = in.readUTF();
        int uid = in.readInt();
        int gid = in.readInt();
        int mode = in.readInt();
        long maxmsg = in.readLong();
        long msgsize = in.readLong();
        int chargedUid = in.readInt();
        long chargedBytes = in.readLong();
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.length() > MqConstants.NAME_MAX
                || maxmsg <= 0 || maxmsg > MqLimits.HARD_MSGMAX || msgsize <= 0 || msgsize > MqLimits.HARD_MSGSIZEMAX
                || (mode & ~07777) != 0 || chargedBytes != MqLimits.cost(maxmsg, msgsize)) {
            throw new IllegalArgumentException("queue '" + name + "' has attributes no queue can have");
        }
        MessageQueue q = namespace.newQueue(name, uid, gid, mode, maxmsg, msgsize, chargedUid, chargedBytes);
        if (!in.readBoolean()) {
            q.unlink();
        }
        if (in.readBoolean()) {
            q.setNotification(new MessageQueue.Notification(in.readInt(), in.readInt(), in.readInt(), in.readLong()));
        }
        int messages = in.readInt();
        if (messages < 0 || messages > maxmsg) {
            throw new IllegalArgumentException("queue /" + name + ": " + messages + " messages, at most " + maxmsg);
        }
        int lastPriority = MqConstants.MQ_PRIO_MAX;
        for (int i = 0; i < messages; i++) {
            int priority = in.readInt();
            int length = in.readInt();
            if (priority < 0 || priority > lastPriority || length < 0 || length > msgsize) {
                throw new IllegalArgumentException("queue /" + name + ": message " + i + " out of order or size");
            }
            byte[] data = in.readNBytes(length);
            if (data.length != length || in.readLong() != crc(data)) {
                throw new IllegalArgumentException("queue /" + name + ": message " + i + " fails its checksum");
            }
            q.insert(priority, data);
            lastPriority = priority;
        }
        return q;
    }

    /** CRC-32 of a message's bytes. */
    static long crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return c.getValue();
    }
}
