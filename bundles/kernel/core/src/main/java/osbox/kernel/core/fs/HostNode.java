package osbox.kernel.core.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import osbox.api.kernel.Errno;

/**
 * A file of the host mount: a path relative to the mounted directory. A
 * node is only ever made by looking one plain name up in a directory node
 * (the walk handles "." and ".."), so every host node lies inside the
 * directory; symbolic links are never followed by the host: the walk
 * follows them itself, and refuses those leading out (see {@link #follow}).
 * Attributes are read without following links.
 */
final class HostNode implements Node {
    private final HostMount mount;
    private final Path relative;
    private final Node above;

    /** The mount's root directory, whose parent is {@code above} (the namespace root). */
    HostNode(HostMount mount, Node above) {
        this(mount, Path.of(""), above);
    }

    private HostNode(HostMount mount, Path relative, Node above) {
        this.mount = mount;
        this.relative = relative;
        this.above = above;
    }

    /** The host path. */
    Path host() {
        return relative.toString().isEmpty() ? mount.root() : mount.root().resolve(relative);
    }

    /** Whether this is the mounted directory itself. */
    boolean isMountRoot() {
        return relative.toString().isEmpty();
    }

    @Override
    public String path() {
        return isMountRoot() ? HostMount.MOUNT_POINT : HostMount.MOUNT_POINT + "/" + relative;
    }

    @Override
    public Node parent() {
        if (isMountRoot()) {
            return above;
        }
        Path up = relative.getParent();
        return new HostNode(mount, up == null ? Path.of("") : up, above);
    }

    @Override
    public boolean onHost() {
        return true;
    }

    @Override
    public Stat stat() {
        return stat(host());
    }

    // The unix attributes of p, not following a link; null when it cannot be read.
    static Stat stat(Path p) {
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
            long size = ((Number) a.get("size")).longValue();
            FileTime at = (FileTime) a.get("lastAccessTime");
            FileTime mt = (FileTime) a.get("lastModifiedTime");
            FileTime ct = (FileTime) a.get("ctime");
            return new Stat(((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue(),
                    ((Number) a.get("mode")).intValue(), ((Number) a.get("nlink")).longValue(),
                    ((Number) a.get("uid")).intValue(), ((Number) a.get("gid")).intValue(),
                    ((Number) a.get("rdev")).longValue(), size, (size + Stat.BLOCK_SIZE - 1) / Stat.BLOCK_SIZE * 8,
                    seconds(at), nanos(at), seconds(mt), nanos(mt), seconds(ct), nanos(ct));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static long seconds(FileTime t) {
        return t.to(TimeUnit.SECONDS);
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS) - t.to(TimeUnit.SECONDS) * 1_000_000_000L;
    }

    // The type from the basic attributes: cheaper than the unix ones stat reads, and asked at every step of a walk.
    @Override
    public int type() {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(host(),
                    java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory()) {
                return Stat.S_IFDIR;
            }
            if (a.isRegularFile()) {
                return Stat.S_IFREG;
            }
            if (a.isSymbolicLink()) {
                return Stat.S_IFLNK;
            }
            Stat s = stat();
            return s == null ? 0 : s.type();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Lookup lookup(String name, Caller c) {
        Path child = relative.resolve(name);
        HostNode n = new HostNode(mount, child, above);
        return Files.exists(n.host(), LinkOption.NOFOLLOW_LINKS) ? Lookup.found(n) : Lookup.error(Errno.ENOENT);
    }

    @Override
    public List<DirEntry> list(Caller c) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(host())) {
            for (Path p : d) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            return List.of();
        }
        names.sort(null);
        List<DirEntry> out = new ArrayList<>();
        for (String name : names) {
            Stat s = stat(host().resolve(name));
            if (s != null) {
                out.add(new DirEntry(name, s.ino(), Stat.direntType(s.mode())));
            }
        }
        return out;
    }

    @Override
    public String readlink(Caller c) {
        if (!Files.isSymbolicLink(host())) {
            return null;
        }
        try {
            return Files.readSymbolicLink(host()).toString();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A host link is followed inside the mount only: a relative target is
     * walked from the link's directory with ".." unable to climb above the
     * mounted directory, an absolute one only when it names a path under the
     * mounted directory (lexically, after removing "." and ".."), walked as
     * the same path under /host. Anything leading out is ENOENT, as if the
     * file were not there.
     */
    @Override
    public Link follow(Caller c) {
        String text = readlink(c);
        if (text == null) {
            return Link.error(Errno.ENOENT);
        }
        if (!text.startsWith("/")) {
            return Link.to(text, true);
        }
        Path target = Path.of(text).normalize();
        if (!target.startsWith(mount.root())) {
            return Link.error(Errno.ENOENT);
        }
        String inside = mount.root().relativize(target).toString();
        return Link.to(inside.isEmpty() ? HostMount.MOUNT_POINT : HostMount.MOUNT_POINT + "/" + inside, true);
    }

    @Override
    public Opened open(int flags, Caller c) {
        try {
            FileChannel ch = FileChannel.open(host(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            return Opened.of(new HostFile(this, ch));
        } catch (AccessDeniedException e) {
            return Opened.error(Errno.EACCES);
        } catch (NoSuchFileException e) {
            return Opened.error(Errno.ENOENT);
        } catch (IOException | UnsupportedOperationException e) {
            return Opened.error(Errno.EIO);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostNode h && h.mount == mount && h.relative.equals(relative);
    }

    @Override
    public int hashCode() {
        return relative.hashCode();
    }

    @Override
    public String toString() {
        return path();
    }
}
