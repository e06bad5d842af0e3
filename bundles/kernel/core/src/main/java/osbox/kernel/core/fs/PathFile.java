package osbox.kernel.core.fs;

import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;

/**
 * An O_PATH descriptor: names a node (for fstat, fchdir, the *at calls and
 * readlinkat with an empty path) without opening it; reading, writing and
 * seeking answer EBADF, as on Linux.
 */
final class PathFile implements NodeFile {
    private final Node node;

    PathFile(Node node) {
        this.node = node;
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public boolean readable() {
        return false;
    }

    @Override
    public long readAt(long pos, byte[] dst, int off, int len) {
        return -Errno.EBADF;
    }

    @Override
    public long read(SyscallContext c, long buf, long len) {
        return -Errno.EBADF;
    }

    @Override
    public long write(SyscallContext c, long buf, long len) {
        return -Errno.EBADF;
    }

    @Override
    public long seek(SyscallContext c, long offset, int whence) {
        return -Errno.EBADF;
    }

    @Override
    public int mode() {
        Stat s = node.stat();
        return s == null ? 0 : s.mode();
    }

    @Override
    public String describe() {
        return node.path() + " (O_PATH)";
    }
}
