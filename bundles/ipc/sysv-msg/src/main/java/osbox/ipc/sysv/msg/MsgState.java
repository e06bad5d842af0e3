package osbox.ipc.sysv.msg;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import osbox.ipc.sysv.common.IpcPerm;
import osbox.ipc.sysv.common.IpcSnapshot;

/**
 * The message queues' state in the snapshot contract: {@link IpcSnapshot}'s
 * shape with format {@value #FORMAT}, version {@value #VERSION}, and as
 * each queue's body:
 * <pre>
 *   qbytes (long), lspid, lrpid (int), stime, rtime, ctime (long),
 *   message count (int), then per message in queue order:
 *     type (long), length (int), the text, CRC-32 of the text (long)
 * </pre>
 * cbytes is not written: it is the sum of the lengths. Restoring checks
 * every checksum, type and size (a snapshot is user input).
 */
final class MsgState {
    static final String FORMAT = "osbox.ipc.sysv.msg";
    static final int VERSION = 1;
    /** Most messages one queue can hold: qbytes bounds the count as well as the bytes (msg_fits). */
    private static final long MOST_MESSAGES = Integer.MAX_VALUE;

    private MsgState() {
    }

    /** Every queue with its messages, and who sleeps on which. Simulation thread. */
    static byte[] export(MsgQueues queues) {
        return IpcSnapshot.export(FORMAT, VERSION, queues.ids(), queues.sleepers(), MsgState::writeQueue);
    }

    /** Restores a snapshot of {@link #export} into queues' empty table (IllegalArgumentException: refused whole). */
    static void restore(MsgQueues queues, byte[] snapshot) {
        IpcSnapshot.restore(snapshot, FORMAT, VERSION, queues.ids(), queues.sleepers(),
                (perm, in) -> readQueue(queues, perm, in));
    }

    private static void writeQueue(MsgQueue q, DataOutputStream out) throws IOException {
        out.writeLong(q.qbytes);
        out.writeInt(q.lspid);
        out.writeInt(q.lrpid);
        out.writeLong(q.stime);
        out.writeLong(q.rtime);
        out.writeLong(q.ctime);
        out.writeInt(q.messages.size());
        for (Message m : q.messages) {
            out.writeLong(m.type());
            out.writeInt(m.text().length);
            out.write(m.text());
            out.writeLong(crc(m.text()));
        }
    }

    private static MsgQueue readQueue(MsgQueues queues, IpcPerm perm, DataInputStream in) throws IOException {
        long qbytes = in.readLong();
        MsgQueue q = queues.newQueue(perm, 0);
        q.qbytes = qbytes;
        q.lspid = in.readInt();
        q.lrpid = in.readInt();
        q.stime = in.readLong();
        q.rtime = in.readLong();
        q.ctime = in.readLong();
        int count = in.readInt();
        if (qbytes < 0 || count < 0 || count > Math.min(Math.max(qbytes, 0), MOST_MESSAGES)) {
            throw new IllegalArgumentException("queue key " + perm.key + ": " + count + " messages with qbytes "
                    + qbytes);
        }
        for (int i = 0; i < count; i++) {
            long type = in.readLong();
            int length = in.readInt();
            if (type < 1 || length < 0 || length > queues.limits().msgmax() || q.cbytes + length > qbytes) {
                throw new IllegalArgumentException("queue key " + perm.key + ": message " + i
                        + " has a type or size no message can have");
            }
            byte[] text = in.readNBytes(length);
            if (text.length != length || in.readLong() != crc(text)) {
                throw new IllegalArgumentException("queue key " + perm.key + ": message " + i
                        + " fails its checksum");
            }
            q.append(new Message(type, text));
        }
        return q;
    }

    /** CRC-32 of a message's text. */
    static long crc(byte[] text) {
        CRC32 c = new CRC32();
        c.update(text);
        return c.getValue();
    }
}
