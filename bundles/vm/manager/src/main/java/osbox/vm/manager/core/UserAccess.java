package osbox.vm.manager.core;

import osbox.api.hw.Access;
import osbox.api.hw.PhysicalMemory;
import osbox.api.memory.UserCopy;

/**
 * copyin/copyout: the kernel's way into a process's memory. Every byte goes
 * through the process's page table with user permissions; a bad pointer or
 * a page no frame can be found for is answered as a result code
 * ({@link UserCopy}), never thrown and never handed back to the kernel by a
 * callback: the kernel decides what to do about it.
 */
public final class UserAccess implements UserCopy {
    private final PhysicalMemory mem;
    private final PagedAddressSpace space;

    /** Copies to and from {@code space}, whose frames are in {@code mem}. */
    public UserAccess(PhysicalMemory mem, PagedAddressSpace space) {
        this.mem = mem;
        this.space = space;
    }

    /** Copies page by page from user memory; stops at the first page that cannot be read. */
    @Override
    public int copyIn(long va, byte[] dst, int off, int len) {
        checkRange(dst, off, len);
        while (len > 0) {
            long pa = space.kernelTranslate(va, Access.READ);
            if (pa < 0) {
                return failure(pa);
            }
            int n = (int) Math.min(len, PagedAddressSpace.PAGE - (va & (PagedAddressSpace.PAGE - 1)));
            mem.read(pa, dst, off, n);
            va += n;
            off += n;
            len -= n;
        }
        return DONE;
    }

    /** Checks (and faults in) every page of the range first, so a bad address writes nothing; then copies. */
    @Override
    public int copyOut(long va, byte[] src, int off, int len) {
        checkRange(src, off, len);
        for (long p = va & -PagedAddressSpace.PAGE; p < va + len; p += PagedAddressSpace.PAGE) {
            long pa = space.kernelTranslate(Math.max(p, va), Access.WRITE);
            if (pa < 0) {
                return failure(pa);
            }
        }
        while (len > 0) {
            // translated again: bringing later pages in may have paged this one out (swap)
            long pa = space.kernelTranslate(va, Access.WRITE);
            if (pa < 0) {
                return failure(pa);
            }
            int n = (int) Math.min(len, PagedAddressSpace.PAGE - (va & (PagedAddressSpace.PAGE - 1)));
            mem.write(pa, src, off, n);
            va += n;
            off += n;
            len -= n;
        }
        return DONE;
    }

    // The result code for a failed translation (DemandPaging.NO_FRAME or NO_ACCESS).
    private static int failure(long translation) {
        return translation == DemandPaging.NO_FRAME ? OUT_OF_MEMORY : BAD_ADDRESS;
    }

    // A kernel buffer range outside its array is the kernel's bug: thrown, not answered.
    private static void checkRange(byte[] buf, int off, int len) {
        if (len < 0 || off < 0 || off + len > buf.length) {
            throw new IllegalArgumentException("bad buffer range " + off + "+" + len + " of " + buf.length);
        }
    }
}
