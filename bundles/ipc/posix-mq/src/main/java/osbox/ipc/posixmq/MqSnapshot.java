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
 *   "osbox.ipc.posixmq" (UTF), version (int, 1), queue count (int), then per queue:
 *     name (UTF), uid, gid, mode (int), maxmsg, msgsize (long), charged uid (int), charged bytes (long),
 *     notification: 0 | 1 pid, how, signo (int) value (long),
 *     message count (int), then per message, in the order receivers get them:
 *       priority (int), length (int), bytes, CRC-32 of the bytes (long)
 * </pre>
 * Only named queues travel: a queue unlinked while still open lives in
 * its descriptors, which the kernel holds. Values are checked on import
 * as user input is: a snapshot that breaks an invariant is refused whole.
 */
final class MqSnapshot {
    static final String FORMAT = "osbox.ipc.posixmq";
    static final int VERSION = 1;

    private MqSnapshot() {
    }

    /** The named queues of {@code namespace}, with their messages and notifications. */
    static byte[] export(MqNamespace namespace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeInt(VERSION);
            List<MessageQueue> queues = namespace.named();
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
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
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
                if (!names.add(q.name)) {
                    throw new IllegalArgumentException("queue /" + q.name + " twice");
                }
                restored.add(q);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the last queue");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated snapshot: " + e.getMessage());
        }
        for (MessageQueue q : restored) {
            namespace.adopt(q);
        }
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
