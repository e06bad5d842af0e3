package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.fs.Node;
import osbox.kernel.core.fs.Stat;
import osbox.kernel.core.syscall.SyscallFrame;

/** What the stat calls report: a node's attributes, or an open pipe's or terminal's. */
final class FileStats {
    /** st_dev of pipes and the terminal (one anonymous device). */
    static final long ANON_DEV = 0x16;

    /** Attributes, or the errno. */
    record Result(Stat stat, int errno) {
        static Result error(int errno) {
            return new Result(null, errno);
        }
    }

    private FileStats() {
    }

    /** The attributes of what descriptor f refers to: its node's, or the open file's own. */
    static Result of(FileRef f) {
        Node n = PathArgs.nodeOf(f);
        if (n != null) {
            Stat s = n.stat();
            return s == null ? Result.error(Errno.ENOENT) : new Result(s, 0);
        }
        return new Result(Stat.synthetic(ANON_DEV, f.inode, f.file.mode(), 1, f.file.rdev(), f.file.size()), 0);
    }

    /** The attributes of a node (ENOENT when it is gone). */
    static Result of(Node n) {
        Stat s = n.stat();
        return s == null ? Result.error(Errno.ENOENT) : new Result(s, 0);
    }

    /**
     * newfstatat's and statx's lookup: (dirfd, path at va, flags) with
     * AT_EMPTY_PATH naming dirfd itself; flags beyond {@code allowed} are
     * EINVAL.
     */
    static Result at(SyscallFrame c, int dirfd, long va, int flags, int allowed) {
        if ((flags & ~allowed) != 0) {
            return Result.error(Errno.EINVAL);
        }
        PathArgs.Found found = PathArgs.lookup(c, dirfd, va, flags);
        if (found.errno() != 0) {
            return Result.error(found.errno());
        }
        if (found.node() == null) {
            return of(Fds.table(c).get(dirfd));
        }
        return of(found.node());
    }
}
