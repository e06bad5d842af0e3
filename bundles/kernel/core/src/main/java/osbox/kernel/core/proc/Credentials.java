package osbox.kernel.core.proc;

import java.util.Arrays;

/**
 * A process's user and group ids as Linux keeps them (struct cred): real,
 * effective, saved and file-system uid and gid (indexed by {@link #REAL},
 * {@link #EFFECTIVE}, {@link #SAVED}, {@link #FS}), and the supplementary
 * groups. Every process starts as root; a fork copies them; the set*id
 * calls change them in place by Linux's rules (root, meaning euid 0 here,
 * since osbox has no capabilities, may set any; others only to ids they
 * hold). Simulation thread only.
 */
public final class Credentials {
    /** Linux's NGROUPS_MAX: the most supplementary groups. */
    public static final int NGROUPS_MAX = 65536;
    /** Indexes into {@link #uids()} and {@link #gids()}. */
    public static final int REAL = 0, EFFECTIVE = 1, SAVED = 2, FS = 3;

    private final int[] uids = new int[4];
    private final int[] gids = new int[4];
    private int[] groups = new int[0];

    /** Root's: every id 0, no supplementary groups. */
    public Credentials() {
    }

    /** A copy (fork). */
    public Credentials copy() {
        Credentials c = new Credentials();
        System.arraycopy(uids, 0, c.uids, 0, 4);
        System.arraycopy(gids, 0, c.gids, 0, 4);
        c.groups = groups;
        return c;
    }

    /** The real, effective, saved and fs uid: the live array, which the set*uid calls change. */
    public int[] uids() {
        return uids;
    }

    /** The real, effective, saved and fs gid: the live array, which the set*gid calls change. */
    public int[] gids() {
        return gids;
    }

    /** Whether the process may set ids freely (CAP_SETUID and CAP_SETGID: an effective uid of root). */
    public boolean privileged() {
        return uids[EFFECTIVE] == 0;
    }

    /** The supplementary groups (a copy). */
    public int[] groups() {
        return groups.clone();
    }

    /** setgroups: replaces the supplementary groups (the caller checked privilege and the count). */
    public void setGroups(int[] g) {
        groups = g.clone();
    }

    @Override
    public String toString() {
        return "uids " + Arrays.toString(uids) + " gids " + Arrays.toString(gids) + " groups "
                + Arrays.toString(groups);
    }
}
