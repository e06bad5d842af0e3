package osbox.kernel.core.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.kernel.Errno;

/**
 * A read-only directory the kernel makes up ("/", /dev, /proc,
 * /proc/self): a fixed set of children kept sorted by name. Its children
 * are added while the namespace is built.
 */
final class SyntheticDir extends SyntheticNode {
    private final Map<String, Node> children = new TreeMap<>();
    // children that come and go with a service (/dev's disks), asked for on each lookup and listing
    private java.util.function.Supplier<Map<String, Node>> attached = Map::of;

    /** The root directory (its own parent). */
    SyntheticDir(long ino) {
        super(null, "/", ino);
    }

    /** A directory called {@code name} in {@code parent}. */
    SyntheticDir(SyntheticDir parent, String name, long ino) {
        super(parent, childPath(parent, name), ino);
    }

    /** Adds a child (while the namespace is built). */
    <T extends Node> T add(String name, T child) {
        if (children.put(name, child) != null) {
            throw new IllegalStateException(childPath(this, name) + " added twice");
        }
        return child;
    }

    /** Where the children that come and go are found (the block devices of /dev); fixed children win. */
    void attach(java.util.function.Supplier<Map<String, Node>> source) {
        attached = source;
    }

    @Override
    public Stat stat() {
        long subdirectories = children.values().stream().filter(n -> n instanceof SyntheticDir).count();
        return Stat.synthetic(Namespace.SYNTHETIC_DEV, ino, Stat.S_IFDIR | 0555, 2 + subdirectories, 0, 0);
    }

    @Override
    public Lookup lookup(String name, Caller c) {
        Node n = children.get(name);
        if (n == null) {
            n = attached.get().get(name);
        }
        return n == null ? Lookup.error(Errno.ENOENT) : Lookup.found(n);
    }

    @Override
    public List<DirEntry> list(Caller c) {
        List<DirEntry> out = new ArrayList<>();
        Map<String, Node> all = new TreeMap<>(attached.get());
        all.putAll(children);
        for (Map.Entry<String, Node> e : all.entrySet()) {
            Stat s = e.getValue().stat();
            if (s != null) {
                out.add(new DirEntry(e.getKey(), s.ino(), Stat.direntType(s.mode())));
            }
        }
        return out;
    }

    @Override
    public Opened open(int flags, Caller c) {
        return Opened.of(new DirFile(this));
    }
}
