package osbox.ipc.posixmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallHandler;

/**
 * mq_timedsend and mq_timedreceive: priorities (highest first, FIFO within
 * one), blocking and waking, absolute CLOCK_REALTIME timeouts, O_NONBLOCK,
 * the errors in Linux's order, and poll readiness.
 */
class MqSendReceiveTest {
    static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_NONBLOCK = 04000;
    static final long EPOCH_NS = MqArgs.REALTIME_EPOCH_SECONDS * 1_000_000_000L;
    final MqWorld world = new MqWorld();
    final MqWorld.Proc a = world.process(10, 0, 0);
    final MqWorld.Proc b = world.process(11, 0, 0);
    final long msg = MqWorld.BASE + 0x100;
    final long out = MqWorld.BASE + 0x2000;
    final long prio = MqWorld.BASE + 0x3000;
    final long timeout = MqWorld.BASE + 0x3100;
    int rw;

    MqSendReceiveTest() {
        long attr = a.longs(MqWorld.BASE + 0x3200, 0, 3, 16, 0);
        rw = (int) a.call(world.open, a.string(MqWorld.BASE, "q"), O_CREAT | O_RDWR, 0600, attr);
    }

    long send(MqWorld.Proc p, int fd, String text, int priority, long timeoutVa) {
        p.string(msg, text);
        return p.call(world.send, fd, msg, text.length(), priority, timeoutVa);
    }

    long receive(MqWorld.Proc p, int fd, long timeoutVa) {
        return p.call(world.receive, fd, out, 16, prio, timeoutVa);
    }

    /** An absolute CLOCK_REALTIME timespec at simulated cycle {@code cycles} (1 GHz: nanoseconds). */
    long at(MqWorld.Proc p, long cycles) {
        long ns = EPOCH_NS + cycles;
        return p.longs(timeout, ns / 1_000_000_000L, ns % 1_000_000_000L);
    }

    @Test
    void highestPriorityFirstAndFifoWithinOne() {
        assertEquals(0, send(a, rw, "low", 1, 0));
        assertEquals(0, send(a, rw, "high-1", 7, 0));
        assertEquals(0, send(a, rw, "high-2", 7, 0));
        assertEquals(6, receive(a, rw, 0));
        assertEquals("high-1", a.text(out, 6));
        assertEquals(7, a.intAt(prio));
        assertEquals(6, receive(a, rw, 0));
        assertEquals("high-2", a.text(out, 6));
        assertEquals(3, a.call(world.receive, rw, out, 16, 0, 0), "a NULL priority pointer is fine");
        assertEquals("low", a.text(out, 3));
    }

    @Test
    void aFullQueueBlocksTheSenderUntilAReceiveMakesRoom() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, send(a, rw, "m" + i, 0, 0));
        }
        assertEquals(SyscallHandler.RESTART, send(a, rw, "m3", 0, 0));
        assertSame(world.namespace.lookup("q").senders, a.sleepingOn);
        assertEquals(-1, a.sleepDeadline, "no timeout: until woken");
        int fd = (int) b.call(world.open, b.string(MqWorld.BASE, "q"), O_RDONLY, 0, 0);
        assertEquals(2, receive(b, fd, 0));
        assertNull(a.sleepingOn, "the receive woke the sender");
        assertEquals(0, send(a, rw, "m3", 0, 0), "the call runs again and finds room");
        assertEquals(3, world.namespace.lookup("q").count());
    }

    @Test
    void anEmptyQueueBlocksTheReceiverUntilASend() {
        assertEquals(SyscallHandler.RESTART, receive(a, rw, 0));
        assertSame(world.namespace.lookup("q").receivers, a.sleepingOn);
        assertEquals(0, send(b, (int) b.call(world.open, b.string(MqWorld.BASE, "q"), O_WRONLY, 0, 0), "hi", 3, 0));
        assertNull(a.sleepingOn);
        assertEquals(2, receive(a, rw, 0));
        assertEquals(3, a.intAt(prio));
    }

    @Test
    void anAbsoluteTimeoutEndsTheWaitWithEtimedout() {
        world.now = 1_000;
        assertEquals(SyscallHandler.RESTART, receive(a, rw, at(a, 5_000)));
        assertEquals(5_000, a.sleepDeadline);
        a.timedOut();
        world.now = 5_000;
        assertEquals(-MqConstants.ETIMEDOUT, receive(a, rw, at(a, 5_000)), "the deadline has come, nothing came");
        assertEquals(-MqConstants.ETIMEDOUT, receive(a, rw, at(a, 10)), "a deadline already past");
        send(a, rw, "x", 0, 0);
        assertEquals(1, receive(a, rw, at(a, 10)), "a past deadline matters only when the call would wait");
        assertEquals(-Errno.EINVAL, receive(a, rw, a.longs(timeout, 0, 1_000_000_000L)), "tv_nsec out of range");
        assertEquals(-Errno.EINVAL, receive(a, rw, a.longs(timeout, -1, 0)), "negative tv_sec");
        assertEquals(-Errno.EFAULT, receive(a, rw, 0xdead_0000L));
        for (int i = 0; i < 3; i++) {
            send(a, rw, "m", 0, 0);
        }
        assertEquals(-MqConstants.ETIMEDOUT, send(a, rw, "full", 0, at(a, 10)));
    }

    @Test
    void nonblockingDescriptorsAnswerEagain() {
        int nb = (int) a.call(world.open, a.string(MqWorld.BASE, "q"), O_RDWR | O_NONBLOCK, 0, 0);
        assertEquals(-Errno.EAGAIN, receive(a, nb, 0));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, send(a, nb, "m", 0, 0));
        }
        assertEquals(-Errno.EAGAIN, send(a, nb, "m", 0, 0));
        assertNull(a.sleepingOn);
    }

    @Test
    void errorsComeInLinuxsOrder() {
        int ro = (int) a.call(world.open, a.string(MqWorld.BASE, "q"), O_RDONLY, 0, 0);
        int wo = (int) a.call(world.open, a.string(MqWorld.BASE, "q"), O_WRONLY, 0, 0);
        assertEquals(-Errno.EBADF, send(a, ro, "x", 0, 0), "no write access");
        assertEquals(-Errno.EBADF, receive(a, wo, 0), "no read access");
        assertEquals(-Errno.EBADF, send(a, 9, "x", 0, 0), "not open");
        assertEquals(-Errno.EINVAL, send(a, 9, "x", 32768, 0), "the priority before the descriptor");
        assertEquals(-Errno.EINVAL, send(a, rw, "x", -1, 0), "an unsigned priority");
        assertEquals(-MqConstants.EMSGSIZE, send(a, rw, "x".repeat(17), 0, 0), "longer than mq_msgsize");
        assertEquals(0, send(a, rw, "x".repeat(16), 0, 0));
        assertEquals(-MqConstants.EMSGSIZE, a.call(world.receive, rw, out, 15, 0, 0), "a buffer below mq_msgsize");
        assertEquals(-Errno.EFAULT, a.call(world.send, rw, 0xdead_0000L, 4, 0, 0));
        assertEquals(-Errno.EFAULT, a.call(world.receive, rw, 0xdead_0000L, 16, 0, 0));
        assertEquals(0, world.namespace.lookup("q").count(), "the message is lost, as on Linux");
    }

    @Test
    void pollSaysWhetherAMessageWaitsAndWhetherThereIsRoom() {
        OpenFile f = a.files.get(rw);
        java.util.List<Object> queues = new java.util.ArrayList<>();
        assertEquals(OpenFile.POLLOUT | OpenFile.POLLWRNORM, f.poll(queues::add));
        assertEquals(java.util.List.of(world.namespace.lookup("q").pollers), queues);
        send(a, rw, "m", 0, 0);
        assertEquals(OpenFile.POLLIN | OpenFile.POLLRDNORM | OpenFile.POLLOUT | OpenFile.POLLWRNORM, f.poll(null));
        send(a, rw, "m", 0, 0);
        send(a, rw, "m", 0, 0);
        assertEquals(OpenFile.POLLIN | OpenFile.POLLRDNORM, f.poll(null));
    }

    @Test
    void readingADescriptorGivesLinuxsStatusLine() {
        send(a, rw, "hello", 0, 0);
        OpenFile f = a.files.get(rw);
        String line = "QSIZE:5          NOTIFY:0     SIGNO:0     NOTIFY_PID:0     \n";
        assertEquals(line.length(), f.read(a.new Context(new long[0]), out, 100));
        assertEquals(line, a.text(out, line.length()));
        assertEquals(0, f.read(a.new Context(new long[0]), out, 100), "then end of file");
        assertEquals(-Errno.EINVAL, f.write(a.new Context(new long[0]), out, 1), "a queue has no write(2)");
    }
}
