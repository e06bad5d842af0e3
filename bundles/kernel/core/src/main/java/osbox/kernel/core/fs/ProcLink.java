package osbox.kernel.core.fs;

import java.util.function.Function;
import osbox.api.kernel.Errno;

/**
 * A magic link of /proc/self (exe, fd/N): readlink shows a path, and the
 * walk goes straight to the node it stands for, whatever that path says
 * (as Linux's proc links do), so /proc/self/exe reaches the running
 * program even when its path is not in the namespace.
 */
final class ProcLink extends SyntheticNode {
    private final int permissions;
    private final Function<Caller, Node> target;
    private final Function<Caller, String> text;

    /**
     * A link called {@code name} in {@code parent} leading to
     * {@code target(caller)} (null: gone, ENOENT) and showing
     * {@code text(caller)}.
     */
    ProcLink(Node parent, String name, long ino, int permissions, Function<Caller, Node> target,
            Function<Caller, String> text) {
        super(parent, childPath(parent, name), ino);
        this.permissions = permissions;
        this.target = target;
        this.text = text;
    }

    @Override
    public Stat stat() {
        return Stat.synthetic(Namespace.SYNTHETIC_DEV, ino, Stat.S_IFLNK | permissions, 1, 0, 0);
    }

    @Override
    public String readlink(Caller c) {
        return text.apply(c);
    }

    @Override
    public Link follow(Caller c) {
        Node n = target.apply(c);
        return n == null ? Link.error(Errno.ENOENT) : Link.direct(n);
    }

    @Override
    public Opened open(int flags, Caller c) {
        return Opened.error(Errno.ELOOP);
    }
}
