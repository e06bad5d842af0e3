package osbox.ipc.sysv.sem;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;
import osbox.api.kernel.Syscalls;
import osbox.ipc.sysv.common.Ipc;
import osbox.ipc.sysv.common.IpcIds;
import osbox.ipc.sysv.common.IpcPerm;

/**
 * semget(key, nsems, semflg): the id of key's set, or of a new one of
 * nsems semaphores at 0. EINVAL for nsems below 0 or over semmsl, 0 for a
 * new set, or more than an existing set has; ENOSPC over semmns or semmni;
 * EEXIST, ENOENT and EACCES as every get call.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SEMGET, SyscallHandler.NAME + "=semget",
        SyscallHandler.STATUS + "=full"})
public final class SemgetCall extends HandedOverCall implements SyscallHandler {
    private final SemSets sets;

    @Activate
    public SemgetCall(@Reference(name = "sets") SemSets sets) {
        this.sets = sets;
    }

    @Override
    public long invoke(SyscallContext c) {
        int nsems = (int) c.arg(1);
        SemLimits l = sets.limits();
        if (nsems < 0 || nsems > l.semmsl()) {
            return -Errno.EINVAL;
        }
        long now = Ipc.seconds(c);
        return sets.ids().get((int) c.arg(0), (int) c.arg(2), c.process(), new IpcIds.Factory<>() {
            @Override
            public long refuse() {
                if (nsems == 0) {
                    return -Errno.EINVAL;
                }
                return sets.usedSems() + nsems > l.semmns() ? -Errno.ENOSPC : 0;
            }

            @Override
            public SemSet make(IpcPerm perm) {
                SemSet s = new SemSet(perm, nsems, now);
                sets.added(s);
                return s;
            }
        }, s -> nsems > s.size() ? -Errno.EINVAL : 0);
    }
}
