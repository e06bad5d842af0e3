package osbox.vm.manager.core;

import osbox.api.hw.PhysicalMemory;
import osbox.api.kernel.UserMemory;
import osbox.api.memory.UserCopy;

/**
 * The VM manager's copies as a {@link UserMemory}, for tests: a copy that
 * does not answer {@link UserCopy#DONE} is a failure (nothing frees memory
 * and tries again, as the kernel's wrapper does).
 */
final class CopyMemory implements UserMemory {
    private final UserAccess copy;

    CopyMemory(PhysicalMemory mem, PagedAddressSpace space) {
        this.copy = new UserAccess(mem, space);
    }

    @Override
    public boolean read(long va, byte[] dst, int off, int len) {
        return copy.copyIn(va, dst, off, len) == UserCopy.DONE;
    }

    @Override
    public boolean write(long va, byte[] src, int off, int len) {
        return copy.copyOut(va, src, off, len) == UserCopy.DONE;
    }
}
