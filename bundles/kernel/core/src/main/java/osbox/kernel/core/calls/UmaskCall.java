package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * umask(mask): sets the caller's file mode creation mask to mask & 0777 and
 * returns the previous one (never fails); a child inherits it at fork.
 * Files are not created yet (the /host mount is read-only), so nothing
 * applies it.
 */
public final class UmaskCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return c.process().setUmask((int) c.arg(0));
    }
}
