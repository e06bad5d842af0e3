package osbox.kernel.core.calls;

import java.util.Arrays;
import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Credentials;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * The user, group and supplementary-group calls over the caller's
 * {@link Credentials}, by Linux's rules in kernel/sys.c and kernel/groups.c:
 * ids are 32-bit, (uid_t) -1 means "leave it" where Linux allows it and is
 * EINVAL elsewhere; a privileged caller (effective uid 0: osbox has no
 * capabilities, so root holds CAP_SETUID and CAP_SETGID) sets any id, others
 * only ids they already hold (EPERM otherwise). Each method is one call's
 * handler.
 */
final class IdCalls {
    static final int NONE = -1;

    private IdCalls() {
    }

    private static Credentials creds(SyscallFrame c) {
        return c.process().credentials();
    }

    private static int id(SyscallFrame c, int i) {
        return (int) c.arg(i);
    }

    static long getuid(SyscallFrame c) {
        return creds(c).ruid & 0xffff_ffffL;
    }

    static long geteuid(SyscallFrame c) {
        return creds(c).euid & 0xffff_ffffL;
    }

    static long getgid(SyscallFrame c) {
        return creds(c).rgid & 0xffff_ffffL;
    }

    static long getegid(SyscallFrame c) {
        return creds(c).egid & 0xffff_ffffL;
    }

    /** getresuid(ruid, euid, suid): stores the three as Linux's put_user calls, EFAULT at the first that fails. */
    static long getresuid(SyscallFrame c) {
        Credentials k = creds(c);
        return storeThree(c, k.ruid, k.euid, k.suid);
    }

    /** getresgid(rgid, egid, sgid), as getresuid. */
    static long getresgid(SyscallFrame c) {
        Credentials k = creds(c);
        return storeThree(c, k.rgid, k.egid, k.sgid);
    }

    private static long storeThree(SyscallFrame c, int r, int e, int s) {
        return c.memory().writeInt(c.arg(0), r) && c.memory().writeInt(c.arg(1), e)
                && c.memory().writeInt(c.arg(2), s) ? 0 : -Errno.EFAULT;
    }

    /** setuid(uid): root sets all four; others set the effective (and fs) uid to their real or saved one. */
    static long setuid(SyscallFrame c) {
        Credentials k = creds(c);
        int uid = id(c, 0);
        if (uid == NONE) {
            return -Errno.EINVAL;
        }
        if (k.privileged()) {
            k.ruid = k.suid = uid;
        } else if (uid != k.ruid && uid != k.suid) {
            return -Errno.EPERM;
        }
        k.euid = k.fsuid = uid;
        return 0;
    }

    /** setgid(gid), as setuid for the group ids. */
    static long setgid(SyscallFrame c) {
        Credentials k = creds(c);
        int gid = id(c, 0);
        if (gid == NONE) {
            return -Errno.EINVAL;
        }
        if (k.privileged()) {
            k.rgid = k.sgid = gid;
        } else if (gid != k.rgid && gid != k.sgid) {
            return -Errno.EPERM;
        }
        k.egid = k.fsgid = gid;
        return 0;
    }

    /**
     * setreuid(ruid, euid): the real uid may become the real or effective
     * one, the effective any of the three; the saved uid follows the new
     * effective one when the real uid is set, or the effective one is set to
     * something other than the old real uid.
     */
    static long setreuid(SyscallFrame c) {
        Credentials k = creds(c);
        int r = id(c, 0);
        int e = id(c, 1);
        boolean p = k.privileged();
        if (r != NONE && !p && r != k.ruid && r != k.euid) {
            return -Errno.EPERM;
        }
        if (e != NONE && !p && e != k.ruid && e != k.euid && e != k.suid) {
            return -Errno.EPERM;
        }
        int oldReal = k.ruid;
        if (r != NONE) {
            k.ruid = r;
        }
        if (e != NONE) {
            k.euid = e;
        }
        if (r != NONE || (e != NONE && e != oldReal)) {
            k.suid = k.euid;
        }
        k.fsuid = k.euid;
        return 0;
    }

    /** setregid(rgid, egid), as setreuid. */
    static long setregid(SyscallFrame c) {
        Credentials k = creds(c);
        int r = id(c, 0);
        int e = id(c, 1);
        boolean p = k.privileged();
        if (r != NONE && !p && r != k.rgid && r != k.egid) {
            return -Errno.EPERM;
        }
        if (e != NONE && !p && e != k.rgid && e != k.egid && e != k.sgid) {
            return -Errno.EPERM;
        }
        int oldReal = k.rgid;
        if (r != NONE) {
            k.rgid = r;
        }
        if (e != NONE) {
            k.egid = e;
        }
        if (r != NONE || (e != NONE && e != oldReal)) {
            k.sgid = k.egid;
        }
        k.fsgid = k.egid;
        return 0;
    }

    /** setresuid(ruid, euid, suid): each one given must be one of the three now, unless privileged. */
    static long setresuid(SyscallFrame c) {
        Credentials k = creds(c);
        int[] v = {id(c, 0), id(c, 1), id(c, 2)};
        if (!k.privileged()) {
            for (int x : v) {
                if (x != NONE && x != k.ruid && x != k.euid && x != k.suid) {
                    return -Errno.EPERM;
                }
            }
        }
        k.ruid = v[0] != NONE ? v[0] : k.ruid;
        k.euid = v[1] != NONE ? v[1] : k.euid;
        k.suid = v[2] != NONE ? v[2] : k.suid;
        k.fsuid = k.euid;
        return 0;
    }

    /** setresgid(rgid, egid, sgid), as setresuid. */
    static long setresgid(SyscallFrame c) {
        Credentials k = creds(c);
        int[] v = {id(c, 0), id(c, 1), id(c, 2)};
        if (!k.privileged()) {
            for (int x : v) {
                if (x != NONE && x != k.rgid && x != k.egid && x != k.sgid) {
                    return -Errno.EPERM;
                }
            }
        }
        k.rgid = v[0] != NONE ? v[0] : k.rgid;
        k.egid = v[1] != NONE ? v[1] : k.egid;
        k.sgid = v[2] != NONE ? v[2] : k.sgid;
        k.fsgid = k.egid;
        return 0;
    }

    /** setfsuid(uid): always answers the old fs uid; sets it when privileged or to one of the caller's uids. */
    static long setfsuid(SyscallFrame c) {
        Credentials k = creds(c);
        int old = k.fsuid;
        int uid = id(c, 0);
        if (uid != NONE && (k.privileged() || uid == k.ruid || uid == k.euid || uid == k.suid || uid == k.fsuid)) {
            k.fsuid = uid;
        }
        return old & 0xffff_ffffL;
    }

    /** setfsgid(gid), as setfsuid (privilege is the effective uid's). */
    static long setfsgid(SyscallFrame c) {
        Credentials k = creds(c);
        int old = k.fsgid;
        int gid = id(c, 0);
        if (gid != NONE && (k.privileged() || gid == k.rgid || gid == k.egid || gid == k.sgid || gid == k.fsgid)) {
            k.fsgid = gid;
        }
        return old & 0xffff_ffffL;
    }

    /**
     * getgroups(size, list): size 0 answers the count; a negative size, or
     * one smaller than the count, EINVAL; else the groups are stored (EFAULT)
     * and counted.
     */
    static long getgroups(SyscallFrame c) {
        int size = (int) c.arg(0);
        int[] groups = creds(c).groups();
        if (size < 0) {
            return -Errno.EINVAL;
        }
        if (size == 0) {
            return groups.length;
        }
        if (size < groups.length) {
            return -Errno.EINVAL;
        }
        for (int i = 0; i < groups.length; i++) {
            if (!c.memory().writeInt(c.arg(1) + 4L * i, groups[i])) {
                return -Errno.EFAULT;
            }
        }
        return groups.length;
    }

    /**
     * setgroups(size, list): EPERM unless privileged, EINVAL for a size over
     * NGROUPS_MAX (as unsigned), EFAULT for a list that cannot be read; the
     * groups are kept sorted, as Linux's groups_sort keeps them.
     */
    static long setgroups(SyscallFrame c) {
        if (!creds(c).privileged()) {
            return -Errno.EPERM;
        }
        long size = c.arg(0) & 0xffff_ffffL;
        if (size > Credentials.NGROUPS_MAX) {
            return -Errno.EINVAL;
        }
        int[] groups = new int[(int) size];
        byte[] b = new byte[4];
        for (int i = 0; i < groups.length; i++) {
            if (!c.memory().read(c.arg(1) + 4L * i, b, 0, 4)) {
                return -Errno.EFAULT;
            }
            groups[i] = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
        }
        // sorted as unsigned gid_t, as Linux's groups_sort: flip the sign bit, sort, flip back
        for (int i = 0; i < groups.length; i++) {
            groups[i] ^= Integer.MIN_VALUE;
        }
        Arrays.sort(groups);
        for (int i = 0; i < groups.length; i++) {
            groups[i] ^= Integer.MIN_VALUE;
        }
        creds(c).setGroups(groups);
        return 0;
    }
}
