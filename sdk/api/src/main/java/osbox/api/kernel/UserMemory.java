package osbox.api.kernel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A process's memory as the kernel reaches it: every access is checked
 * against the process's page table and permissions (user pages only),
 * faulting in demand pages as the process itself would. A bad pointer never
 * throws: the methods report failure, and the handler returns -EFAULT.
 *
 * <p>Implementations provide {@link #read} and {@link #write}; the word and
 * string accessors (riscv64 is little-endian) are built on them.
 */
@ProviderType
public interface UserMemory {
    /** Copies {@code len} bytes from user address {@code va}; false if any byte is not readable. */
    boolean read(long va, byte[] dst, int off, int len);

    /** Copies {@code len} bytes to user address {@code va}; false if any byte is not writable. */
    boolean write(long va, byte[] src, int off, int len);

    /**
     * Reads a NUL-terminated string (UTF-8) of at most {@code max} bytes
     * before the NUL; null on fault or when no NUL comes within
     * {@code max} bytes. Reads byte by byte, so a string ending just before
     * an inaccessible page is read.
     */
    default String readString(long va, int max) {
        byte[] one = new byte[1];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < max; i++) {
            if (!read(va + i, one, 0, 1)) {
                return null;
            }
            if (one[0] == 0) {
                return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
            }
            bytes.write(one[0]);
        }
        return null;
    }

    /** Writes a little-endian 64-bit value; false on fault. */
    default boolean writeLong(long va, long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return write(va, b, 0, 8);
    }

    /** Writes a little-endian 32-bit value; false on fault. */
    default boolean writeInt(long va, int value) {
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return write(va, b, 0, 4);
    }

    /** Reads a little-endian 64-bit value into {@code out[0]}; false on fault. */
    default boolean readLong(long va, long[] out) {
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
