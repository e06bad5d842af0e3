package osbox.kernel.core.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.TrapCause;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.Syscalls;
import osbox.api.kernel.WaitStatus;
import osbox.api.memory.AddressSpace;
import osbox.kernel.core.KernelBench;

/**
 * Out of memory on a small machine without swap: a page fault and a
 * system call's copy that find no frame, when the largest process is
 * another one (killed at once, the fault or copy goes on) and when it is
 * the caller itself (killed as its call returns).
 */
class OomKillerTest {
    private final KernelBench k = new KernelBench(2, 96 * AddressSpace.PAGE, null);

    // Touches fresh pages of p until no frame is left; answers how many it got.
    private int fill(Process p) {
        long at = k.map(p, 200);
        int n = 0;
        while (n < 200 && p.space().handleFault(at + n * AddressSpace.PAGE, Access.WRITE) == AddressSpace.SERVED) {
            n++;
        }
        assertTrue(n < 200, "memory ran out");
        return n;
    }

    private static void assertOomKilled(Process p) {
        assertEquals(ProcessState.ZOMBIE, p.state());
        assertEquals(WaitStatus.signaled(Signals.SIGKILL, false), p.waitStatus());
        assertTrue(p.killReport().contains("out of memory"), p.killReport());
    }

    @Test
    void aCopyThatFindsNoFrameKillsTheLargestOtherProcessAndIsDone() throws Exception {
        Process caller = k.spawn("caller");
        long fds = k.map(caller, 1);
        Process hog = k.spawn("hog");
        fill(hog);
        assertEquals(0, k.call(caller, Syscalls.PIPE2, fds, 0), "the copy of the descriptors went through");
        assertOomKilled(hog);
        assertEquals(ProcessState.RUNNING, caller.state());
        assertEquals(1, k.intAt(caller, fds + 4) - k.intAt(caller, fds));
        assertEquals(1, k.kernel.oomKills(), "the VM manager counted the kill");
    }

    @Test
    void whenTheCallerIsTheVictimItsCopyFailsAndItIsKilledAsTheCallReturns() throws Exception {
        Process other = k.spawn("other");
        Process caller = k.spawn("caller");
        long fds = k.map(caller, 1);
        fill(caller);
        KernelBench.Answer a = k.ecall(caller, Syscalls.PIPE2, fds, 0);
        assertFalse(a.returned(), "no result: the caller is gone");
        assertOomKilled(caller);
        assertEquals(ProcessState.RUNNING, other.state(), "nobody else was killed");
        assertEquals(1, k.kernel.oomKills());
        assertEquals(0, k.call(other, Syscalls.PIPE2, k.map(other, 1), 0), "memory is free again");
        assertEquals(-Errno.EBADF, k.call(other, Syscalls.CLOSE, 9));
    }

    @Test
    void aPageFaultWithNoFrameKillsTheLargestProcessAndTheFaultIsServedAgain() throws Exception {
        Process caller = k.spawn("caller");
        long page = k.map(caller, 1);
        Process hog = k.spawn("hog");
        fill(hog);
        k.machine.trapVector().trap(k.hartOf(caller), TrapCause.STORE_PAGE_FAULT, page);
        assertOomKilled(hog);
        assertEquals(ProcessState.RUNNING, caller.state(), "its instruction will trap again");
        assertEquals(AddressSpace.SERVED, caller.space().handleFault(page, Access.WRITE));
    }
}
