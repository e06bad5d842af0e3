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
import osbox.api.memory.MemoryRegion;

/**
 * shmat(shmid, shmaddr, shmflg): attaches the whole segment to the caller's
 * address space and answers the address, in Linux's do_shmat order: EINVAL
 * for a negative id, a shmaddr not page aligned without SHM_RND (which
 * rounds it down), SHM_REMAP without a shmaddr, no such segment, or a
 * shmaddr range that overlaps a mapping (without SHM_REMAP, which replaces
 * it); EACCES when the mode refuses read (and write, without SHM_RDONLY;
 * and execute, with SHM_EXEC); EPERM below mmap_min_addr; ENOMEM when no
 * room is left or the range passes the top of the mappings. NULL lets the
 * kernel choose, top-down as mmap.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SHMAT, SyscallHandler.NAME + "=shmat",
        SyscallHandler.STATUS + "=full"})
public final class ShmatCall extends HandedOverCall implements SyscallHandler {
    private final ShmSegments segments;

    @Activate
    public ShmatCall(@Reference(name = "segments") ShmSegments segments) {
        this.segments = segments;
    }

    @Override
    public long invoke(SyscallContext c) {
        int id = (int) c.arg(0);
        long addr = c.arg(1);
        int flag = (int) c.arg(2);
        if (id < 0) {
            return -Errno.EINVAL;
        }
        boolean fixed = addr != 0; // Linux sets MAP_FIXED before rounding: SHM_RND may round down to 0
        if (fixed) {
            if ((addr & (Shm.SHMLBA - 1)) != 0) {
                if ((flag & Shm.SHM_RND) == 0) {
                    return -Errno.EINVAL;
                }
                addr &= -Shm.SHMLBA;
                if (addr == 0 && (flag & Shm.SHM_REMAP) != 0) {
                    return -Errno.EINVAL;
                }
            }
        } else if ((flag & Shm.SHM_REMAP) != 0) {
            return -Errno.EINVAL;
        }
        boolean readOnly = (flag & Shm.SHM_RDONLY) != 0;
        int prot = readOnly ? AddressSpace.PROT_READ : AddressSpace.PROT_READ | AddressSpace.PROT_WRITE;
        int access = readOnly ? Shm.READ : Shm.READ | Shm.WRITE;
        if ((flag & Shm.SHM_EXEC) != 0) {
            prot |= AddressSpace.PROT_EXEC;
            access |= Shm.EXEC;
        }
        ShmSegment s = segments.ids().byId(id);
        if (s == null) {
            return -Errno.EINVAL;
        }
        if (!s.perm().allows(c.process(), access)) {
            return -Errno.EACCES;
        }
        AddressSpace space = segments.memory().addressSpace(c.process().pid());
        if (space == null) {
            return -Errno.ENOMEM;
        }
        long bytes = s.pages() * Shm.PAGE;
        if (fixed) {
            if (Long.compareUnsigned(addr + bytes, addr) < 0) { // wraps past 2^64 (unsigned, as Linux's)
                return -Errno.EINVAL;
            }
            if ((flag & Shm.SHM_REMAP) == 0 && overlaps(space, addr, addr + bytes)) {
                return -Errno.EINVAL;
            }
            if (Long.compareUnsigned(addr + bytes, AddressSpace.MMAP_TOP) > 0) {
                return -Errno.ENOMEM;
            }
            if (addr < Shm.MMAP_MIN_ADDR) {
                return -Errno.EPERM;
            }
        }
        long at = space.attach(s.memory, addr, prot, fixed);
        return at < 0 ? -Errno.ENOMEM : at;
    }

    // Whether any mapping of space meets [start, end) (Linux's find_vma_intersection).
    private static boolean overlaps(AddressSpace space, long start, long end) {
        for (MemoryRegion r : space.memoryRegions()) {
            if (r.start() < end && start < r.end()) {
                return true;
            }
        }
        return false;
    }
}
