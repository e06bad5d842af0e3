package osbox.kernel.core.fs;

import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;

/**
 * A read-only open file with an offset of its own (Linux's f_pos, shared
 * by dup and fork): read moves it by what {@link #readAt} gave, lseek sets
 * it against {@link #size()} (no holes: SEEK_DATA is the offset, SEEK_HOLE
 * the end); writes answer EBADF (the file was opened O_RDONLY).
 */
abstract class OffsetFile implements NodeFile {
    /** lseek's whence values. */
    static final int SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2, SEEK_DATA = 3, SEEK_HOLE = 4;

    private long offset;

    @Override
    public long read(SyscallContext c, long buf, long len) {
        long n = NodeFile.readToUser(this, c, offset, buf, len);
        if (n > 0) {
            offset += n;
        }
        return n;
    }

    @Override
    public long write(SyscallContext c, long buf, long len) {
        return -Errno.EBADF;
    }

    /** lseek: the new offset, or EINVAL (bad whence, negative result), ENXIO (SEEK_DATA/HOLE at or past the end). */
    @Override
    public long seek(SyscallContext c, long off, int whence) {
        long size = size();
        long r;
        switch (whence) {
            case SEEK_SET -> r = off;
            case SEEK_CUR -> r = offset + off;
            case SEEK_END -> r = size + off;
            case SEEK_DATA, SEEK_HOLE -> {
                if (off < 0 || off >= size) {
                    return -Errno.ENXIO;
                }
                r = whence == SEEK_DATA ? off : size;
            }
            default -> {
                return -Errno.EINVAL;
            }
        }
        if (r < 0) {
            return -Errno.EINVAL;
        }
        offset = r;
        return r;
    }
}
