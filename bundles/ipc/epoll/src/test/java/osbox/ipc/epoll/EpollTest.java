package osbox.ipc.epoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.WaitQueue;
import osbox.testkit.syscall.ArrayUserMemory;
import osbox.testkit.syscall.CountingWaitQueue;
import osbox.testkit.syscall.FakeSyscall;

/**
 * An epoll instance over files whose readiness the test sets: the ready
 * list's order, level and edge triggering, EPOLLONESHOT, entries dropped
 * with their descriptor, nesting, and epoll_ctl's errors.
 */
class EpollTest {
    static final long BASE = 0x10000;
    private final ArrayUserMemory memory = new ArrayUserMemory(BASE, 4096);
    private final FakeSyscall c = new FakeSyscall(memory);
    private final EpollCtlCall ctl = new EpollCtlCall();

    /** A file whose readiness is set by the test; its queue is woken on every change. */
    static final class Toy implements OpenFile {
        final CountingWaitQueue queue = new CountingWaitQueue("toy");
        int ready;
        int mode = 0600;

        void set(int mask) {
            ready = mask;
            queue.wakeAll();
        }

        @Override
        public int poll(Consumer<WaitQueue> waitOn) {
            if (waitOn != null) {
                waitOn.accept(queue);
            }
            return ready;
        }

        @Override
        public long read(SyscallContext c, long buf, long len) {
            return 0;
        }

        @Override
        public long write(SyscallContext c, long buf, long len) {
            return len;
        }

        @Override
        public int mode() {
            return mode;
        }

        @Override
        public String describe() {
            return "toy";
        }
    }

    private EpollFile epoll(String name) {
        return new EpollFile(1, new CountingWaitQueue(name));
    }

    // epoll_ctl(epfd, op, fd, {events, data}).
    private long ctl(long epfd, int op, long fd, int events, long data) {
        memory.writeInt(BASE, events);
        memory.writeLong(BASE + 8, data);
        return ctl.invoke(c.call(EpollCtlCall.NUMBER, epfd, op, fd, BASE));
    }

    private List<Long> reported(EpollFile e) {
        return e.collect(c, 8).stream().map(EpollFile.Event::data).toList();
    }

    @Test
    void levelTriggeredEntriesComeInWakeOrderUntilDrained() {
        EpollFile e = epoll("ep");
        long epfd = c.installFile(e, OpenFile.O_RDWR);
        Toy a = new Toy();
        Toy b = new Toy();
        long fa = c.installFile(a, OpenFile.O_RDWR);
        long fb = c.installFile(b, OpenFile.O_RDWR);
        assertEquals(0, ctl(epfd, EpollCtlCall.ADD, fa, EpollFile.EPOLLIN, 10));
        assertEquals(0, ctl(epfd, EpollCtlCall.ADD, fb, EpollFile.EPOLLIN, 20));
        assertEquals(List.of(), reported(e));
        b.set(OpenFile.POLLIN);
        a.set(OpenFile.POLLIN);
        assertEquals(List.of(20L, 10L), reported(e), "in the order the files woke");
        assertEquals(List.of(20L, 10L), reported(e), "level-triggered: again, same order");
        b.set(0);
        assertEquals(List.of(10L), reported(e), "a drained file leaves the list");
        assertEquals(OpenFile.POLLIN | OpenFile.POLLRDNORM, e.poll(null), "the instance itself is readable");
    }

    @Test
    void edgeTriggeredOncePerWakeUpAndOneShotUntilModified() {
        EpollFile e = epoll("ep");
        long epfd = c.installFile(e, OpenFile.O_RDWR);
        Toy a = new Toy();
        Toy b = new Toy();
        long fa = c.installFile(a, OpenFile.O_RDWR);
        long fb = c.installFile(b, OpenFile.O_RDWR);
        ctl(epfd, EpollCtlCall.ADD, fa, EpollFile.EPOLLIN | EpollFile.EPOLLET, 1);
        ctl(epfd, EpollCtlCall.ADD, fb, EpollFile.EPOLLIN | EpollFile.EPOLLONESHOT, 2);
        a.set(OpenFile.POLLIN);
        b.set(OpenFile.POLLIN);
        assertEquals(List.of(1L, 2L), reported(e));
        assertEquals(List.of(), reported(e), "still readable, but no new event");
        a.set(OpenFile.POLLIN);
        b.set(OpenFile.POLLIN);
        assertEquals(List.of(1L), reported(e), "a new event for the edge; the one-shot is disabled");
        assertEquals(0, ctl(epfd, EpollCtlCall.MOD, fb, EpollFile.EPOLLIN, 3));
        assertEquals(List.of(3L), reported(e), "MOD re-arms it, with its new data");
    }

    @Test
    void epollCtlChecksAsLinuxDoes() {
        EpollFile e = epoll("ep");
        long epfd = c.installFile(e, OpenFile.O_RDWR);
        EpollFile outer = epoll("outer");
        long ofd = c.installFile(outer, OpenFile.O_RDWR);
        Toy a = new Toy();
        long fa = c.installFile(a, OpenFile.O_RDWR);
        Toy file = new Toy();
        file.mode = OpenFile.S_IFREG | 0644;
        long ff = c.installFile(file, OpenFile.O_RDWR);
        assertEquals(0, ctl(epfd, EpollCtlCall.ADD, fa, EpollFile.EPOLLIN, 0));
        assertEquals(-Errno.EEXIST, ctl(epfd, EpollCtlCall.ADD, fa, EpollFile.EPOLLIN, 0));
        assertEquals(-Errno.EBADF, ctl(epfd, EpollCtlCall.DEL, 99, 0, 0), "a descriptor not open");
        assertEquals(-Errno.EPERM, ctl(epfd, EpollCtlCall.ADD, ff, EpollFile.EPOLLIN, 0), "a regular file");
        assertEquals(-Errno.EINVAL, ctl(epfd, EpollCtlCall.ADD, epfd, EpollFile.EPOLLIN, 0), "itself");
        assertEquals(-Errno.EINVAL, ctl(fa, EpollCtlCall.ADD, epfd, EpollFile.EPOLLIN, 0), "not an instance");
        assertEquals(0, ctl(ofd, EpollCtlCall.ADD, epfd, EpollFile.EPOLLIN, 0));
        assertEquals(-Errno.ELOOP, ctl(epfd, EpollCtlCall.ADD, ofd, EpollFile.EPOLLIN, 0), "a cycle");
        assertEquals(-Errno.EINVAL, ctl(epfd, 9, fa, EpollFile.EPOLLIN, 0), "an unknown op");
        assertEquals(-Errno.EFAULT, ctl.invoke(c.call(EpollCtlCall.NUMBER, epfd, EpollCtlCall.ADD, fa, 0x10)));
        a.set(OpenFile.POLLIN);
        assertTrue(outer.anyReady(), "the inner instance's readiness reaches the outer one");
        assertEquals(0, ctl(epfd, EpollCtlCall.DEL, fa, 0, 0));
        assertEquals(-Errno.ENOENT, ctl(epfd, EpollCtlCall.DEL, fa, 0, 0));
        assertEquals(0, a.queue.watchers(), "a removed entry no longer watches the file");
    }
}
