package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.api.trace.TraceKind;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.SyscallStatus;

/**
 * What glibc's static start-up asks of the kernel beyond the file and
 * memory calls: set_robust_list (remembered, EINVAL for a wrong size),
 * rseq (ENOSYS on purpose, not reported as missing), umask (the previous
 * mask, inherited at fork); and every kernel call declares its status for
 * docs/syscalls.md.
 */
class StartupCallsTest {
    static final long SIGCHLD = 17;
    private final KernelBench k = new KernelBench();

    @Test
    void setRobustListRemembersTheHeadAndRefusesAnotherSize() throws Exception {
        Process p = k.spawn("p");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.SET_ROBUST_LIST, 0x1000, 16));
        assertEquals(0, p.robustList(), "nothing remembered on EINVAL");
        assertEquals(0, k.call(p, Syscalls.SET_ROBUST_LIST, 0x1234_5000L, 24));
        assertEquals(0x1234_5000L, p.robustList());
        assertEquals(24, p.robustListLength());
        assertEquals(0, k.call(p, Syscalls.SET_ROBUST_LIST, 0xdead_0000_0000L, 24), "Linux does not check head");
        long child = k.call(p, Syscalls.CLONE, SIGCHLD, 0, 0, 0, 0);
        assertEquals(0, k.process(child).robustList(), "a forked child starts with none, as on Linux");
    }

    @Test
    void rseqIsEnosysOnPurposeAndNotReportedAsMissing() throws Exception {
        Process p = k.spawn("p");
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.RSEQ, 0x1000, 32, 0, 0x53053053));
        assertTrue(k.machine.tracer().events().stream().noneMatch(e -> e.kind() == TraceKind.SYSCALL_UNKNOWN),
                "installed: not an unknown call");
        assertEquals(SyscallStatus.Level.ENOSYS, k.kernel.syscalls().status(Syscalls.RSEQ).level());
    }

    @Test
    void umaskAnswersThePreviousMaskKeepsPermissionBitsAndIsInherited() throws Exception {
        Process p = k.spawn("p");
        assertEquals(0022, k.call(p, Syscalls.UMASK, 0077), "Linux's initial mask");
        assertEquals(0077, k.call(p, Syscalls.UMASK, 0177777), "only the permission bits are kept");
        assertEquals(0777, p.umask());
        assertEquals(0777, k.call(p, Syscalls.UMASK, 0027));
        long child = k.call(p, Syscalls.CLONE, SIGCHLD, 0, 0, 0, 0);
        assertEquals(0027, k.process(child).umask(), "inherited at fork");
    }

    @Test
    void everyKernelCallDeclaresItsStatus() {
        for (KernelCalls.Entry e : KernelCalls.all()) {
            assertNotEquals(SyscallStatus.Level.UNDECLARED, e.status().level(),
                    e.name() + ": declare full, partial or ENOSYS in KernelCalls (docs/syscalls.md shows it)");
        }
    }
}
