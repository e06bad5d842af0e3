package osbox.kernel.core.fs;

import java.util.List;

/**
 * A file in the namespace (Linux's dentry and inode in one, until the VFS of
 * issue 13): the synthetic directories, the devices, /proc's links, and the
 * files of the host mount. A node knows its canonical path and its parent
 * (for ".." and getcwd), its attributes, its children when a directory, its
 * target when a link, and how to open it. Simulation thread only.
 */
public interface Node {
    /** Its canonical absolute guest path ("/host/a/b"). */
    String path();

    /** The directory holding it, for ".."; the root's parent is the root. */
    Node parent();

    /** Its attributes, or null when it is gone (a host file removed meanwhile). */
    Stat stat();

    /**
     * Its child called {@code name} (never "", "." or ".."): ENOENT when a
     * directory has none; ENOTDIR for anything but a directory.
     */
    default Lookup lookup(String name, Caller c) {
        return Lookup.error(osbox.api.kernel.Errno.ENOTDIR);
    }

    /** Its entries sorted by name, without "." and ".."; none for anything but a directory. */
    default List<DirEntry> list(Caller c) {
        return List.of();
    }

    /** readlink's text, or null when it is not a symbolic link. */
    default String readlink(Caller c) {
        return null;
    }

    /** Where the path walk goes on from this symbolic link (only called on links). */
    default Link follow(Caller c) {
        return Link.error(osbox.api.kernel.Errno.EINVAL);
    }

    /**
     * Opens it for reading (and, for a device, writing): an open file, or
     * the errno. The namespace has checked the flags against its type and
     * the read-only tree, and opens directories itself ({@link DirFile}).
     */
    Opened open(int flags, Caller c);

    /** Whether it lies on the read-only host mount (a write there is EROFS). */
    default boolean onHost() {
        return false;
    }

    /** The file type bits of its mode, 0 when it is gone. */
    default int type() {
        Stat s = stat();
        return s == null ? 0 : s.type();
    }
}
