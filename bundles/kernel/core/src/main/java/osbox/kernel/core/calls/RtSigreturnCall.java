package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * rt_sigreturn(): the handler returned through the trampoline; the
 * registers, FP state, mask and alternate stack come back from the frame
 * at sp, and the process goes on where the signal found it (a0 included).
 * A bad frame forces SIGSEGV on the caller alone.
 */
public final class RtSigreturnCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        c.signals().sigreturn(c.process());
        c.process().sched().restartServed();
        return NO_RETURN;
    }
}
