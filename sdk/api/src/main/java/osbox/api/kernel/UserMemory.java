package osbox.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A process's memory as the kernel reaches it: every access is checked
 * against the process's page table and permissions (user pages only),
 * faulting in demand pages as the process itself would. A bad pointer never
 * throws: the methods report failure, and the handler returns -EFAULT.
 */
@ProviderType
public interface UserMemory {
    /** Copies {@code len} bytes from user address {@code va}; false if any byte is not readable. */
    boolean read(long va, byte[] dst, int off, int len);

    /** Copies {@code len} bytes to user address {@code va}; false if any byte is not writable. */
    boolean write(long va, byte[] src, int off, int len);

    /** Reads a NUL-terminated string of at most {@code max} bytes; null on fault or when too long. */
    String readString(long va, int max);

    /** Writes a little-endian 64-bit value; false on fault. */
    boolean writeLong(long va, long value);

    /** Writes a little-endian 32-bit value; false on fault. */
    boolean writeInt(long va, int value);

    /** Reads a little-endian 64-bit value into {@code out[0]}; false on fault. */
    boolean readLong(long va, long[] out);
}
