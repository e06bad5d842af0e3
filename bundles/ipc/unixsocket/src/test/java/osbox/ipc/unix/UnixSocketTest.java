package osbox.ipc.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.FileHandle;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;
import osbox.testkit.syscall.ArrayUserMemory;
import osbox.testkit.syscall.CountingWaitQueue;
import osbox.testkit.syscall.FakeSyscall;

/**
 * socketpair's checks and the socket alone: flags on the descriptions,
 * message boundaries and MSG_TRUNC, stream reads across messages, the
 * receive queue's limit, shutdown's mirror image, poll bits, and
 * descriptions in flight closed when their socket goes.
 */
class UnixSocketTest {
    static final long BASE = 0x10000;
    private final ArrayUserMemory memory = new ArrayUserMemory(BASE, 2 * UnixSocket.BUFFER);
    private final FakeSyscall c = new FakeSyscall(memory);
    private final SocketpairCall socketpair = new SocketpairCall(new Kernel() {
        @Override
        public WaitQueue newWaitQueue(String name) {
            return new CountingWaitQueue(name);
        }

        @Override
        public ProcessManager processManager() {
            throw new UnsupportedOperationException("not needed by sockets");
        }
    });

    private int intAt(long va) {
        return java.nio.ByteBuffer.wrap(memory.bytes(), (int) (va - BASE), 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    }

    // A new pair of type (with flags); its two sockets.
    private UnixSocket[] pair(int type) {
        assertEquals(0, socketpair.invoke(c.call(Sockets.SOCKETPAIR, Sockets.AF_UNIX, type, 0, BASE)));
        return new UnixSocket[] {(UnixSocket) c.file(intAt(BASE)), (UnixSocket) c.file(intAt(BASE + 4))};
    }

    private long send(UnixSocket s, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, memory.bytes(), 64, b.length);
        return s.send(c, Iovecs.of(BASE + 64, b.length), List.of(), 0);
    }

    private String receive(UnixSocket s, int len, int flags, UnixSocket.Received got) {
        long n = s.receive(c, Iovecs.of(BASE + 1024, len), flags, got);
        assertTrue(n >= 0, "receive answered " + n);
        return new String(memory.bytes(), 1024, (int) Math.min(n, len), StandardCharsets.US_ASCII);
    }

    @Test
    void socketpairChecksItsArgumentsAndPutsTheFlagsOnBothDescriptions() {
        int nonblockCloexec = SocketpairCall.SOCK_NONBLOCK | SocketpairCall.SOCK_CLOEXEC;
        pair(UnixSocket.SOCK_STREAM | nonblockCloexec);
        assertEquals(OpenFile.O_RDWR | nonblockCloexec, c.openFlags(intAt(BASE)));
        assertEquals(OpenFile.O_RDWR | nonblockCloexec, c.openFlags(intAt(BASE + 4)));
        assertEquals(-Sockets.EOPNOTSUPP, socketpair.invoke(c.call(Sockets.SOCKETPAIR, 2, 1, 0, BASE)), "AF_INET");
        assertEquals(-Sockets.EAFNOSUPPORT, socketpair.invoke(c.call(Sockets.SOCKETPAIR, 99, 1, 0, BASE)));
        assertEquals(-Sockets.ESOCKTNOSUPPORT, socketpair.invoke(c.call(Sockets.SOCKETPAIR, 1, 4, 0, BASE)));
        assertEquals(-Errno.EINVAL, socketpair.invoke(c.call(Sockets.SOCKETPAIR, 1, 1 | 0x100, 0, BASE)));
        assertEquals(-Sockets.EPROTONOSUPPORT, socketpair.invoke(c.call(Sockets.SOCKETPAIR, 1, 1, 6, BASE)));
        assertEquals(-Errno.EFAULT, socketpair.invoke(c.call(Sockets.SOCKETPAIR, 1, 1, 0, 0x10)));
        assertEquals(UnixSocket.SOCK_DGRAM, pair(UnixSocket.SOCK_RAW)[0].type, "SOCK_RAW is a datagram socket");
    }

    @Test
    void datagramsKeepTheirBoundariesAndAStreamReadsAcrossThem() {
        UnixSocket[] d = pair(UnixSocket.SOCK_DGRAM);
        send(d[0], "one");
        send(d[0], "three");
        UnixSocket.Received got = new UnixSocket.Received();
        assertEquals("one", receive(d[1], 100, 0, got));
        assertEquals(5, d[1].receive(c, Iovecs.of(BASE + 1024, 2), UnixSocket.MSG_TRUNC, got), "MSG_TRUNC: the real length");
        assertTrue(got.truncated);
        assertEquals(0, d[1].queued(), "the rest of a cut datagram is gone");
        UnixSocket[] s = pair(UnixSocket.SOCK_STREAM);
        send(s[0], "ab");
        send(s[0], "cde");
        assertEquals("abcd", receive(s[1], 4, 0, got), "a stream read crosses message boundaries");
        assertEquals("e", receive(s[1], 4, UnixSocket.MSG_PEEK, got));
        assertEquals("e", receive(s[1], 4, 0, got), "MSG_PEEK left it there");
    }

    @Test
    void aFullQueueMakesWritersWaitOrAnswerEagainAndPollShowsIt() {
        UnixSocket[] s = pair(UnixSocket.SOCK_DGRAM);
        assertEquals(OpenFile.POLLOUT | OpenFile.POLLWRNORM | UnixSocket.POLLWRBAND, s[0].poll(null));
        int big = UnixSocket.BUFFER / 2;
        assertEquals(big, s[0].send(c, Iovecs.of(BASE, big), List.of(), 0));
        assertEquals(0, s[0].poll(null) & OpenFile.POLLOUT, "more than a quarter queued: not writable");
        assertEquals(SyscallHandler.RESTART, s[0].send(c, Iovecs.of(BASE, big + 1), List.of(), 0), "no room: sleep");
        assertEquals(-Errno.EAGAIN, s[0].send(c, Iovecs.of(BASE, big + 1), List.of(), UnixSocket.MSG_DONTWAIT));
        assertEquals(-Sockets.EMSGSIZE, s[0].send(c, Iovecs.of(BASE, UnixSocket.BUFFER + 1), List.of(), 0));
        assertEquals(OpenFile.POLLIN | OpenFile.POLLRDNORM | OpenFile.POLLOUT | OpenFile.POLLWRNORM
                | UnixSocket.POLLWRBAND, s[1].poll(null));
    }

    @Test
    void shutdownMirrorsOnTheStreamPeerAndCloseEndsBoth() {
        UnixSocket[] s = pair(UnixSocket.SOCK_STREAM);
        s[0].shutdown(1);       // SHUT_WR
        UnixSocket.Received got = new UnixSocket.Received();
        assertEquals(0, s[1].receive(c, Iovecs.of(BASE, 8), 0, got), "the peer reads end of file");
        assertEquals(UnixSocket.POLLRDHUP | OpenFile.POLLIN | OpenFile.POLLRDNORM,
                s[1].poll(null) & ~(OpenFile.POLLOUT | OpenFile.POLLWRNORM | UnixSocket.POLLWRBAND));
        assertEquals(-Errno.EPIPE, send(s[0], "x"), "no more sending");
        assertEquals(1, send(s[1], "x"), "the other way still goes");
        s[1].release();
        assertEquals(OpenFile.POLLHUP, s[0].poll(null) & OpenFile.POLLHUP, "the peer is gone: hung up");
        assertEquals(-Errno.EPIPE, s[0].send(c, Iovecs.of(BASE, 1), List.of(), UnixSocket.MSG_NOSIGNAL));
    }

    @Test
    void descriptionsInFlightAreClosedWhenTheirSocketGoes() {
        UnixSocket[] s = pair(UnixSocket.SOCK_SEQPACKET);
        int[] closed = new int[1];
        FileHandle h = new FileHandle() {
            @Override
            public OpenFile file() {
                return s[0];
            }

            @Override
            public void close() {
                closed[0]++;
            }
        };
        assertEquals(1, s[0].send(c, Iovecs.of(BASE, 1), List.of(h), 0));
        assertEquals(0, closed[0], "held while in flight");
        s[1].release();
        assertEquals(1, closed[0], "dropped with the receiving socket, once");
    }
}
