package osbox.ipc.eventfd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;
import osbox.testkit.syscall.ArrayUserMemory;
import osbox.testkit.syscall.CountingWaitQueue;
import osbox.testkit.syscall.FakeSyscall;

/**
 * eventfd2 and the counter, as Linux's eventfd(2): flags, 8-byte reads and
 * writes, EINVAL and EAGAIN, semaphore mode, the overflow limit
 * 0xfffffffffffffffe and poll readiness.
 */
class EventfdTest {
    static final long BASE = 0x10000;
    private final ArrayUserMemory memory = new ArrayUserMemory(BASE, 4096);
    private final FakeSyscall c = new FakeSyscall(memory);
    private final List<CountingWaitQueue> queues = new java.util.ArrayList<>();
    private final Eventfd2Call eventfd2 = new Eventfd2Call(new Kernel() {
        @Override
        public WaitQueue newWaitQueue(String name) {
            CountingWaitQueue q = new CountingWaitQueue(name);
            queues.add(q);
            return q;
        }

        @Override
        public ProcessManager processManager() {
            throw new UnsupportedOperationException("not needed by eventfd");
        }
    });

    // A new eventfd's descriptor (the call must succeed).
    private long open(long initial, int flags) {
        long fd = eventfd2.invoke(c.call(Eventfd2Call.NUMBER, initial, flags));
        assertTrue(fd >= 3, "eventfd2 answered " + fd);
        return fd;
    }

    private long write(long fd, long value) {
        memory.writeLong(BASE, value);
        return c.file(fd).write(c, BASE, 8);
    }

    private long read(long fd) {
        return c.file(fd).read(c, BASE + 8, 8);
    }

    private long readValue() {
        long[] v = new long[1];
        memory.readLong(BASE + 8, v);
        return v[0];
    }

    @Test
    void flagsGoToTheDescriptionAndUnknownOnesAreEinval() {
        long fd = open(0, Eventfd2Call.EFD_NONBLOCK | Eventfd2Call.EFD_CLOEXEC);
        assertEquals(OpenFile.O_RDWR | OpenFile.O_NONBLOCK | OpenFile.O_CLOEXEC, c.openFlags(fd));
        assertEquals(-Errno.EINVAL, eventfd2.invoke(c.call(Eventfd2Call.NUMBER, 0, 0x2)), "an unknown flag");
        assertEquals(0600, c.file(fd).mode(), "an anonymous inode");
        assertEquals("eventfd 1", queues.get(0).name());
    }

    @Test
    void writesAddAndAReadTakesTheWholeCount() {
        long fd = open(5, Eventfd2Call.EFD_NONBLOCK);
        assertEquals(8, write(fd, 3));
        assertEquals(8, read(fd));
        assertEquals(8, readValue(), "initval 5 plus 3");
        assertEquals(-Errno.EAGAIN, read(fd), "now 0: O_NONBLOCK answers EAGAIN");
        assertEquals(-Errno.EINVAL, c.file(fd).read(c, BASE, 7), "fewer than 8 bytes");
        assertEquals(-Errno.EINVAL, c.file(fd).write(c, BASE, 4));
        assertEquals(-Errno.EINVAL, write(fd, -1L), "0xffffffffffffffff is never written");
        assertEquals(-Errno.EFAULT, c.file(fd).write(c, 0x10, 8));
        assertEquals(8, write(fd, 1));
        assertEquals(-Errno.EFAULT, c.file(fd).read(c, 0x10, 8));
        assertEquals(8, read(fd), "a failed read took nothing");
        assertEquals(1, readValue());
    }

    @Test
    void semaphoreModeTakesOneAtATime() {
        long fd = open(2, Eventfd2Call.EFD_SEMAPHORE | Eventfd2Call.EFD_NONBLOCK);
        assertEquals(8, read(fd));
        assertEquals(1, readValue());
        assertEquals(8, read(fd));
        assertEquals(1, readValue());
        assertEquals(-Errno.EAGAIN, read(fd));
    }

    @Test
    void theCountStopsAtMaxAndBlockingCallersSleepUntilItChanges() {
        long fd = open(0, 0);
        EventFd e = (EventFd) c.file(fd);
        assertEquals(SyscallHandler.RESTART, read(fd), "empty: the reader sleeps");
        assertEquals(List.of(queues.get(0)), c.sleeps());
        assertEquals(8, write(fd, EventFd.MAX), "up to 0xfffffffffffffffe fits");
        assertEquals(1, queues.get(0).wakeCalls(), "the write woke the reader");
        assertEquals(SyscallHandler.RESTART, write(fd, 1), "one more would pass the limit: sleep");
        assertEquals(OpenFile.POLLIN | OpenFile.POLLRDNORM, e.poll(null), "full: readable, not writable");
        assertEquals(8, write(fd, 0), "adding 0 always fits");
        c.setNonBlocking(true);
        memory.writeLong(BASE, 1);
        assertEquals(-Errno.EAGAIN, e.write(c, BASE, 8), "O_NONBLOCK: EAGAIN instead of the sleep");
        assertEquals(8, read(fd));
        assertEquals(EventFd.MAX, readValue());
        assertEquals(OpenFile.POLLOUT | OpenFile.POLLWRNORM, e.poll(null), "empty: writable only");
        List<WaitQueue> watched = new java.util.ArrayList<>();
        e.poll(watched::add);
        assertEquals(List.of(queues.get(0)), watched, "poll hands over the one queue");
    }
}
