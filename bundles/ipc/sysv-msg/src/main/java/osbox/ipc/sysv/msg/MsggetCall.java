package osbox.ipc.sysv.msg;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;
import osbox.api.kernel.Syscalls;
import osbox.ipc.sysv.common.IpcIds;
import osbox.ipc.sysv.common.IpcPerm;
import osbox.ipc.sysv.common.Ipc;

/**
 * msgget(key, msgflg): the id of key's queue, or of a new one (IPC_PRIVATE,
 * IPC_CREAT), with EEXIST, ENOENT, EACCES and ENOSPC (msgmni) as Linux.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.MSGGET, SyscallHandler.NAME + "=msgget",
        SyscallHandler.STATUS + "=full"})
public final class MsggetCall extends HandedOverCall implements SyscallHandler {
    private final MsgQueues queues;

    @Activate
    public MsggetCall(@Reference(name = "queues") MsgQueues queues) {
        this.queues = queues;
    }

    @Override
    public long invoke(SyscallContext c) {
        long now = Ipc.seconds(c);
        return queues.ids().get((int) c.arg(0), (int) c.arg(1), c.process(), new IpcIds.Factory<>() {
            @Override
            public long refuse() {
                return 0;
            }

            @Override
            public MsgQueue make(IpcPerm perm) {
                return queues.newQueue(perm, now);
            }
        }, q -> 0);
    }
}
