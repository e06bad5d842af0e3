package osbox.kernel.core.fs;

/** A node, or the errno (positive) that stopped finding it. */
public record Lookup(Node node, int errno) {
    /** Exactly one of node and errno is given. */
    public Lookup {
        if ((node == null) == (errno == 0)) {
            throw new IllegalArgumentException("a lookup has a node or an errno: " + node + ", " + errno);
        }
    }

    public static Lookup found(Node n) {
        return new Lookup(n, 0);
    }

    public static Lookup error(int errno) {
        return new Lookup(null, errno);
    }

    public boolean ok() {
        return errno == 0;
    }
}
