package osbox.kernel.core.files;

import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.WaitHolder;
import osbox.api.kernel.WaitQueue;
import osbox.api.kernel.WaitResource;

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
    // the open ends, for the deadlock detector: a reader waits for the holders of a write end, a writer for
    // the holders of a read end (a handful each: one per pipe2, more only if reopened)
    private final java.util.List<End> readEnds = new java.util.ArrayList<>();
    private final java.util.List<End> writeEnds = new java.util.ArrayList<>();
    private final WaitResource awaitData = new Awaited("data, from its writers", writeEnds);
    private final WaitResource awaitRoom = new Awaited("room, from its readers", readEnds);

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
        End e = new End(false);
        readEnds.add(e);
        return e;
    }

    /** Opens one more write end (the pipe counts its writers). */
    public OpenFile writeEnd() {
        writers++;
        End e = new End(true);
        writeEnds.add(e);
        return e;
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
            return c.waitFor(readWait, awaitData);
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
            return c.waitFor(writeWait, awaitRoom);
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

    /**
     * What a blocked reader (data) or writer (room) of this pipe waits for,
     * as the wait-for graph sees it: held by every task whose process holds
     * one of the other side's ends.
     */
    private final class Awaited implements WaitResource {
        private final String what;
        private final java.util.List<End> holders;

        Awaited(String what, java.util.List<End> holders) {
            this.what = what;
            this.holders = holders;
        }

        @Override
        public String describe() {
            return "pipe:[" + id + "] (" + what + ")";
        }

        @Override
        public boolean heldBy(WaitHolder holder) {
            for (End e : holders) {
                if (holder.holdsFile(e)) {
                    return true;
                }
            }
            return false;
        }
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
                writeEnds.remove(this);
                readWait.wakeAll();
            } else {
                readers--;
                readEnds.remove(this);
                writeWait.wakeAll();
            }
        }

        @Override
        public String describe() {
            return "pipe:[" + id + "] " + (write ? "write end" : "read end");
        }
    }
}
