package osbox.ipc.eventfd;

import java.util.function.Consumer;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitQueue;

/**
 * An eventfd (Linux's fs/eventfd.c): an unsigned 64-bit counter as a file.
 * A write of 8 bytes adds its value, sleeping (or EAGAIN) while the sum
 * would pass 0xfffffffffffffffe; a read of 8 bytes takes the whole count
 * (semaphore mode: takes 1), sleeping (or EAGAIN) while it is 0. Readers
 * and writers sleep on one queue, woken whenever the count changes.
 */
final class EventFd implements OpenFile {
    /** The largest count: 0xfffffffffffffffe (ULLONG_MAX - 1). */
    static final long MAX = -2L;

    private final WaitQueue wait;
    private final boolean semaphore;
    private final int id;
    private long count;

    /** A counter starting at initial (0..2^32-1), numbered id, whose callers sleep on wait. */
    EventFd(int id, long initial, boolean semaphore, WaitQueue wait) {
        this.id = id;
        this.count = initial;
        this.semaphore = semaphore;
        this.wait = wait;
    }

    /** The count now (unsigned). */
    long count() {
        return count;
    }

    /**
     * eventfd_read: EINVAL for fewer than 8 bytes; with the count 0, EAGAIN
     * (O_NONBLOCK) or a sleep; else the count (or 1) goes to buf as a
     * little-endian u64 and leaves the counter (EFAULT: nothing taken).
     */
    @Override
    public long read(SyscallContext c, long buf, long len) {
        if (len < 8) {
            return -Errno.EINVAL;
        }
        if (count == 0) {
            if (c.nonBlocking()) {
                return -Errno.EAGAIN;
            }
            c.sleepOn(wait);
            return SyscallHandler.RESTART;
        }
        long taken = semaphore ? 1 : count;
        if (!c.memory().writeLong(buf, taken)) {
            return -Errno.EFAULT;
        }
        count -= taken;
        wait.wakeAll();
        return 8;
    }

    /**
     * eventfd_write: EINVAL for fewer than 8 bytes or the value
     * 0xffffffffffffffff; EFAULT for a bad buffer; EAGAIN (O_NONBLOCK) or a
     * sleep while the sum would pass {@link #MAX}; else adds it.
     */
    @Override
    public long write(SyscallContext c, long buf, long len) {
        if (len < 8) {
            return -Errno.EINVAL;
        }
        long[] v = new long[1];
        UserMemory m = c.memory();
        if (!m.readLong(buf, v)) {
            return -Errno.EFAULT;
        }
        long value = v[0];
        if (value == -1L) {
            return -Errno.EINVAL;
        }
        if (Long.compareUnsigned(MAX - count, value) < 0) {
            if (c.nonBlocking()) {
                return -Errno.EAGAIN;
            }
            c.sleepOn(wait);
            return SyscallHandler.RESTART;
        }
        count += value;
        if (value != 0) {
            wait.wakeAll();
        }
        return 8;
    }

    /** eventfd_poll: POLLIN with a count above 0, POLLOUT while 1 more fits; changes wake the one queue. */
    @Override
    public int poll(Consumer<WaitQueue> waitOn) {
        if (waitOn != null) {
            waitOn.accept(wait);
        }
        int ready = count != 0 ? POLLIN | POLLRDNORM : 0;
        if (Long.compareUnsigned(count, MAX) < 0) {
            ready |= POLLOUT | POLLWRNORM;
        }
        return ready;
    }

    /** An anonymous inode: no file type bits, rw for the owner (as Linux's anon_inode). */
    @Override
    public int mode() {
        return 0600;
    }

    @Override
    public void release() {
        wait.wakeAll();
    }

    @Override
    public String describe() {
        return "anon_inode:[eventfd] " + id + " count " + Long.toUnsignedString(count);
    }
}
