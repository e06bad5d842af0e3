package osbox.ipc.sysv.shm;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.api.memory.SharedMemoryObject;
import osbox.ipc.sysv.common.HandedOverCall;
import osbox.ipc.sysv.common.Ipc;
import osbox.ipc.sysv.common.IpcIds;
import osbox.ipc.sysv.common.IpcPerm;

/**
 * shmget(key, size, shmflg): the id of key's segment, or of a new one
 * (IPC_PRIVATE, IPC_CREAT) of size bytes rounded up to pages, with Linux's
 * errno: EINVAL (size outside shmmin..shmmax, or larger than an existing
 * segment), ENOENT, EEXIST, EACCES, ENOSPC (shmmni segments, or shmall
 * pages) and ENOMEM (the VM manager cannot hold that many pages).
 * SHM_HUGETLB and SHM_NORESERVE are accepted and change nothing.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SHMGET, SyscallHandler.NAME + "=shmget",
        SyscallHandler.STATUS + "=full"})
public final class ShmgetCall extends HandedOverCall implements SyscallHandler {
    private final ShmSegments segments;

    @Activate
    public ShmgetCall(@Reference(name = "segments") ShmSegments segments) {
        this.segments = segments;
    }

    @Override
    public long invoke(SyscallContext c) {
        int key = (int) c.arg(0);
        long size = c.arg(1);
        int flag = (int) c.arg(2);
        long now = segments.seconds();
        // Linux's newseg order: the size checks, then the pages (ENOMEM), then a free index (ENOSPC)
        SharedMemoryObject[] pages = {null};
        boolean[] used = {false};
        long id = segments.ids().get(key, flag, c.process(), new IpcIds.Factory<>() {
            @Override
            public long refuse() {
                long refused = segments.refuseNew(size);
                if (refused != 0) {
                    return refused;
                }
                pages[0] = segments.memory().createSharedMemory(Shm.pagesFor(size));
                return pages[0] == null ? -Errno.ENOMEM : 0;
            }

            @Override
            public ShmSegment make(IpcPerm perm) {
                used[0] = true;
                return segments.newSegment(perm, size, pages[0], c.process().pid(), now);
            }
        }, s -> Long.compareUnsigned(size, s.size) > 0 ? -Errno.EINVAL : 0);
        if (pages[0] != null && !used[0]) {
            pages[0].release(); // the table was full: the pages were never used
        }
        return id;
    }
}
