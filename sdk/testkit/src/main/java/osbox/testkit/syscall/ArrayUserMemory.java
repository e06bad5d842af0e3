package osbox.testkit.syscall;

import osbox.api.kernel.UserMemory;

/**
 * A caller's memory for tests: {@code size} bytes mapped at {@code base},
 * readable and writable; any access reaching outside them fails as a bad
 * pointer does (false, nothing copied), so handlers answer EFAULT.
 */
public final class ArrayUserMemory implements UserMemory {
    private final long base;
    private final byte[] bytes;

    /** {@code size} zero bytes at user address {@code base}. */
    public ArrayUserMemory(long base, int size) {
        this.base = base;
        this.bytes = new byte[size];
    }

    /** The first mapped address. */
    public long base() {
        return base;
    }

    /** The memory itself (index 0 is {@link #base()}), for setting up and checking. */
    public byte[] bytes() {
        return bytes;
    }

    /** Whether [va, va+len) is all mapped. */
    public boolean mapped(long va, long len) {
        return len >= 0 && va >= base && va - base <= bytes.length - len;
    }

    @Override
    public boolean read(long va, byte[] dst, int off, int len) {
        if (!mapped(va, len)) {
            return false;
        }
        System.arraycopy(bytes, (int) (va - base), dst, off, len);
        return true;
    }

    @Override
    public boolean write(long va, byte[] src, int off, int len) {
        if (!mapped(va, len)) {
            return false;
        }
        System.arraycopy(src, off, bytes, (int) (va - base), len);
        return true;
    }
}
