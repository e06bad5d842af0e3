package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.Syscalls;
import osbox.api.kernel.WaitStatus;
import osbox.api.memory.AddressSpace;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;
import osbox.testkit.hw.FakeHart;

/**
 * getrlimit, setrlimit and prlimit64 with Linux's checks and order of
 * errors, on a bench through the trap path; inheritance at fork; and each
 * limit enforced: RLIMIT_NOFILE (EMFILE, dup3's EBADF, F_DUPFD's EINVAL),
 * RLIMIT_NPROC (fork EAGAIN), RLIMIT_AS (mmap ENOMEM, brk refused),
 * RLIMIT_CPU (SIGXCPU at the soft limit, SIGKILL at the hard one).
 */
class ResourceLimitCallsTest {
    static final long INF = -1L;
    static final int CPU = 0, STACK = 3, NPROC = 6, NOFILE = 7, AS = 9;
    static final long SIGCHLD = 17;
    private final KernelBench k = new KernelBench();
    private Process p;
    private long buf;

    @BeforeEach
    void start() throws Exception {
        p = k.spawn("limits");
        buf = k.map(p, 1);
    }

    private long longAt(long va) {
        long[] v = new long[1];
        assertTrue(p.userMemory().readLong(va, v));
        return v[0];
    }

    // getrlimit(resource) through the trap: {soft, hard}.
    private long[] get(Process q, int resource) {
        assertEquals(0, k.call(q, Syscalls.GETRLIMIT, resource, buf));
        long[] v = new long[2];
        long[] w = new long[1];
        assertTrue(q.userMemory().readLong(buf, w));
        v[0] = w[0];
        assertTrue(q.userMemory().readLong(buf + 8, w));
        v[1] = w[0];
        return v;
    }

    // setrlimit(resource, {soft, hard}) through the trap: 0 or -errno.
    private long set(Process q, int resource, long soft, long hard) {
        assertTrue(q.userMemory().writeLong(buf + 64, soft));
        assertTrue(q.userMemory().writeLong(buf + 72, hard));
        return k.call(q, Syscalls.SETRLIMIT, resource, buf + 64);
    }

    private Process fork(Process parent) {
        long pid = k.call(parent, Syscalls.CLONE, SIGCHLD, 0, 0, 0, 0);
        assertTrue(pid > 0, "fork answered " + pid);
        return k.process(pid);
    }

    @Test
    void theDefaultsAreLinuxsWithOsboxsTableSizes() {
        assertEquals(INF, get(p, CPU)[0]);
        assertEquals(INF, get(p, CPU)[1]);
        assertEquals(8L << 20, get(p, STACK)[0]);
        assertEquals(INF, get(p, STACK)[1]);
        assertEquals(1024, get(p, NOFILE)[0]);
        assertEquals(1024, get(p, NOFILE)[1]);
        assertEquals(128, get(p, NPROC)[0], "the kernel's process limit");
        assertEquals(0, get(p, 4)[0], "RLIMIT_CORE: no core dumps");
        assertEquals(INF, get(p, AS)[0]);
    }

    @Test
    void getrlimitChecksTheResourceThenThePointer() {
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.GETRLIMIT, 16, buf));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.GETRLIMIT, 16, 0), "an unknown resource comes first");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.GETRLIMIT, -1, buf));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.GETRLIMIT, NOFILE, 0));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.GETRLIMIT, NOFILE, 0xffff_ffc0_0000_0000L));
    }

    @Test
    void setrlimitFollowsLinuxsRulesForAnUnprivilegedProcess() {
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.SETRLIMIT, 77, 0), "the pointer is read first");
        assertEquals(-Errno.EINVAL, set(p, 77, 1, 1));
        assertEquals(-Errno.EINVAL, set(p, STACK, 2, 1), "soft above hard");
        assertEquals(-Errno.EINVAL, set(p, STACK, INF, 1), "RLIM_INFINITY is the largest value");
        assertEquals(-Errno.EPERM, set(p, NOFILE, 10, 1025), "above nr_open");
        assertEquals(0, set(p, STACK, 1 << 20, 4 << 20), "lowering");
        assertEquals(-Errno.EPERM, set(p, STACK, 1 << 20, 5 << 20), "raising a hard limit needs CAP_SYS_RESOURCE");
        assertEquals(0, set(p, STACK, 4 << 20, 4 << 20), "raising a soft limit up to the hard one");
        assertEquals(4L << 20, get(p, STACK)[0]);
        assertEquals(4L << 20, get(p, STACK)[1]);
        assertEquals(-Errno.EINVAL, set(p, STACK, 5 << 20, 4 << 20), "nothing changed by the failures");
        assertEquals(4L << 20, get(p, STACK)[0]);
    }

    @Test
    void prlimit64ReadsAndSetsAnyProcesssLimits() {
        Process child = fork(p);
        assertTrue(p.userMemory().writeLong(buf + 64, 50));
        assertTrue(p.userMemory().writeLong(buf + 72, 60));
        assertEquals(0, k.call(p, Syscalls.PRLIMIT64, child.pid(), NOFILE, buf + 64, buf));
        assertEquals(1024, longAt(buf), "the old limits");
        assertEquals(1024, longAt(buf + 8));
        assertEquals(0, k.call(p, Syscalls.PRLIMIT64, child.pid(), NOFILE, 0, buf + 16), "old only");
        assertEquals(50, longAt(buf + 16));
        assertEquals(60, longAt(buf + 24));
        assertEquals(50, child.limits().soft(NOFILE), "the child's, not the caller's");
        assertEquals(1024, p.limits().soft(NOFILE));
        assertEquals(0, k.call(p, Syscalls.PRLIMIT64, 0, NOFILE, 0, buf), "pid 0: the caller");
        assertEquals(1024, longAt(buf));
        assertEquals(0, k.call(p, Syscalls.PRLIMIT64, 0, NOFILE, 0, 0), "neither half");
    }

    @Test
    void prlimit64ChecksInLinuxsOrder() {
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.PRLIMIT64, 9999, 77, 0x10, buf), "reading new comes first");
        assertEquals(-Errno.ESRCH, k.call(p, Syscalls.PRLIMIT64, 9999, 77, 0, buf), "then the pid");
        assertEquals(-Errno.ESRCH, k.call(p, Syscalls.PRLIMIT64, -1, NOFILE, 0, buf));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PRLIMIT64, 0, 16, 0, buf), "then the resource");
        assertTrue(p.userMemory().writeLong(buf + 64, 100));
        assertTrue(p.userMemory().writeLong(buf + 72, 200));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.PRLIMIT64, 0, NOFILE, buf + 64, 0x10),
                "writing old comes last");
        assertEquals(100, p.limits().soft(NOFILE), "the new limits were set all the same");
        assertEquals(200, p.limits().hard(NOFILE));
    }

    @Test
    void aChildInheritsItsParentsLimits() {
        assertEquals(0, set(p, STACK, 1 << 20, 2 << 20));
        Process child = fork(p);
        assertEquals(1L << 20, child.limits().soft(STACK));
        assertEquals(2L << 20, child.limits().hard(STACK));
        assertEquals(0, set(p, STACK, 1 << 19, 1 << 19));
        assertEquals(1L << 20, child.limits().soft(STACK), "a copy, not shared");
    }

    @Test
    void rlimitNofileBoundsNewDescriptors() {
        // no terminal on the bench: descriptors 0, 1 and 2 are free
        assertEquals(0, set(p, NOFILE, 3, 1024));
        assertEquals(0, k.call(p, Syscalls.PIPE2, buf + 128, 0));
        assertEquals(0, k.intAt(p, buf + 128));
        assertEquals(1, k.intAt(p, buf + 132));
        assertEquals(2, k.call(p, Syscalls.DUP, 0), "descriptor 2 is below 3");
        assertEquals(-Errno.EMFILE, k.call(p, Syscalls.DUP, 0));
        assertEquals(-Errno.EMFILE, k.call(p, Syscalls.PIPE2, buf + 128, 0));
        assertEquals(3, p.files().count(), "a refused pipe leaves nothing open");
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.DUP3, 0, 3, 0), "dup3 to a descriptor at the limit");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.FCNTL, 0, 0, 3), "F_DUPFD from the limit");
        assertEquals(0, k.call(p, Syscalls.CLOSE, 2));
        assertEquals(2, k.call(p, Syscalls.FCNTL, 0, 0, 1), "F_DUPFD below the limit");
        assertEquals(0, set(p, NOFILE, 1, 1024));
        assertEquals(1, p.limits().soft(NOFILE), "lowered below what is open");
        assertEquals(5, k.call(p, Syscalls.WRITE, 1, buf, 5), "open descriptors stay usable");
    }

    @Test
    void rlimitNprocMakesForkFailWithEagain() {
        assertEquals(0, set(p, NPROC, 2, 2));
        Process child = fork(p);
        assertEquals(-Errno.EAGAIN, k.call(p, Syscalls.CLONE, SIGCHLD, 0, 0, 0, 0), "two processes already");
        k.exit(child, 0);
        assertEquals(-Errno.EAGAIN, k.call(p, Syscalls.CLONE, SIGCHLD, 0, 0, 0, 0), "a zombie still counts");
        assertEquals(child.pid(), k.call(p, Syscalls.WAIT4, child.pid(), 0, 0, 0));
        assertTrue(k.call(p, Syscalls.CLONE, SIGCHLD, 0, 0, 0, 0) > 0, "reaped: room again");
    }

    @Test
    void rlimitAsBoundsMmapAndBrk() {
        long mapped = 0;
        for (var r : p.space().memoryRegions()) {
            if (r.kind() != osbox.api.memory.MemoryRegion.Kind.STACK) {
                mapped += r.end() - r.start();
            }
        }
        long page = AddressSpace.PAGE;
        assertEquals(0, set(p, AS, mapped + 2 * page, INF));
        int rw = AddressSpace.PROT_READ | AddressSpace.PROT_WRITE;
        assertEquals(-Errno.ENOMEM, k.call(p, Syscalls.MMAP, 0, 3 * page, rw, 0x22, -1, 0), "one page too many");
        long at = k.call(p, Syscalls.MMAP, 0, page, rw, 0x22, -1, 0);
        assertTrue(at > 0);
        long brk = k.call(p, Syscalls.BRK, 0);
        assertEquals(brk, k.call(p, Syscalls.BRK, brk + 2 * page), "the heap may not grow two pages");
        assertEquals(brk + page, k.call(p, Syscalls.BRK, brk + page), "one page fits");
        assertEquals(at, k.call(p, Syscalls.MMAP, at, page, rw, 0x32, -1, 0), "MAP_FIXED over a mapping: no growth");
        assertEquals(-Errno.ENOMEM, k.call(p, Syscalls.MMAP, 0, page, rw, 0x22, -1, 0));
    }

    @Test
    void rlimitCpuSendsSigxcpuAtTheSoftLimit() {
        assertEquals(0, set(p, CPU, 1, 2));
        long hz = k.machine.frequencyHz();
        FakeHart h = k.hartOf(p);
        long used = k.kernel.dispatcher().cpuUsed(p);
        h.advance(hz - used - 1, 1);
        k.kernel.dispatcher().tick(h);
        assertEquals(ProcessState.RUNNING, p.state(), "a cycle short of one second");
        h.advance(1, 1);
        k.kernel.dispatcher().tick(h);
        assertEquals(ProcessState.ZOMBIE, p.state());
        assertEquals(WaitStatus.signaled(Signals.SIGXCPU, false), p.waitStatus(), "its default action ends it");
        assertTrue(p.killReport().contains("RLIMIT_CPU soft limit, 1 s"), p.killReport());
        assertEquals(2, p.limits().soft(CPU), "Linux moves the soft limit a second on");
    }

    @Test
    void rlimitCpuKillsAtTheHardLimit() {
        assertEquals(0, set(p, CPU, 1, 1));
        long hz = k.machine.frequencyHz();
        FakeHart h = k.hartOf(p);
        h.advance(hz, 1);
        k.kernel.dispatcher().tick(h);
        assertEquals(WaitStatus.signaled(Signals.SIGKILL, false), p.waitStatus(), "the hard limit is checked first");
        assertTrue(p.killReport().contains("RLIMIT_CPU hard limit, 1 s"), p.killReport());
    }
}
