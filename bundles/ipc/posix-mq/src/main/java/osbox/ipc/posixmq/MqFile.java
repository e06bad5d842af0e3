package osbox.ipc.posixmq;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.WaitQueue;

/**
 * A message-queue descriptor's open file description: the queue, the
 * access mode it was opened with, and its O_NONBLOCK flag (which
 * mq_getsetattr changes). Reading it gives Linux's status line; poll
 * reports POLLIN while a message waits and POLLOUT while there is room.
 * Simulation thread only.
 */
final class MqFile implements OpenFile {
    final MessageQueue queue;
    final boolean readable;
    final boolean writable;
    private final MqNamespace namespace;
    private boolean nonblocking;
    private long offset;

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
        return writable ? -Errno.EINVAL : -Errno.EBADF;
    }

    @Override
    public int mode() {
        return S_IFREG | queue.mode;
    }

    /** POLLIN while a message waits, POLLOUT while there is room (mqueue_poll_file), whatever the access mode. */
    @Override
    public int poll(Consumer<WaitQueue> waitOn) {
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
        namespace.closed(queue);
    }

    @Override
    public String describe() {
        return "mqueue:/" + queue.name;
    }
}
