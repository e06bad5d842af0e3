package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** sched_yield(): gives the hart to the next ready process, if any. */
public final class SchedYieldCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        c.dispatcher().yield(c.callingHart());
        return 0;
    }
}
