package osbox.kernel.core.fs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import osbox.api.kernel.Errno;

/**
 * Linux's path walk (namei) over the namespace: a path is split into names
 * (repeated slashes count as one); an absolute path starts at "/", a
 * relative one at the start node (the working directory or a dirfd); "."
 * stays, ".." goes to the parent ("/.." is "/"); every name but the last
 * must be a directory (ENOTDIR), and so must the last when the path ends
 * with a slash. Symbolic links are followed, the last only when asked or
 * before a slash, at most {@value #MAX_LINKS} of them in one walk (ELOOP).
 * A host link's target is walked confined to the host mount: its ".."
 * cannot climb above the mounted directory (ENOENT, as if nothing were
 * there). Too long a path or name is ENAMETOOLONG.
 */
public final class PathWalk {
    /** Longest path, with its NUL (Linux's PATH_MAX). */
    public static final int PATH_MAX = 4096;
    /** Longest name (Linux's NAME_MAX). */
    public static final int NAME_MAX = 255;
    /** Most symbolic links one walk follows (Linux's MAXSYMLINKS). */
    public static final int MAX_LINKS = 40;

    /**
     * Where a walk ended: the node, or the errno; {@code parent} is the
     * directory the last name was missing from when only that was missing
     * (ENOENT), so a creating call can tell "no such file" from "no such
     * directory".
     */
    public record Result(Node node, int errno, Node parent) {
        static Result found(Node n) {
            return new Result(n, 0, null);
        }

        static Result error(int errno) {
            return new Result(null, errno, null);
        }

        public boolean ok() {
            return errno == 0;
        }
    }

    // One name still to walk: from a host link's target (confined), followed by a slash in its text.
    private record Part(String name, boolean confined, boolean slashAfter) {
    }

    private PathWalk() {
    }

    /**
     * Walks {@code path} for caller c from {@code root} (absolute) or
     * {@code start} (relative), following the last name when it is a
     * symbolic link only if {@code followLast}.
     */
    public static Result walk(Node root, Caller c, Node start, String path, boolean followLast) {
        if (path.isEmpty()) {
            return Result.error(Errno.ENOENT);
        }
        if (path.getBytes(StandardCharsets.UTF_8).length >= PATH_MAX) {
            return Result.error(Errno.ENAMETOOLONG);
        }
        Deque<Part> parts = new ArrayDeque<>();
        pushFront(parts, path, false, false);
        Node cur = path.startsWith("/") ? root : start;
        boolean slash = false;
        int links = 0;
        while (!parts.isEmpty()) {
            Part p = parts.pollFirst();
            slash = p.slashAfter();
            if (p.name().getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
                return Result.error(Errno.ENAMETOOLONG);
            }
            if (cur.type() != Stat.S_IFDIR) {
                return Result.error(Errno.ENOTDIR);
            }
            if (p.name().equals(".")) {
                continue;
            }
            if (p.name().equals("..")) {
                if (p.confined() && cur instanceof HostNode h && h.isMountRoot()) {
                    return Result.error(Errno.ENOENT);
                }
                cur = cur.parent();
                continue;
            }
            Lookup l = cur.lookup(p.name(), c);
            boolean last = parts.isEmpty();
            if (!l.ok()) {
                return l.errno() == Errno.ENOENT && last ? new Result(null, Errno.ENOENT, cur)
                        : Result.error(l.errno());
            }
            Node n = l.node();
            if (n.type() == Stat.S_IFLNK && (!last || followLast || slash)) {
                if (++links > MAX_LINKS) {
                    return Result.error(Errno.ELOOP);
                }
                Link k = n.follow(c);
                if (k.errno() != 0) {
                    return Result.error(k.errno());
                }
                if (k.direct() != null) {
                    cur = k.direct();
                    continue;
                }
                if (k.path().isEmpty()) {
                    return Result.error(Errno.ENOENT);
                }
                pushFront(parts, k.path(), k.confined(), slash);
                if (k.path().startsWith("/")) {
                    cur = root;
                }
                continue;
            }
            cur = n;
        }
        if (slash && cur.type() != Stat.S_IFDIR) {
            return Result.error(Errno.ENOTDIR);
        }
        return Result.found(cur);
    }

    // Puts the names of text in front of those still to walk; the last keeps the slash that followed the link.
    private static void pushFront(Deque<Part> parts, String text, boolean confined, boolean slashAfterLink) {
        List<Part> names = new ArrayList<>();
        String[] split = text.split("/", -1);
        for (int i = 0; i < split.length; i++) {
            if (split[i].isEmpty()) {
                continue;
            }
            boolean slashAfter = i < split.length - 1;
            names.add(new Part(split[i], confined, slashAfter));
        }
        if (!names.isEmpty() && slashAfterLink) {
            Part lastName = names.remove(names.size() - 1);
            names.add(new Part(lastName.name(), lastName.confined(), true));
        }
        for (int i = names.size() - 1; i >= 0; i--) {
            parts.addFirst(names.get(i));
        }
    }
}
