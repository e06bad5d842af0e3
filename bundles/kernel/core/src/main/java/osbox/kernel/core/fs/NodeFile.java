package osbox.kernel.core.fs;

import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;

/**
 * An open file that came from a node of the namespace (a host file, a
 * directory, a device, an O_PATH descriptor): fstat, fchdir, getdents64,
 * pread64 and /proc/self/fd reach the node and its positional reads
 * through it.
 */
public interface NodeFile extends OpenFile {
    /** Copies to user memory go in chunks of this many bytes. */
    int CHUNK = 64 * 1024;

    /** The node it was opened from. */
    Node node();

    /**
     * Reads up to len bytes at position pos into dst[off..]: the count
     * (0 at end of file), or a negative errno (EISDIR for a directory,
     * EBADF for an O_PATH descriptor, EIO for a host error).
     */
    long readAt(long pos, byte[] dst, int off, int len);

    /** Whether read and pread64 may be used (false for O_PATH descriptors). */
    default boolean readable() {
        return true;
    }

    /**
     * pread's shape: reads up to len bytes at pos into user memory at buf,
     * chunk by chunk, stopping at the end of the file: bytes moved, or the
     * errno when nothing moved (EFAULT for a bad buffer, or readAt's).
     */
    static long readToUser(NodeFile f, SyscallContext c, long pos, long buf, long len) {
        byte[] chunk = new byte[(int) Math.min(len, CHUNK)];
        long done = 0;
        while (done < len) {
            int want = (int) Math.min(len - done, chunk.length);
            long n = f.readAt(pos + done, chunk, 0, want);
            if (n < 0) {
                return done > 0 ? done : n;
            }
            if (n == 0) {
                break;
            }
            if (!c.memory().write(buf + done, chunk, 0, (int) n)) {
                return done > 0 ? done : -Errno.EFAULT;
            }
            done += n;
            if (n < want) {
                break;
            }
        }
        return done;
    }
}
