package osbox.kernel.core.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import osbox.api.kernel.Errno;

/**
 * A host directory mounted read-only at {@value #MOUNT_POINT}, until a VFS
 * exists: execve finds programs there. Paths are resolved inside the
 * directory only: "..", absolute tricks and symbolic links leading out of it
 * are refused as if the file did not exist.
 */
public final class HostMount {
    public static final String MOUNT_POINT = "/host";
    /** Largest file execve will read. */
    public static final long MAX_FILE = 64L << 20;

    /** A file's bytes, or the errno that stopped reading it. */
    public record Result(byte[] bytes, int errno) {
    }

    private final Path root;

    /** Mounts {@code root} (must exist and be a directory), or nothing when null. */
    public HostMount(Path root) {
        if (root != null && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("host directory does not exist or is not a directory: " + root);
        }
        this.root = root == null ? null : realPath(root);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot resolve host directory " + p + ": " + e.getMessage());
        }
    }

    /** The mounted host directory, or null. */
    public Path root() {
        return root;
    }

    /**
     * Reads the file at a guest path: its bytes, or ENOENT (no such file, not
     * under the mount, or outside the directory), EACCES (a directory or
     * unreadable), ENAMETOOLONG, EFBIG.
     */
    public Result read(String guestPath) {
        if (guestPath.length() > 4095) {
            return new Result(null, Errno.ENAMETOOLONG);
        }
        String p = guestPath.startsWith("/") ? guestPath : "/" + guestPath;
        if (root == null || !(p.equals(MOUNT_POINT) || p.startsWith(MOUNT_POINT + "/"))) {
            return new Result(null, Errno.ENOENT);
        }
        String rest = p.substring(MOUNT_POINT.length());
        Path target = root.resolve(rest.startsWith("/") ? rest.substring(1) : rest).normalize();
        if (!target.startsWith(root)) {
            return new Result(null, Errno.ENOENT);
        }
        try {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.exists(target)) {
                return new Result(null, Errno.ENOENT);
            }
            Path real = target.toRealPath();
            if (!real.startsWith(root)) {
                return new Result(null, Errno.ENOENT);
            }
            if (Files.isDirectory(real)) {
                return new Result(null, Errno.EACCES);
            }
            if (!Files.isReadable(real)) {
                return new Result(null, Errno.EACCES);
            }
            if (Files.size(real) > MAX_FILE) {
                return new Result(null, Errno.EFBIG);
            }
            return new Result(Files.readAllBytes(real), 0);
        } catch (IOException e) {
            return new Result(null, Errno.ENOENT);
        }
    }
}
