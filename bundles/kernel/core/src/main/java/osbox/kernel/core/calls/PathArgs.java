package osbox.kernel.core.calls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import osbox.api.kernel.Errno;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.fs.Node;
import osbox.kernel.core.fs.NodeFile;
import osbox.kernel.core.fs.PathWalk;
import osbox.kernel.core.fs.Stat;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * The path arguments of the *at calls, as Linux's getname and
 * path_lookupat take them: a NUL-terminated string in user memory (EFAULT
 * when unreadable, ENAMETOOLONG when no NUL comes within PATH_MAX bytes),
 * walked from "/" when absolute, else from the working directory
 * (dirfd AT_FDCWD) or the directory dirfd refers to (EBADF when it is not
 * open, ENOTDIR when it is not a directory).
 */
final class PathArgs {
    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100, AT_EACCESS = 0x200, AT_NO_AUTOMOUNT = 0x800,
            AT_EMPTY_PATH = 0x1000, AT_STATX_SYNC_TYPE = 0x6000;

    /** A path read from user memory, or the errno. */
    record Path(String text, int errno) {
    }

    /** A node named by a call's arguments, or the errno. */
    record Found(Node node, int errno) {
        static Found error(int errno) {
            return new Found(null, errno);
        }
    }

    private PathArgs() {
    }

    /** Reads the path at user address va: at most PATH_MAX - 1 bytes and a NUL, page by page. */
    static Path read(SyscallFrame c, long va) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[PathWalk.PATH_MAX];
        long at = va;
        while (out.size() < PathWalk.PATH_MAX) {
            int n = (int) Math.min(4096 - (at & 4095), PathWalk.PATH_MAX - out.size());
            if (!Fds.accessOk(at, n) || !c.memory().read(at, chunk, 0, n)) {
                return new Path(null, Errno.EFAULT);
            }
            for (int i = 0; i < n; i++) {
                if (chunk[i] == 0) {
                    out.write(chunk, 0, i);
                    return new Path(out.toString(StandardCharsets.UTF_8), 0);
                }
            }
            out.write(chunk, 0, n);
            at += n;
        }
        return new Path(null, Errno.ENAMETOOLONG);
    }

    /** The node an open descriptor names (its file's node), or null for a pipe or the terminal. */
    static Node nodeOf(FileRef f) {
        return f != null && f.file instanceof NodeFile nf ? nf.node() : null;
    }

    /** Where a relative path given with dirfd starts: the working directory, or dirfd's directory. */
    static Found start(SyscallFrame c, int dirfd) {
        if (dirfd == AT_FDCWD) {
            return new Found(c.process().cwd(), 0);
        }
        FileRef f = Fds.table(c).get(dirfd);
        if (f == null) {
            return Found.error(Errno.EBADF);
        }
        Node n = nodeOf(f);
        if (n == null || n.type() != Stat.S_IFDIR) {
            return Found.error(Errno.ENOTDIR);
        }
        return new Found(n, 0);
    }

    /**
     * What (dirfd, path at va, flags) names for the stat-like calls: with
     * AT_EMPTY_PATH and an empty path, dirfd's own node (the working
     * directory for AT_FDCWD; EBADF when not open; for a pipe or the
     * terminal, null with no errno: the caller stats the open file);
     * otherwise the walk's end, following a last link unless
     * AT_SYMLINK_NOFOLLOW.
     */
    static Found lookup(SyscallFrame c, int dirfd, long va, int flags) {
        Path p = read(c, va);
        if (p.errno() != 0) {
            return Found.error(p.errno());
        }
        if (p.text().isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
            if (dirfd == AT_FDCWD) {
                return new Found(c.process().cwd(), 0);
            }
            FileRef f = Fds.table(c).get(dirfd);
            return f == null ? Found.error(Errno.EBADF) : new Found(nodeOf(f), 0);
        }
        return walk(c, dirfd, p.text(), (flags & AT_SYMLINK_NOFOLLOW) == 0);
    }

    /** Walks path from dirfd (when relative), following a last link if asked. */
    static Found walk(SyscallFrame c, int dirfd, String path, boolean follow) {
        Node start = c.process().cwd();
        if (!path.startsWith("/") && !path.isEmpty()) {
            Found s = start(c, dirfd);
            if (s.errno() != 0) {
                return s;
            }
            start = s.node();
        }
        PathWalk.Result r = c.forkExec().namespace().resolve(c.process(), start, path, follow);
        return r.ok() ? new Found(r.node(), 0) : Found.error(r.errno());
    }
}
