package osbox.kernel.core.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.kernel.Errno;

/**
 * A regular file of the host mount opened for reading: a host file channel
 * read at the open file's own offset ({@link OffsetFile}). The channel is
 * closed when the last descriptor goes.
 */
final class HostFile extends OffsetFile {
    private static final Logger LOG = LoggerFactory.getLogger(HostFile.class);

    private final HostNode node;
    private final FileChannel channel;

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
