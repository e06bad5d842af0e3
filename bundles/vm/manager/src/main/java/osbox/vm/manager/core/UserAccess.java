package osbox.vm.manager.core;

import osbox.api.hw.Access;
import osbox.api.hw.PhysicalMemory;
import osbox.api.kernel.UserMemory;

/**
 * copyin/copyout: the kernel's way into a process's memory. Every byte goes
 * through the process's page table with user permissions; a bad pointer
 * makes the method return false (the caller answers EFAULT), never throw.
 */
public final class UserAccess implements UserMemory {
    private final PhysicalMemory mem;
    private final PagedAddressSpace space;

    public UserAccess(PhysicalMemory mem, PagedAddressSpace space) {
        this.mem = mem;
        this.space = space;
    }

    @Override
    public boolean read(long va, byte[] dst, int off, int len) {
        if (len < 0 || off < 0 || off + len > dst.length) {
            throw new IllegalArgumentException("bad buffer range " + off + "+" + len + " of " + dst.length);
        }
        while (len > 0) {
            long pa = space.translateForKernel(va, Access.READ);
            if (pa < 0) {
                return false;
            }
            int n = (int) Math.min(len, PagedAddressSpace.PAGE - (va & (PagedAddressSpace.PAGE - 1)));
            mem.read(pa, dst, off, n);
            va += n;
            off += n;
            len -= n;
        }
        return true;
    }

    @Override
    public boolean write(long va, byte[] src, int off, int len) {
        if (len < 0 || off < 0 || off + len > src.length) {
            throw new IllegalArgumentException("bad buffer range " + off + "+" + len + " of " + src.length);
        }
        // check the whole range first, so a fault part-way writes nothing
        for (long p = va & -PagedAddressSpace.PAGE; p < va + len; p += PagedAddressSpace.PAGE) {
            if (space.translateForKernel(Math.max(p, va), Access.WRITE) < 0) {
                return false;
            }
        }
        while (len > 0) {
            // translated again: bringing later pages in may have paged this one out (swap)
            long pa = space.translateForKernel(va, Access.WRITE);
            if (pa < 0) {
                return false;
            }
            int n = (int) Math.min(len, PagedAddressSpace.PAGE - (va & (PagedAddressSpace.PAGE - 1)));
            mem.write(pa, src, off, n);
            va += n;
            off += n;
            len -= n;
        }
        return true;
    }

    @Override
    public String readString(long va, int max) {
        byte[] one = new byte[1];
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < max; i++) {
            if (!read(va + i, one, 0, 1)) {
                return null;
            }
            if (one[0] == 0) {
                return new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            }
            bytes.write(one[0]);
        }
        return null;
    }

    @Override
    public boolean writeLong(long va, long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return write(va, b, 0, 8);
    }

    @Override
    public boolean writeInt(long va, int value) {
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return write(va, b, 0, 4);
    }

    @Override
    public boolean readLong(long va, long[] out) {
        byte[] b = new byte[8];
        if (!read(va, b, 0, 8)) {
            return false;
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (b[i] & 0xffL) << (8 * i);
        }
        out[0] = v;
        return true;
    }
}
