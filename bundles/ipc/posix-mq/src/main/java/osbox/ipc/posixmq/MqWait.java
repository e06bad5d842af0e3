package osbox.ipc.posixmq;

import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;

/**
 * Blocking a send or a receive (Linux's wq_sleep): the caller sleeps on
 * the queue until it is woken or the deadline comes, then runs the call
 * again from the start, so it finds the queue as it is then. A signal
 * cuts the sleep short through the kernel: EINTR, or the call again under
 * SA_RESTART (Linux's -ERESTARTSYS for these calls).
 */
final class MqWait {
    private MqWait() {
    }

    /** Puts the caller to sleep on {@code on} until {@code deadline}: RESTART, or -ETIMEDOUT once it has passed. */
    static long block(SyscallContext c, WaitQueue on, long deadline) {
        if (deadline == MqArgs.FOREVER) {
            c.sleepOn(on);
            return SyscallHandler.RESTART;
        }
        if (c.now() >= deadline) {
            return -MqConstants.ETIMEDOUT;
        }
        c.sleepOnUntil(on, deadline);
        return SyscallHandler.RESTART;
    }
}
