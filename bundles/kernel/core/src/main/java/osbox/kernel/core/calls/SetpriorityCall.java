package osbox.kernel.core.calls;

import java.util.List;
import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * setpriority(which, who, nice): gives every thread {@link NiceTargets}
 * names the nice value (clamped to -20..19), and a thread of a normal
 * class the priority 120 + nice. As Linux's set_one_prio: EPERM for
 * another user's thread, EACCES for a lower nice than RLIMIT_NICE allows
 * (root may), ESRCH when nothing matched, EINVAL for an unknown which; a
 * refusal is the answer even when other threads changed.
 */
public final class SetpriorityCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        List<Process> targets = NiceTargets.of(c, (int) c.arg(0), (int) c.arg(1));
        if (targets == null) {
            return -Errno.EINVAL;
        }
        int nice = (int) Math.max(-20, Math.min(19, (int) c.arg(2)));
        Process caller = c.process();
        long error = -Errno.ESRCH;
        for (Process t : targets) {
            if (!SchedClass.mayChange(caller, t)) {
                error = -Errno.EPERM;
            } else if (nice < t.nice() && !SchedClass.mayLowerNice(caller, t, nice)) {
                error = -Errno.EACCES;
            } else {
                error = error == -Errno.ESRCH ? 0 : error;
                SchedClass.apply(c, t, t.schedPolicy(), t.rtPriority(), t.resetOnFork(), nice);
            }
        }
        return error;
    }
}
