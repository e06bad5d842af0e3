package osbox.ipc.sysv.msg;

import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.ipc.sysv.common.IpcSleepers;

/** What msgsnd and msgrcv share: finding the caller's queue again on a restart. */
final class MsgCalls {
    private MsgCalls() {
    }

    /**
     * The queue with this id for a call that may be the restart of one that
     * slept: -EIDRM (as a Long) when IPC_RMID removed the queue it slept on,
     * -EINVAL when there is no such queue, else the queue.
     */
    static Object queue(MsgQueues queues, SyscallContext c, int id) {
        IpcSleepers.Sleep slept = queues.sleepers().resume(c);
        if (slept != null && slept.on().removed()) {
            return (long) -Errno.EIDRM;
        }
        MsgQueue q = queues.ids().byId(id);
        return q != null ? q : (Object) (long) -Errno.EINVAL;
    }
}
