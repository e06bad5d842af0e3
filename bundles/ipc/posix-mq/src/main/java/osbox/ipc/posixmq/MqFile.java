package osbox.ipc.posixmq;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import osbox.api.ipc.HandedOverFile;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.WaitQueue;

/**
 * A message-queue descriptor's open file description: the queue, the
 * access mode it was opened with, and its O_NONBLOCK flag (which
 * mq_getsetattr changes). Reading it gives Linux's status line; poll
 * reports POLLIN while a message waits and POLLOUT while there is room.
 * It outlives an update of the bundle: descriptors keep this object, and
 * once the next revision took it over ({@link #delegateTo}) every
 * operation goes to the successor's description. Simulation thread only.
 */
final class MqFile implements HandedOverFile {
    final MessageQueue queue;
    final boolean readable;
    final boolean writable;
    private final MqNamespace namespace;
    /** This description's number in its namespace (the snapshot names it so). */
    final long handle;
    private boolean nonblocking;
    private long offset;
    /** The next revision's description once it took this one over; null until then. */
    private OpenFile successor;

    /**
     * A description of q opened with access mode {@code accmode}
     * (O_RDONLY, O_WRONLY, O_RDWR; 3, which only creating a queue accepts,
     * gives neither reading nor writing, as Linux's OPEN_FMODE). Counts
     * itself among q's open files.
     */
    MqFile(MqNamespace namespace, MessageQueue queue, int accmode, boolean nonblocking) {
        int fmode = (accmode + 1) & MqConstants.O_ACCMODE;
        this.namespace = namespace;
        this.queue = queue;
        this.readable = (fmode & 1) != 0;
        this.writable = (fmode & 2) != 0;
        this.nonblocking = nonblocking;
        queue.opened();
        this.handle = namespace.track(this);
    }

    /** Whether this namespace made it (and no successor took it over since). */
    boolean servedBy(MqNamespace ns) {
        return namespace == ns && successor == null;
    }

    /** The access mode it was opened with, as mq_open's oflag has it (3: neither, a creator's). */
    int accmode() {
        return readable && writable ? MqConstants.O_RDWR : readable ? 0 : writable ? 1 : 3;
    }

    long offset() {
        return offset;
    }

    void setOffset(long at) {
        offset = at;
    }

    boolean nonblocking() {
        return nonblocking;
    }

    void setNonblocking(boolean on) {
        nonblocking = on;
    }

    /**
     * Linux's mqueue_read_file: "QSIZE:%-10lu NOTIFY:%-5d SIGNO:%-5d
     * NOTIFY_PID:%-6d", read from the description's offset.
     */
    @Override
    public long read(SyscallContext c, long buf, long len) {
        if (successor != null) {
            return successor.read(c, buf, len);
        }
        if (!readable) {
            return -Errno.EBADF;
        }
        MessageQueue.Notification n = namespace.notification(queue);
        String line = String.format("QSIZE:%-10d NOTIFY:%-5d SIGNO:%-5d NOTIFY_PID:%-6d\n", queue.bytes(),
                n == null ? 0 : n.how(), n != null && n.how() == MqConstants.SIGEV_SIGNAL ? n.signo() : 0,
                n == null ? 0 : n.pid());
        byte[] text = line.getBytes(StandardCharsets.US_ASCII);
        if (len < 0 || offset >= text.length) {
            return len < 0 ? -Errno.EINVAL : 0;
        }
        int n2 = (int) Math.min(len, text.length - offset);
        if (!c.memory().write(buf, text, (int) offset, n2)) {
            return -Errno.EFAULT;
        }
        offset += n2;
        return n2;
    }

    /** A queue has no write(2): EBADF without write access, else EINVAL, as vfs_write answers. */
    @Override
    public long write(SyscallContext c, long buf, long len) {
        if (successor != null) {
            return successor.write(c, buf, len);
        }
        return writable ? -Errno.EINVAL : -Errno.EBADF;
    }

    @Override
    public int mode() {
        return successor != null ? successor.mode() : S_IFREG | queue.mode;
    }

    /** POLLIN while a message waits, POLLOUT while there is room (mqueue_poll_file), whatever the access mode. */
    @Override
    public int poll(Consumer<WaitQueue> waitOn) {
        if (successor != null) {
            return successor.poll(waitOn);
        }
        if (waitOn != null) {
            waitOn.accept(queue.pollers);
        }
        int ready = 0;
        if (!queue.empty()) {
            ready |= POLLIN | POLLRDNORM;
        }
        if (!queue.full()) {
            ready |= POLLOUT | POLLWRNORM;
        }
        return ready;
    }

    @Override
    public void release() {
        if (successor != null) {
            successor.release();
            return;
        }
        namespace.released(this);
        namespace.closed(queue);
    }

    @Override
    public String describe() {
        return successor != null ? successor.describe() : "mqueue:/" + queue.name;
    }

    @Override
    public String owner() {
        return MqSnapshot.FORMAT;
    }

    /** Its number in the namespace of the revision that serves it now (the successor's, once taken over). */
    @Override
    public long handle() {
        return successor instanceof HandedOverFile h ? h.handle() : handle;
    }

    @Override
    public void delegateTo(OpenFile next) {
        if (next == null || next == this) {
            throw new IllegalArgumentException("a queue descriptor handed over to " + next);
        }
        successor = next;
    }
}
