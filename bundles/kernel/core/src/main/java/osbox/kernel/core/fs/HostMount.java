package osbox.kernel.core.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A host directory mounted read-only at {@value #MOUNT_POINT} of the
 * namespace ({@link Namespace}): its files are {@link HostNode}s, read
 * through host file channels, never written. The directory is held by its
 * real path (symbolic links in it resolved once, at mount), which host
 * links are checked against.
 */
public final class HostMount {
    public static final String MOUNT_POINT = "/host";
    /** Largest file execve will read. */
    public static final long MAX_FILE = 64L << 20;

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

    /** The mounted host directory (its real path), or null. */
    public Path root() {
        return root;
    }
}
