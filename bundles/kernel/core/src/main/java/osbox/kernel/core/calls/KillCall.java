package osbox.kernel.core.calls;

import osbox.api.kernel.ProcessState;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** kill(pid, sig): sends a signal (si_code SI_USER); sig 0 checks that pid exists. */
public final class KillCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long r = c.signals().send(c.process(), c.arg(0), c.arg(1));
        return c.process().state() == ProcessState.ZOMBIE ? NO_RETURN : r;
    }
}
