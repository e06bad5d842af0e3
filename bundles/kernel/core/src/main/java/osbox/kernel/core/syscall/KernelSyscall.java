package osbox.kernel.core.syscall;

import osbox.api.kernel.SyscallHandler;

/**
 * A system call as the table runs it (an entry of xv6's {@code syscalls[]}):
 * the kernel's own calls implement it directly and reach what they need
 * through the frame; a whiteboard handler from another bundle is adapted to
 * it ({@link SyscallTable#install(int, String, SyscallHandler)}) and sees the
 * same frame as its {@code SyscallContext}.
 */
@FunctionalInterface
public interface KernelSyscall {
    /** Return value: the caller went to sleep; the call runs again when it is woken ({@link SyscallHandler#RESTART}). */
    long RESTART = SyscallHandler.RESTART;
    /** Return value: the caller no longer runs this context; no a0 is written ({@link SyscallHandler#NO_RETURN}). */
    long NO_RETURN = SyscallHandler.NO_RETURN;

    /**
     * Performs the call for the caller the frame is bound to. Returns the
     * value for a0 (a result or a negative errno), or
     * {@link SyscallHandler#RESTART} (the caller was put to sleep through
     * the frame) or {@link SyscallHandler#NO_RETURN} (the caller ended or
     * runs a new image). A throw is a bug: the trap logs it and answers
     * -ENOSYS.
     */
    long invoke(SyscallFrame frame);
}
