package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * What processes are told of their use and of the machine: getrusage
 * (self, children), wait4's rusage, times()'s children's times, sysinfo.
 */
class UsageCallsTest {
    static final long BAD = 0xffff_ffc0_0000_0000L;
    static final long SECOND = 1_000_000_000L; // the bench's harts run at 1 GHz
    private final KernelBench k = new KernelBench();

    private long longAt(Process p, long va, int field) {
        return ByteBuffer.wrap(k.bytes(p, va + 8L * field, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private Process fork(Process parent) {
        long pid = k.call(parent, Syscalls.CLONE, 17, 0, 0, 0, 0);
        k.settle();
        return k.process(pid);
    }

    @Test
    void getrusageSelfCountsTheRunningStretchAndChecksWhoAndThePointer() throws Exception {
        Process p = k.spawn("prog");
        long buf = k.map(p, 1);
        assertTrue(p.userMemory().write(buf, new byte[144], 0, 144));
        k.hartOf(p).advance(3 * SECOND / 2, 1000);
        assertEquals(0, k.call(p, AbiNumbers.GETRUSAGE, GetrusageCall.RUSAGE_SELF, buf));
        assertEquals(1, longAt(p, buf, 0), "ru_utime: 1 s");
        assertEquals(500_000, longAt(p, buf, 1), "and 500000 us");
        assertEquals(0, longAt(p, buf, 2), "ru_stime: no simulated time is spent in the kernel");
        assertTrue(longAt(p, buf, 4) >= 4, "ru_maxrss in KiB: at least the page touched");
        assertTrue(longAt(p, buf, 8) >= 1, "ru_minflt: the page's first touch");
        assertEquals(0, k.call(p, AbiNumbers.GETRUSAGE, GetrusageCall.RUSAGE_THREAD, buf), "one thread");
        assertEquals(-Errno.EINVAL, k.call(p, AbiNumbers.GETRUSAGE, 2, buf));
        assertEquals(-Errno.EINVAL, k.call(p, AbiNumbers.GETRUSAGE, -2, buf));
        assertEquals(0, k.call(p, AbiNumbers.GETRUSAGE, (1L << 32) | 0, buf), "who is an int");
        assertEquals(-Errno.EFAULT, k.call(p, AbiNumbers.GETRUSAGE, GetrusageCall.RUSAGE_SELF, BAD));
    }

    @Test
    void wait4RusageGetrusageChildrenAndTimesSumReapedDescendants() throws Exception {
        Process parent = k.spawn("parent");
        long buf = k.map(parent, 1);
        Process child = fork(parent);
        Process grandchild = fork(child);
        k.sleeps(child, Syscalls.WAIT4, -1, 0, 0, 0);
        k.hartOf(grandchild).advance(SECOND, 10);
        k.exit(grandchild, 0);
        k.settle();
        assertEquals(grandchild.pid(), k.call(child, Syscalls.WAIT4, -1, 0, 0, 0));
        k.hartOf(child).advance(2 * SECOND, 10);
        k.exit(child, 0);
        assertEquals(0, k.call(parent, AbiNumbers.GETRUSAGE, GetrusageCall.RUSAGE_CHILDREN, buf));
        assertEquals(0, longAt(parent, buf, 0), "nothing reaped yet");
        assertEquals(child.pid(), k.call(parent, Syscalls.WAIT4, -1, 0, 0, buf));
        assertEquals(3, longAt(parent, buf, 0), "wait4's rusage: the child's 2 s and its reaped child's 1 s");
        assertEquals(0, longAt(parent, buf, 1));
        assertTrue(longAt(parent, buf, 4) > 0, "a peak resident set");
        assertEquals(0, k.call(parent, AbiNumbers.GETRUSAGE, GetrusageCall.RUSAGE_CHILDREN, buf));
        assertEquals(3, longAt(parent, buf, 0), "RUSAGE_CHILDREN: the same sum");
        k.call(parent, Syscalls.TIMES, buf);
        assertEquals(300, longAt(parent, buf, 2), "tms_cutime: 3 s in USER_HZ ticks");
        assertEquals(0, longAt(parent, buf, 3), "tms_cstime");
        assertEquals(-Errno.EFAULT, k.call(parent, Syscalls.TIMES, BAD));
    }

    @Test
    void sysinfoGivesMemoryProcessesAndUptime() throws Exception {
        Process p = k.spawn("prog");
        fork(p);
        long buf = k.map(p, 1);
        assertTrue(p.userMemory().write(buf, filled(112), 0, 112));
        k.hartOf(p).advance(SECOND + 1, 10);
        assertEquals(0, k.call(p, Syscalls.SYSINFO, buf));
        assertEquals(2, longAt(p, buf, 0), "uptime: 1 s and a cycle, rounded up as Linux");
        assertEquals(0, longAt(p, buf, 1), "no load averages");
        assertEquals(16L << 20, longAt(p, buf, 4), "totalram: the machine's 16 MiB");
        long free = longAt(p, buf, 5);
        assertTrue(free > 0 && free < 16L << 20, "freeram " + free);
        assertEquals(0, longAt(p, buf, 8), "no swap");
        assertEquals(2, ByteBuffer.wrap(k.bytes(p, buf + 80, 2)).order(ByteOrder.LITTLE_ENDIAN).getShort(), "procs");
        assertEquals(1, k.intAt(p, buf + 104), "mem_unit");
        assertEquals(0, k.intAt(p, buf + 108), "the padding is zeroed");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.SYSINFO, BAD));
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 0x77);
        return b;
    }
}
