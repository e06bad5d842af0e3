package osbox.kernel.core.proc;

import java.util.Arrays;

/**
 * A process's user and group ids as Linux keeps them (struct cred): real,
 * effective, saved and file-system uid and gid, and the supplementary
 * groups. Every process starts as root; a fork copies them; the set*id
 * calls change them by Linux's rules (root, meaning euid 0 here, since
 * osbox has no capabilities, may set any; others only to ids they hold).
 * Simulation thread only.
 */
public final class Credentials {
    /** Linux's NGROUPS_MAX: the most supplementary groups. */
    public static final int NGROUPS_MAX = 65536;

    public int ruid, euid, suid, fsuid;
    public int rgid, egid, sgid, fsgid;
    private int[] groups = new int[0];

    /** Root's: every id 0, no supplementary groups. */
    public Credentials() {
    }

    /** A copy (fork). */
    public Credentials copy() {
        Credentials c = new Credentials();
        c.ruid = ruid;
        c.euid = euid;
        c.suid = suid;
        c.fsuid = fsuid;
        c.rgid = rgid;
        c.egid = egid;
        c.sgid = sgid;
        c.fsgid = fsgid;
        c.groups = groups;
        return c;
    }

    /** Whether the process may set ids freely (CAP_SETUID and CAP_SETGID: an effective uid of root). */
    public boolean privileged() {
        return euid == 0;
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
        return "uid " + ruid + "/" + euid + "/" + suid + "/" + fsuid + " gid " + rgid + "/" + egid + "/" + sgid
                + "/" + fsgid + " groups " + Arrays.toString(groups);
    }
}
