package osbox.kernel.core.fs;

/**
 * What every file the kernel makes up has: a fixed path, a parent and an
 * inode number (on the synthetic device). Directories, devices, /proc's
 * links and spawned images extend it.
 */
abstract class SyntheticNode implements Node {
    private final Node parent;
    private final String path;
    final long ino;

    /** A node at {@code path} in {@code parent} (the root passes itself as null: it is its own parent). */
    SyntheticNode(Node parent, String path, long ino) {
        this.parent = parent == null ? this : parent;
        this.path = path;
        this.ino = ino;
    }

    /** The path of a child called name of a directory at dirPath. */
    static String childPath(Node dir, String name) {
        return dir.path().equals("/") ? "/" + name : dir.path() + "/" + name;
    }

    @Override
    public final String path() {
        return path;
    }

    @Override
    public final Node parent() {
        return parent;
    }

    @Override
    public String toString() {
        return path;
    }
}
