package osbox.kernel.core.fs;

import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;

/**
 * The shape of an open file that moves no bytes itself (a directory, an
 * O_PATH descriptor): it names a node, answers one errno to read and
 * pread64 (EISDIR for a directory, EBADF for O_PATH) and EBADF to writes,
 * and its mode is the node's. Subclasses add what they do (getdents64,
 * seeking) and how they describe themselves.
 */
abstract class NodeOnlyFile implements NodeFile {
    private final Node node;
    private final int readErrno;
    private final int modeWithoutStat;

    /** A file of {@code node} whose reads answer {@code readErrno}; its mode is {@code modeWithoutStat} if the node has no stat. */
    NodeOnlyFile(Node node, int readErrno, int modeWithoutStat) {
        if (readErrno <= 0) {
            throw new IllegalArgumentException("not an errno: " + readErrno);
        }
        this.node = node;
        this.readErrno = readErrno;
        this.modeWithoutStat = modeWithoutStat;
    }

    @Override
    public final Node node() {
        return node;
    }

    @Override
    public final long readAt(long pos, byte[] dst, int off, int len) {
        return -readErrno;
    }

    @Override
    public final long read(SyscallContext c, long buf, long len) {
        return -readErrno;
    }

    @Override
    public final long write(SyscallContext c, long buf, long len) {
        return -Errno.EBADF;
    }

    @Override
    public final int mode() {
        Stat s = node.stat();
        return s == null ? modeWithoutStat : s.mode();
    }
}
