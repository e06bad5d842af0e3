package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.Syscalls;
import osbox.api.kernel.WaitStatus;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/** prctl's common options and their Linux errno cases. */
class PrctlCallTest {
    static final long BAD = 0xffff_ffc0_0000_0000L;
    private final KernelBench k = new KernelBench();

    @Test
    void setNameCutsAtFifteenBytesAndGetNameGivesSixteen() throws Exception {
        Process p = k.spawn("prog");
        long buf = k.map(p, 1);
        k.putString(p, buf, "a-rather-long-process-name");
        assertEquals(0, k.call(p, Syscalls.PRCTL, PrctlCall.PR_SET_NAME, buf));
        assertEquals("a-rather-long-p", p.name(), "the comm: 15 bytes");
        assertTrue(p.userMemory().write(buf + 100, new byte[16], 0, 16) && p.userMemory().writeLong(buf + 100, -1));
        assertEquals(0, k.call(p, Syscalls.PRCTL, PrctlCall.PR_GET_NAME, buf + 100));
        byte[] expected = Arrays.copyOf("a-rather-long-p".getBytes(StandardCharsets.US_ASCII), 16);
        assertTrue(Arrays.equals(expected, k.bytes(p, buf + 100, 16)), "15 bytes and a NUL");
        k.putString(p, buf, "sh");
        assertEquals(0, k.call(p, Syscalls.PRCTL, PrctlCall.PR_SET_NAME, buf));
        assertEquals(0, k.call(p, Syscalls.PRCTL, PrctlCall.PR_GET_NAME, buf + 100));
        assertTrue(Arrays.equals(Arrays.copyOf(new byte[] {'s', 'h'}, 16), k.bytes(p, buf + 100, 16)), "zero padded");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.PRCTL, PrctlCall.PR_SET_NAME, BAD));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.PRCTL, PrctlCall.PR_GET_NAME, BAD));
        assertEquals("sh", p.name());
    }

    @Test
    void unknownOptionsAnswerEinvalAndTheOptionIsAnInt() throws Exception {
        Process p = k.spawn("prog");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PRCTL, 9999));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PRCTL, -1));
        assertEquals(1, k.call(p, Syscalls.PRCTL, (1L << 32) | PrctlCall.PR_GET_DUMPABLE), "upper half ignored");
    }

    @Test
    void dumpableKeepcapsAndNoNewPrivs() throws Exception {
        Process p = k.spawn("prog");
        assertEquals(1, k.call(p, Syscalls.PRCTL, PrctlCall.PR_GET_DUMPABLE));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PRCTL, PrctlCall.PR_SET_DUMPABLE, 2), "SUID_DUMP_ROOT is not settable");
        assertEquals(0, k.call(p, Syscalls.PRCTL, PrctlCall.PR_SET_DUMPABLE, 0));
        assertEquals(0, k.call(p, Syscalls.PRCTL, PrctlCall.PR_GET_DUMPABLE));
        assertEquals(0, k.call(p, Syscalls.PRCTL, PrctlCall.PR_GET_KEEPCAPS));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PRCTL, PrctlCall.PR_SET_KEEPCAPS, 2));
        assertEquals(0, k.call(p, Syscalls.PRCTL, PrctlCall.PR_SET_KEEPCAPS, 1));
        assertEquals(1, k.call(p, Syscalls.PRCTL, PrctlCall.PR_GET_KEEPCAPS));
        assertEquals(0, k.call(p, Syscalls.PRCTL, PrctlCall.PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PRCTL, PrctlCall.PR_GET_NO_NEW_PRIVS, 1, 0, 0, 0));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PRCTL, PrctlCall.PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PRCTL, PrctlCall.PR_SET_NO_NEW_PRIVS, 1, 1, 0, 0));
        assertEquals(0, k.call(p, Syscalls.PRCTL, PrctlCall.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
        assertEquals(1, k.call(p, Syscalls.PRCTL, PrctlCall.PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
        Process child = k.process(k.call(p, Syscalls.CLONE, 17, 0, 0, 0, 0));
        assertEquals(0, k.call(child, Syscalls.PRCTL, PrctlCall.PR_GET_DUMPABLE), "a fork keeps dumpable");
        assertEquals(1, k.call(child, Syscalls.PRCTL, PrctlCall.PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), "and no_new_privs");
    }

    @Test
    void pdeathsigIsKeptCheckedNotInheritedAndSentWhenTheParentEnds() throws Exception {
        Process parent = k.spawn("parent");
        Process child = k.process(k.call(parent, Syscalls.CLONE, 17, 0, 0, 0, 0));
        long buf = k.map(child, 1);
        assertEquals(-Errno.EINVAL, k.call(child, Syscalls.PRCTL, PrctlCall.PR_SET_PDEATHSIG, 65));
        assertEquals(-Errno.EINVAL, k.call(child, Syscalls.PRCTL, PrctlCall.PR_SET_PDEATHSIG, -1));
        assertEquals(0, k.call(child, Syscalls.PRCTL, PrctlCall.PR_SET_PDEATHSIG, Signals.SIGTERM));
        assertEquals(0, k.call(child, Syscalls.PRCTL, PrctlCall.PR_GET_PDEATHSIG, buf));
        assertEquals(Signals.SIGTERM, k.intAt(child, buf));
        assertEquals(-Errno.EFAULT, k.call(child, Syscalls.PRCTL, PrctlCall.PR_GET_PDEATHSIG, BAD));
        Process grandchild = k.process(k.call(child, Syscalls.CLONE, 17, 0, 0, 0, 0));
        assertEquals(0, grandchild.pdeathSig(), "a fork does not inherit it");
        k.exit(parent, 0);
        assertEquals(ProcessState.ZOMBIE, child.state(), "the parent's end sent SIGTERM");
        assertEquals(WaitStatus.signaled(Signals.SIGTERM, false), child.waitStatus());
        assertEquals(ProcessState.RUNNING, grandchild.state(), "its own parent's death: no signal asked");
    }
}
