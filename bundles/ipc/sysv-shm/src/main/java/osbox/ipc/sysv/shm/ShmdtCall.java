package osbox.ipc.sysv.shm;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.ipc.sysv.common.HandedOverCall;
import osbox.api.memory.AddressSpace;

/**
 * shmdt(shmaddr): detaches the segment attached at shmaddr (every part of
 * that attachment still mapped, nothing else); EINVAL when shmaddr is not
 * page aligned or no attachment starts there.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SHMDT, SyscallHandler.NAME + "=shmdt",
        SyscallHandler.STATUS + "=full"})
public final class ShmdtCall extends HandedOverCall implements SyscallHandler {
    private final ShmSegments segments;

    @Activate
    public ShmdtCall(@Reference(name = "segments") ShmSegments segments) {
        this.segments = segments;
    }

    @Override
    public long invoke(SyscallContext c) {
        long addr = c.arg(0);
        if ((addr & (Shm.PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        AddressSpace space = segments.memory().addressSpace(c.process().pid());
        return space == null || space.detach(addr) == null ? -Errno.EINVAL : 0;
    }
}
