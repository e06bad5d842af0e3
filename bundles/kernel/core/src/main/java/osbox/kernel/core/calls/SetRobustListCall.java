package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * set_robust_list(head, len): remembers the caller's robust futex list, as
 * glibc registers it at start-up; len must be the size of struct
 * robust_list_head (24 on riscv64), else EINVAL. Linux does not look at
 * head here, so neither does osbox; nothing walks the list at exit yet
 * (one thread per process).
 */
public final class SetRobustListCall implements KernelSyscall {
    static final long ROBUST_LIST_HEAD_SIZE = 24;

    @Override
    public long invoke(SyscallFrame c) {
        if (c.arg(1) != ROBUST_LIST_HEAD_SIZE) {
            return -Errno.EINVAL;
        }
        c.process().setRobustList(c.arg(0), c.arg(1));
        return 0;
    }
}
