package osbox.kernel.core.fs;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.Errno;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.files.FileTable;

/**
 * /proc/self/fd: one magic link per open descriptor of the caller, named
 * by its number. A link to a file of the namespace shows its path and
 * leads to its node; one to a pipe or the terminal shows the open file's
 * description and cannot be followed (ENXIO).
 */
final class FdDir extends SyntheticNode {
    /** Inode numbers of the fd links: this plus the descriptor. */
    private static final long LINK_INO = 1 << 20;

    FdDir(SyntheticDir parent, String name, long ino) {
        super(parent, childPath(parent, name), ino);
    }

    @Override
    public Stat stat() {
        return Stat.synthetic(Namespace.SYNTHETIC_DEV, ino, Stat.S_IFDIR | 0500, 2, 0, 0);
    }

    // The descriptor a name stands for ("0", "17"; no sign, no leading zero), or -1.
    private static int number(String name) {
        if (name.isEmpty() || name.length() > 4 || (name.length() > 1 && name.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(name);
    }

    @Override
    public Lookup lookup(String name, Caller c) {
        int fd = number(name);
        if (fd < 0 || c.files().get(fd) == null) {
            return Lookup.error(Errno.ENOENT);
        }
        return Lookup.found(link(fd));
    }

    private ProcLink link(int fd) {
        return new ProcLink(this, Integer.toString(fd), LINK_INO + fd, 0700, caller -> {
            FileRef f = caller.files().get(fd);
            return f != null && f.file instanceof NodeFile nf ? nf.node() : null;
        }, caller -> {
            FileRef f = caller.files().get(fd);
            if (f == null) {
                return null;
            }
            return f.file instanceof NodeFile nf ? nf.node().path() : f.file.describe();
        });
    }

    @Override
    public List<DirEntry> list(Caller c) {
        List<DirEntry> out = new ArrayList<>();
        for (int fd = 0; fd < FileTable.MAX; fd++) {
            if (c.files().get(fd) != null) {
                out.add(new DirEntry(Integer.toString(fd), LINK_INO + fd, Stat.direntType(Stat.S_IFLNK)));
            }
        }
        // sorted by name, as every listing is
        out.sort(java.util.Comparator.comparing(DirEntry::name));
        return out;
    }

    @Override
    public Opened open(int flags, Caller c) {
        return Opened.of(new DirFile(this));
    }
}
