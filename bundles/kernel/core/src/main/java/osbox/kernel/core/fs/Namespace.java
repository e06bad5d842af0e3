package osbox.kernel.core.fs;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;

/**
 * The one file tree every process sees, read-only: "/" is a synthetic
 * directory holding
 * <ul>
 * <li>{@code /host}: the host directory (--host-dir), when one is mounted;
 * <li>{@code /dev}: null, zero, full, urandom (seeded by the kernel's seed,
 *     so runs repeat) and tty (the terminal); and vda, vdb, ... (the block
 *     layer's disks) while a block layer is bound ({@link #setBlockDevices});
 * <li>{@code /proc/self}: exe (a magic link to the running program) and fd
 *     (a magic link per open descriptor).
 * </ul>
 * Paths are walked by {@link PathWalk}; {@link #open} applies openat's
 * flags. Issue 13's VFS replaces the fixed tree with mounted file systems.
 * Simulation thread only.
 */
public final class Namespace {
    /** st_dev of the synthetic files (Linux's anonymous device numbers start at major 0). */
    static final long SYNTHETIC_DEV = Stat.makedev(0, 0x16);

    private final SyntheticDir root;
    private final HostMount host;
    private final SyntheticDir dev;
    private BlockDevices blockDevices;
    private long nextImageIno = 1 << 24;

    /**
     * The namespace over a host mount (its root may be null: nothing at
     * /host), with /dev/tty opening {@code terminal} (null: ENXIO) and
     * /dev/urandom's bytes drawn from {@code seed}.
     */
    public Namespace(HostMount host, Supplier<OpenFile> terminal, long seed) {
        this.host = host;
        long ino = 1;
        root = new SyntheticDir(ino++);
        dev = root.add("dev", new SyntheticDir(root, "dev", ino++));
        dev.attach(() -> blockDevices == null ? java.util.Map.of() : blockDevices.nodes(dev));
        SplittableRandom random = new SplittableRandom(seed ^ 0x75726e64L);
        dev.add("full", new DeviceNode(dev, "full", ino++, DeviceNode.Kind.FULL, 1, 7, terminal, random));
        dev.add("null", new DeviceNode(dev, "null", ino++, DeviceNode.Kind.NULL, 1, 3, terminal, random));
        dev.add("tty", new DeviceNode(dev, "tty", ino++, DeviceNode.Kind.TTY, 5, 0, terminal, random));
        dev.add("urandom", new DeviceNode(dev, "urandom", ino++, DeviceNode.Kind.URANDOM, 1, 9, terminal, random));
        dev.add("zero", new DeviceNode(dev, "zero", ino++, DeviceNode.Kind.ZERO, 1, 5, terminal, random));
        if (host.root() != null) {
            root.add("host", new HostNode(host, root));
        }
        SyntheticDir proc = root.add("proc", new SyntheticDir(root, "proc", ino++));
        SyntheticDir self = proc.add("self", new SyntheticDir(proc, "self", ino++));
        self.add("exe", new ProcLink(self, "exe", ino++, 0777, Caller::exe, c -> c.exe().path()));
        self.add("fd", new FdDir(self, "fd", ino++));
    }

    /**
     * The disks /dev shows (vda, vdb, ...): those of a block layer that
     * arrived, or none (null) when it left. Files already open keep theirs.
     */
    public void setBlockDevices(BlockDevices devices) {
        blockDevices = devices;
    }

    /** The block devices /dev shows, or null. */
    public BlockDevices blockDevices() {
        return blockDevices;
    }

    /** "/". */
    public Node root() {
        return root;
    }

    /** The host mount. */
    public HostMount host() {
        return host;
    }

    /** Walks path for c (relative paths from start), following a last symbolic link only if asked. */
    public PathWalk.Result resolve(Caller c, Node start, String path, boolean followLast) {
        return PathWalk.walk(root, c, start, path, followLast);
    }

    /**
     * A program given as bytes (spawned from outside), at a path outside the
     * tree: what /proc/self/exe leads to for its process. A relative path
     * (as a test or the launcher may give it) is shown from "/", since
     * Linux's readlink of /proc/self/exe is always absolute and glibc's
     * static start-up asserts it.
     */
    public Node image(String path, byte[] bytes) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        return new ImageNode(root, absolute, nextImageIno++, bytes);
    }

    /**
     * openat: walks path (relative paths from start) and opens what it names
     * with openat's flags, as Linux checks them: O_PATH names the node
     * without opening it; a symbolic link at the end with O_NOFOLLOW is
     * ELOOP; O_DIRECTORY on a non-directory ENOTDIR; a directory opened for
     * writing or with O_CREAT EISDIR; write access, O_TRUNC or O_CREAT of a
     * missing file anywhere but a device EROFS (the whole tree is
     * read-only); O_CREAT|O_EXCL of an existing file EEXIST; a host file
     * that is neither a regular file nor a directory (a FIFO, a socket, a
     * device) EACCES, so the host never blocks the simulation.
     */
    public Opened open(Caller c, Node start, String path, int flags) {
        boolean pathOnly = (flags & OpenFlags.O_PATH) != 0;
        if (pathOnly) {
            flags &= OpenFlags.O_PATH | OpenFlags.O_DIRECTORY | OpenFlags.O_NOFOLLOW | OpenFlags.O_CLOEXEC;
        }
        boolean create = (flags & OpenFlags.O_CREAT) != 0;
        boolean write = OpenFlags.writes(flags);
        if ((flags & OpenFlags.O_TMPFILE) == OpenFlags.O_TMPFILE) {
            return Opened.error(write ? Errno.EROFS : Errno.EINVAL);
        }
        boolean follow = (flags & OpenFlags.O_NOFOLLOW) == 0 && !(create && (flags & OpenFlags.O_EXCL) != 0);
        PathWalk.Result r = resolve(c, start, path, follow);
        if (!r.ok()) {
            boolean missingFile = r.errno() == Errno.ENOENT && r.parent() != null;
            return Opened.error(create && missingFile ? Errno.EROFS : r.errno());
        }
        Node n = r.node();
        if (create && (flags & OpenFlags.O_EXCL) != 0) {
            return Opened.error(Errno.EEXIST);
        }
        int type = n.type();
        if (type == 0) {
            return Opened.error(Errno.ENOENT);
        }
        if ((flags & OpenFlags.O_DIRECTORY) != 0 && type != Stat.S_IFDIR) {
            return Opened.error(Errno.ENOTDIR);
        }
        if (pathOnly) {
            return Opened.of(new PathFile(n));
        }
        if (type == Stat.S_IFLNK) {
            return Opened.error(Errno.ELOOP);
        }
        if (type == Stat.S_IFDIR) {
            return write || create ? Opened.error(Errno.EISDIR) : Opened.of(new DirFile(n));
        }
        boolean device = type == Stat.S_IFCHR || type == Stat.S_IFBLK;
        if (!device && (write || (flags & OpenFlags.O_TRUNC) != 0)) {
            return Opened.error(Errno.EROFS);
        }
        if (n.onHost() && type != Stat.S_IFREG) {
            return Opened.error(Errno.EACCES);
        }
        return n.open(flags, c);
    }

    /** A whole file's bytes (execve), or the errno. */
    public record Content(byte[] bytes, int errno) {
    }

    /**
     * Reads the whole regular file n for execve: EACCES for anything but a
     * regular file (a directory, a device), EFBIG beyond
     * {@link HostMount#MAX_FILE}, or opening's errno.
     */
    public Content readAll(Caller c, Node n) {
        Stat s = n.stat();
        if (s == null) {
            return new Content(null, Errno.ENOENT);
        }
        if (!s.isRegular()) {
            return new Content(null, Errno.EACCES);
        }
        if (s.size() > HostMount.MAX_FILE) {
            return new Content(null, Errno.EFBIG);
        }
        Opened o = n.open(OpenFlags.O_RDONLY, c);
        if (o.errno() != 0) {
            return new Content(null, o.errno());
        }
        NodeFile f = (NodeFile) o.file();
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) s.size());
            byte[] chunk = new byte[NodeFile.CHUNK];
            long pos = 0;
            while (pos <= HostMount.MAX_FILE) {
                long got = f.readAt(pos, chunk, 0, chunk.length);
                if (got < 0) {
                    return new Content(null, (int) -got);
                }
                if (got == 0) {
                    return new Content(out.toByteArray(), 0);
                }
                out.write(chunk, 0, (int) got);
                pos += got;
            }
            return new Content(null, Errno.EFBIG);
        } finally {
            f.release();
        }
    }
}
