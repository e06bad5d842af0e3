package osbox.kernel.core.files;

import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;

/**
 * A pipe: a 64 KiB ring buffer with a read end and a write end. A reader
 * sleeps while the pipe is empty and a writer exists, and sees end of file
 * once every write end is closed; a writer sleeps while the pipe is full
 * and gets EPIPE once every read end is closed (the write calls raise
 * SIGPIPE on EPIPE, as POSIX asks of write). Writes of at most PIPE_BUF
 * bytes are atomic; a larger write takes what room there is (a partial
 * write). An end opened O_NONBLOCK (pipe2, fcntl F_SETFL) answers EAGAIN
 * where it would sleep.
 */
public final class Pipe {
    public static final int CAPACITY = 65536;
    public static final int PIPE_BUF = 4096;

    private final byte[] ring = new byte[CAPACITY];
    private int head;
    private int count;
    private int readers;
    private int writers;
    private final WaitQueue readWait;
    private final WaitQueue writeWait;
    private final int id;

    /**
     * A pipe named {@code pipe:[id]} whose readers sleep on {@code readWait}
     * and writers on {@code writeWait} (queues of the kernel that runs the
     * callers); its ends are opened with {@link #readEnd()} and
     * {@link #writeEnd()}.
     */
    public Pipe(int id, WaitQueue readWait, WaitQueue writeWait) {
        this.id = id;
        this.readWait = readWait;
        this.writeWait = writeWait;
    }

    /** Opens one more read end (the pipe counts its readers). */
    public OpenFile readEnd() {
        readers++;
        return new End(false);
    }

    /** Opens one more write end (the pipe counts its writers). */
    public OpenFile writeEnd() {
        writers++;
        return new End(true);
    }

    // Moves up to len bytes from the ring to user memory: 0 at end of file (empty, no writer), EAGAIN or a
    // sleep (RESTART) while empty, EFAULT (nothing taken from the ring) for a bad buffer.
    private long readInto(SyscallContext c, long buf, long len) {
        if (count == 0) {
            if (writers == 0) {
                return 0;
            }
            if (c.nonBlocking()) {
                return -Errno.EAGAIN;
            }
            c.sleepOn(readWait);
            return SyscallHandler.RESTART;
        }
        int n = (int) Math.min(len, count);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = ring[(head + i) % CAPACITY];
        }
        if (!c.memory().write(buf, out, 0, n)) {
            return -Errno.EFAULT;
        }
        head = (head + n) % CAPACITY;
        count -= n;
        writeWait.wakeAll();
        return n;
    }

    // Moves up to len bytes from user memory into the ring (all of them at once when len <= PIPE_BUF):
    // EPIPE with no reader, EAGAIN or a sleep (RESTART) without room, EFAULT (nothing added) for a bad buffer.
    private long writeFrom(SyscallContext c, long buf, long len) {
        if (readers == 0) {
            return -Errno.EPIPE;
        }
        int room = CAPACITY - count;
        if (room == 0 || (len <= PIPE_BUF && room < len)) {
            if (c.nonBlocking()) {
                return -Errno.EAGAIN;
            }
            c.sleepOn(writeWait);
            return SyscallHandler.RESTART;
        }
        int n = (int) Math.min(len, room);
        byte[] in = new byte[n];
        if (!c.memory().read(buf, in, 0, n)) {
            return -Errno.EFAULT;
        }
        int tail = (head + count) % CAPACITY;
        for (int i = 0; i < n; i++) {
            ring[(tail + i) % CAPACITY] = in[i];
        }
        count += n;
        readWait.wakeAll();
        return n;
    }

    /** Bytes waiting to be read. */
    public int buffered() {
        return count;
    }

    private final class End implements OpenFile {
        private final boolean write;

        End(boolean write) {
            this.write = write;
        }

        @Override
        public long read(SyscallContext c, long buf, long len) {
            return write ? -Errno.EBADF : readInto(c, buf, len);
        }

        @Override
        public long write(SyscallContext c, long buf, long len) {
            return write ? writeFrom(c, buf, len) : -Errno.EBADF;
        }

        /**
         * Linux's pipe_poll: the read end is readable with bytes buffered and
         * hung up with no writer left; the write end is writable with room
         * for PIPE_BUF bytes (a small write would not sleep) and in error
         * with no reader left. Each end's readiness changes when its queue is
         * woken.
         */
        @Override
        public int poll(java.util.function.Consumer<WaitQueue> waitOn) {
            if (waitOn != null) {
                waitOn.accept(write ? writeWait : readWait);
            }
            if (write) {
                return (CAPACITY - count >= PIPE_BUF ? POLLOUT | POLLWRNORM : 0) | (readers == 0 ? POLLERR : 0);
            }
            return (count > 0 ? POLLIN | POLLRDNORM : 0) | (writers == 0 ? POLLHUP : 0);
        }

        @Override
        public int mode() {
            return S_IFIFO | 0600;
        }

        @Override
        public long size() {
            return count;
        }

        @Override
        public void release() {
            if (write) {
                writers--;
                readWait.wakeAll();
            } else {
                readers--;
                writeWait.wakeAll();
            }
        }

        @Override
        public String describe() {
            return "pipe:[" + id + "] " + (write ? "write end" : "read end");
        }
    }
}
