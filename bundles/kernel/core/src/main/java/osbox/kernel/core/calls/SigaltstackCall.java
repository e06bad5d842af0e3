package osbox.kernel.core.calls;

import osbox.api.hw.HartContext;
import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.SignalState;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * sigaltstack(ss, old_ss): stack_t is {ss_sp, ss_flags (int), ss_size}
 * (24 bytes). The old stack (with SS_ONSTACK when sp is on it, SS_DISABLE
 * when there is none) goes to old_ss; ss sets a new one: EPERM while on
 * the alternate stack, EINVAL for an unknown mode, ENOMEM below
 * MINSIGSTKSZ (2048).
 */
public final class SigaltstackCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long ss = c.arg(0);
        long old = c.arg(1);
        long sp = c.process().context().x[HartContext.SP];
        SignalState s = c.process().signals();
        long[] was = {s.altSp(), s.altStackFlags(sp) | (s.altFlags() & 0x8000_0000), s.altSize()};
        long r = 0;
        if (ss != 0) {
            long[] n = SignalSets.readLongs(c, ss, 3);
            if (n == null) {
                return -Errno.EFAULT;
            }
            r = c.signals().altStack(c.process(), n[0], (int) n[1], n[2], sp);
        }
        if (r == 0 && old != 0 && !(Fds.accessOk(old, 24) && c.memory().writeLong(old, was[0])
                && c.memory().writeLong(old + 8, was[1] & 0xffff_ffffL) && c.memory().writeLong(old + 16, was[2]))) {
            return -Errno.EFAULT;
        }
        return r;
    }
}
