package osbox.ipc.sysv.msg;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.WaitQueue;
import osbox.ipc.sysv.common.IpcObject;
import osbox.ipc.sysv.common.IpcPerm;

/**
 * One message queue (struct msg_queue): its messages in arrival order, the
 * bytes they hold against its capacity (qbytes), who last sent and
 * received and when, and the wait queues of blocked senders and receivers.
 */
final class MsgQueue extends IpcObject {
    final List<Message> messages = new ArrayList<>();
    final WaitQueue senders;
    final WaitQueue receivers;
    long cbytes;
    long qbytes;
    int lspid;
    int lrpid;
    long stime;
    long rtime;
    long ctime;

    MsgQueue(IpcPerm perm, long qbytes, long ctime, WaitQueue senders, WaitQueue receivers) {
        super(perm);
        this.qbytes = qbytes;
        this.ctime = ctime;
        this.senders = senders;
        this.receivers = receivers;
    }

    /** Whether a message of size bytes fits now (msg_fits: bytes and the count against qbytes). */
    boolean fits(long size) {
        return size + cbytes <= qbytes && 1 + messages.size() <= qbytes;
    }

    /** Appends m (the caller checked it fits). */
    void append(Message m) {
        messages.add(m);
        cbytes += m.text().length;
    }

    /** Takes message i off the queue. */
    Message take(int i) {
        Message m = messages.remove(i);
        cbytes -= m.text().length;
        return m;
    }
}
