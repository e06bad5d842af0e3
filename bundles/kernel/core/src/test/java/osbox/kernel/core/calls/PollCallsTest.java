package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.SignalState;

/**
 * ppoll and pselect6 over pipes: readiness, sleeping until a file may be
 * ready or the timeout passes in simulated time, and Linux's errno cases.
 */
class PollCallsTest {
    static final long BAD = 0xffff_ffc0_0000_0000L;
    private final KernelBench k = new KernelBench();
    private Process p;
    private long buf;
    private int readEnd;
    private int writeEnd;

    @BeforeEach
    void start() throws Exception {
        p = k.spawn("poller");
        buf = k.map(p, 2);
        assertEquals(0, k.call(p, Syscalls.PIPE2, buf, 0));
        readEnd = k.intAt(p, buf);
        writeEnd = k.intAt(p, buf + 4);
    }

    // Lays out struct pollfd entries (fd, events) at buf + 256; returns the address.
    private long pollfds(int... fdEvents) {
        long at = buf + 256;
        for (int i = 0; i < fdEvents.length; i += 2) {
            assertTrue(p.userMemory().writeInt(at + 4L * i, fdEvents[i]));
            assertTrue(p.userMemory().writeInt(at + 4L * i + 4, fdEvents[i + 1] | 0x7777_0000)); // revents dirty
        }
        return at;
    }

    private int revents(long fds, int i) {
        return ByteBuffer.wrap(k.bytes(p, fds + 8L * i + 6, 2)).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
    }

    private long timespec(long sec, long nsec) {
        long at = buf + 128;
        assertTrue(p.userMemory().writeLong(at, sec) && p.userMemory().writeLong(at + 8, nsec));
        return at;
    }

    @Test
    void reventsAreEachFilesReadinessAmongItsEvents() {
        long fds = pollfds(readEnd, OpenFile.POLLIN, writeEnd, OpenFile.POLLOUT | OpenFile.POLLIN, 77, OpenFile.POLLIN,
                -1, OpenFile.POLLIN);
        assertEquals(2, k.call(p, Syscalls.PPOLL, fds, 4, timespec(0, 0), 0, 0), "the write end and the bad fd");
        assertEquals(0, revents(fds, 0), "nothing to read");
        assertEquals(OpenFile.POLLOUT, revents(fds, 1), "room to write; POLLIN not given though asked");
        assertEquals(OpenFile.POLLNVAL, revents(fds, 2));
        assertEquals(0, revents(fds, 3), "a negative fd is skipped");
        assertTrue(p.userMemory().write(buf + 1000, new byte[] {'x'}, 0, 1));
        assertEquals(1, k.call(p, Syscalls.WRITE, writeEnd, buf + 1000, 1));
        fds = pollfds(readEnd, OpenFile.POLLIN);
        assertEquals(1, k.call(p, Syscalls.PPOLL, fds, 1, 0, 0, 0));
        assertEquals(OpenFile.POLLIN, revents(fds, 0));
        assertEquals(0, k.call(p, Syscalls.CLOSE, writeEnd));
        assertEquals(1, k.call(p, Syscalls.PPOLL, fds, 1, 0, 0, 0));
        assertEquals(OpenFile.POLLIN | OpenFile.POLLHUP, revents(fds, 0), "POLLHUP comes unasked: no writer left");
    }

    @Test
    void aPollSleepsUntilAFileMayBeReadyThenTheRestartCounts() throws Exception {
        long child = k.call(p, Syscalls.CLONE, 17, 0, 0, 0, 0);
        k.settle();
        Process writer = k.process(child);
        long fds = pollfds(readEnd, OpenFile.POLLIN, readEnd, OpenFile.POLLIN);
        k.sleeps(p, Syscalls.PPOLL, fds, 2, 0, 0, 0);
        assertTrue(writer.userMemory().write(buf + 1000, new byte[] {'x'}, 0, 1));
        assertEquals(1, k.call(writer, Syscalls.WRITE, writeEnd, buf + 1000, 1));
        k.settle();
        assertEquals(ProcessState.RUNNING, p.state(), "the write woke the poller");
        assertEquals(2, k.call(p, Syscalls.PPOLL, fds, 2, 0, 0, 0));
        assertEquals(OpenFile.POLLIN, revents(fds, 1));
    }

    @Test
    void aTimeoutEndsTheSleepInSimulatedTimeAndTheTimeLeftIsWrittenBack() {
        k.hartOf(p).setCounters(10_000, k.hartOf(p).instret());
        long fds = pollfds(readEnd, OpenFile.POLLIN);
        long ts = timespec(0, 5000);
        k.sleeps(p, Syscalls.PPOLL, fds, 1, ts, 0, 0);
        k.machine.advanceTo(14_999);
        assertEquals(ProcessState.BLOCKED, p.state());
        k.machine.advanceTo(15_000);
        assertEquals(ProcessState.RUNNING, p.state());
        assertEquals(0, k.call(p, Syscalls.PPOLL, fds, 1, ts, 0, 0), "timed out: none ready");
        assertEquals(0, k.intAt(p, ts + 8), "no time left");
    }

    @Test
    void ppollsMaskIsTheBlockedSetWhileItWaitsAndTheOldOneComesBackAtItsReturn() {
        long usr1 = SignalState.bit(10);
        long usr2 = SignalState.bit(12);
        p.signals().setBlocked(usr2);
        k.hartOf(p).setCounters(10_000, k.hartOf(p).instret());
        long fds = pollfds(readEnd, OpenFile.POLLIN);
        long ts = timespec(0, 5000);
        long sigset = buf + 512;
        assertTrue(p.userMemory().writeLong(sigset, usr1));
        k.sleeps(p, Syscalls.PPOLL, fds, 1, ts, sigset, 8);
        assertEquals(usr1, p.signals().blocked(), "ppoll's mask while it sleeps");
        k.machine.advanceTo(15_000);
        assertEquals(0, k.call(p, Syscalls.PPOLL, fds, 1, ts, sigset, 8), "timed out");
        assertEquals(usr2, p.signals().blocked(), "the caller's own mask after the return");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PPOLL, fds, 1, ts, sigset, 4));
        assertEquals(usr2, p.signals().blocked(), "an error leaves the mask alone");
    }

    @Test
    void ppollsErrnoCasesInLinuxsOrder() {
        long fds = pollfds(readEnd, OpenFile.POLLIN);
        long sigset = buf + 512;
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.PPOLL, fds, 1, BAD, sigset, 8), "the timeout first");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PPOLL, BAD, 1, timespec(0, 1_000_000_000L), 0, 0));
        long zero = timespec(0, 0);
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PPOLL, BAD, 1, zero, sigset, 4), "sigsetsize must be 8");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.PPOLL, BAD, 1, zero, BAD, 8));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PPOLL, fds, 1025, zero, sigset, 8), "over RLIMIT_NOFILE");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.PPOLL, BAD, 1, zero, sigset, 8));
        assertEquals(0, k.call(p, Syscalls.PPOLL, fds, 1, zero, sigset, 8), "with a mask: checked, nothing ready");
        assertEquals(0, k.call(p, Syscalls.PPOLL, 0, 0, zero, 0, 0), "no fds: a pure timeout");
    }

    @Test
    void pselect6SetsTheReadyBitsAndChecksItsArguments() {
        long readfds = buf + 600;
        long writefds = buf + 700;
        assertTrue(p.userMemory().writeLong(readfds, 1L << readEnd));
        assertTrue(p.userMemory().writeLong(writefds, (1L << writeEnd) | (1L << readEnd)));
        long zero = timespec(0, 0);
        int nfds = writeEnd + 1;
        assertEquals(1, k.call(p, AbiNumbers.PSELECT6, nfds, readfds, writefds, 0, zero, 0));
        assertEquals(0, k.intAt(p, readfds), "the read end has nothing");
        assertEquals(1L << writeEnd, k.intAt(p, writefds), "the write end has room; a read end never is writable");
        assertTrue(p.userMemory().writeLong(readfds, 1L << 9));
        assertEquals(-Errno.EBADF, k.call(p, AbiNumbers.PSELECT6, 10, readfds, 0, 0, zero, 0), "fd 9 is not open");
        assertEquals(0, k.call(p, AbiNumbers.PSELECT6, 9, readfds, 0, 0, zero, 0), "beyond nfds: not looked at");
        assertEquals(-Errno.EINVAL, k.call(p, AbiNumbers.PSELECT6, -1, 0, 0, 0, zero, 0));
        assertEquals(-Errno.EFAULT, k.call(p, AbiNumbers.PSELECT6, 3, BAD, 0, 0, zero, 0));
        long sig = buf + 800;
        assertTrue(p.userMemory().writeLong(sig, buf + 900) && p.userMemory().writeLong(sig + 8, 16));
        assertEquals(-Errno.EINVAL, k.call(p, AbiNumbers.PSELECT6, 0, 0, 0, 0, zero, sig), "ss_len must be 8");
        assertEquals(-Errno.EFAULT, k.call(p, AbiNumbers.PSELECT6, 0, 0, 0, 0, zero, BAD));
        assertTrue(p.userMemory().writeLong(readfds, 1L << readEnd));
        k.sleeps(p, AbiNumbers.PSELECT6, nfds, readfds, 0, 0, 0, 0);
    }
}
