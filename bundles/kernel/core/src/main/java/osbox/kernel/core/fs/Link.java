package osbox.kernel.core.fs;

/**
 * Where a symbolic link leads, for the path walk: either a path to walk on
 * (from the link's directory when relative; {@code confined}: its ".." may
 * not climb out of the host mount, because the link lives on the host and
 * its target must stay inside the host directory), or, for a magic link of
 * /proc, the node itself; or the errno that stops the walk.
 */
public record Link(String path, Node direct, boolean confined, int errno) {
    public static Link to(String path, boolean confined) {
        return new Link(path, null, confined, 0);
    }

    public static Link direct(Node n) {
        return new Link(null, n, false, 0);
    }

    public static Link error(int errno) {
        return new Link(null, null, false, errno);
    }
}
