package osbox.kernel.core.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.Errno;

/**
 * A host directory mounted read-only at {@value #MOUNT_POINT}, until a VFS
 * exists: execve finds programs there. A guest path is resolved as Linux's
 * path walk does, lexically: repeated slashes count as one, "." is the
 * directory itself, ".." its parent ("/.." is "/"), a relative path starts
 * at "/" (osbox has no working directory yet), and a trailing slash or a
 * file used as a directory gives ENOTDIR. Paths are resolved inside the
 * directory only: ".." and symbolic links leading out of it are refused as
 * if the file did not exist.
 */
public final class HostMount {
    public static final String MOUNT_POINT = "/host";
    /** Largest file execve will read. */
    public static final long MAX_FILE = 64L << 20;
    /** Longest path (Linux: PATH_MAX with its terminating NUL). */
    static final int PATH_MAX = 4096;
    /** Longest path component (Linux: NAME_MAX). */
    static final int NAME_MAX = 255;

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
     * under the mount, or outside the directory, or an empty path), ENOTDIR
     * (a file used as a directory), EACCES (a directory or unreadable),
     * ENAMETOOLONG, EFBIG.
     */
    public Result read(String guestPath) {
        if (guestPath.length() > PATH_MAX - 1) {
            return new Result(null, Errno.ENAMETOOLONG);
        }
        List<String> names = components(guestPath);
        if (names == null) {
            return new Result(null, Errno.ENAMETOOLONG);
        }
        String mount = MOUNT_POINT.substring(1);
        if (root == null || guestPath.isEmpty() || names.isEmpty() || !names.get(0).equals(mount)) {
            return new Result(null, Errno.ENOENT);
        }
        Path target = root;
        for (int i = 1; i < names.size(); i++) {
            if (Files.isRegularFile(target)) {
                return new Result(null, Errno.ENOTDIR);
            }
            target = target.resolve(names.get(i));
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
            if (guestPath.endsWith("/") || guestPath.endsWith("/.") || guestPath.endsWith("/..")) {
                return new Result(null, Errno.ENOTDIR);
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

    /**
     * The names a guest path walks through from "/", resolved lexically:
     * empty names (repeated or trailing slashes) and "." dropped, ".." taking
     * the previous name away (nothing above "/"). Null when a name is longer
     * than NAME_MAX.
     */
    static List<String> components(String guestPath) {
        List<String> names = new ArrayList<>();
        for (String name : guestPath.split("/")) {
            if (name.length() > NAME_MAX) {
                return null;
            }
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!names.isEmpty()) {
                    names.remove(names.size() - 1);
                }
            } else {
                names.add(name);
            }
        }
        return names;
    }
}
