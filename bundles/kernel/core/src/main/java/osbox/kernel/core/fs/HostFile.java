package osbox.kernel.core.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;

/**
 * A regular file of the host mount opened for reading: a host file channel
 * read at the open file's own offset (shared by dup and fork, as Linux's
 * f_pos). Writes answer EBADF (the mount is read-only, so the file was
 * opened O_RDONLY). The channel is closed when the last descriptor goes.
 */
final class HostFile implements NodeFile {
    private static final Logger LOG = LoggerFactory.getLogger(HostFile.class);
    /** lseek's whence values. */
    static final int SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2, SEEK_DATA = 3, SEEK_HOLE = 4;

    private final HostNode node;
    private final FileChannel channel;
    private long offset;

    HostFile(HostNode node, FileChannel channel) {
        this.node = node;
        this.channel = channel;
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public long readAt(long pos, byte[] dst, int off, int len) {
        try {
            int n = channel.read(ByteBuffer.wrap(dst, off, len), pos);
            return Math.max(n, 0);
        } catch (IOException e) {
            LOG.debug("read {} at {}: {}", node.path(), pos, e.getMessage());
            return -Errno.EIO;
        }
    }

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

    @Override
    public long seek(SyscallContext c, long off, int whence) {
        return seek(offset, size(), off, whence, r -> offset = r);
    }

    /**
     * lseek over a file of {@code size} bytes with no holes: the new offset
     * (given to {@code set}), or EINVAL for a bad whence or a negative
     * result, ENXIO for SEEK_DATA or SEEK_HOLE at or past the end.
     */
    static long seek(long current, long size, long off, int whence, java.util.function.LongConsumer set) {
        long r;
        switch (whence) {
            case SEEK_SET -> r = off;
            case SEEK_CUR -> r = current + off;
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
        set.accept(r);
        return r;
    }

    @Override
    public int mode() {
        Stat s = node.stat();
        return s == null ? Stat.S_IFREG | 0444 : s.mode();
    }

    @Override
    public long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void release() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("close {}: {}", node.path(), e.getMessage());
        }
    }

    @Override
    public String describe() {
        return node.path();
    }
}
