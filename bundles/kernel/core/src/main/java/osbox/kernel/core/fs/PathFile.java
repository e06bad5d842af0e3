package osbox.kernel.core.fs;

import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;

/**
 * An O_PATH descriptor: names a node (for fstat, fchdir, the *at calls and
 * readlinkat with an empty path) without opening it; reading, writing and
 * seeking answer EBADF, as on Linux.
 */
final class PathFile extends NodeOnlyFile {
    PathFile(Node node) {
        super(node, Errno.EBADF, 0);
    }

    @Override
    public boolean readable() {
        return false;
    }

    @Override
    public long seek(SyscallContext c, long offset, int whence) {
        return -Errno.EBADF;
    }

    @Override
    public String describe() {
        return node().path() + " (O_PATH)";
    }
}
