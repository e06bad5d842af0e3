package osbox.kernel.core.calls;

import java.util.Arrays;
import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Credentials;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * The user, group and supplementary-group calls over the caller's
 * {@link Credentials}, by Linux's rules in kernel/sys.c and kernel/groups.c:
 * ids are 32-bit, (uid_t) -1 means "leave it" where Linux allows it and is
 * EINVAL elsewhere; a privileged caller (effective uid 0: osbox has no
 * capabilities, so root holds CAP_SETUID and CAP_SETGID) sets any id, others
 * only ids they already hold (EPERM otherwise). The uid and gid calls of
 * a kind are one handler over {@link Ids} (getuid and getgid are
 * {@code get(USERS, REAL)} and {@code get(GROUPS, REAL)}).
 */
final class IdCalls {
    static final int REAL = Credentials.REAL, EFFECTIVE = Credentials.EFFECTIVE,
            SAVED = Credentials.SAVED, FS = Credentials.FS;
    static final int NONE = -1;

    private IdCalls() {
    }

    private static Credentials creds(SyscallFrame c) {
        return c.process().credentials();
    }

    private static int id(SyscallFrame c, int i) {
        return (int) c.arg(i);
    }

    /** The ids a call works on: the user ids (uid_t) or the group ids (gid_t), with the same rules. */
    enum Ids {
        USERS, GROUPS;

        int[] of(SyscallFrame c) {
            return this == USERS ? creds(c).uids() : creds(c).gids();
        }
    }

    /** getuid, geteuid, getgid, getegid: the id {@code which} (REAL or EFFECTIVE) of {@code ids}, unsigned. */
    static KernelSyscall get(Ids ids, int which) {
        return c -> ids.of(c)[which] & 0xffff_ffffL;
    }

    /** getresuid(ruid, euid, suid) and getresgid: stores the three as Linux's put_user calls, EFAULT at the first that fails. */
    static KernelSyscall getres(Ids ids) {
        return c -> storeThree(c, ids.of(c));
    }

    /** setuid and setgid: see {@link #setId}. */
    static KernelSyscall set(Ids ids) {
        return c -> setId(c, ids.of(c));
    }

    /** setreuid and setregid: see {@link #setRealEffective}. */
    static KernelSyscall setre(Ids ids) {
        return c -> setRealEffective(c, ids.of(c));
    }

    /** setresuid and setresgid: see {@link #setThree}. */
    static KernelSyscall setres(Ids ids) {
        return c -> setThree(c, ids.of(c));
    }

    /** setfsuid and setfsgid: see {@link #setFs}. */
    static KernelSyscall setfs(Ids ids) {
        return c -> setFs(c, ids.of(c));
    }

    private static long storeThree(SyscallFrame c, int[] ids) {
        return c.memory().writeInt(c.arg(0), ids[REAL]) && c.memory().writeInt(c.arg(1), ids[EFFECTIVE])
                && c.memory().writeInt(c.arg(2), ids[SAVED]) ? 0 : -Errno.EFAULT;
    }

    /**
     * setuid(id) and setgid(id) on ids (uids or gids): the privileged set
     * all four; others set the effective (and fs) id to their real or saved
     * one (EPERM otherwise); -1 is EINVAL.
     */
    private static long setId(SyscallFrame c, int[] ids) {
        int id = id(c, 0);
        if (id == NONE) {
            return -Errno.EINVAL;
        }
        if (creds(c).privileged()) {
            ids[REAL] = ids[SAVED] = id;
        } else if (id != ids[REAL] && id != ids[SAVED]) {
            return -Errno.EPERM;
        }
        ids[EFFECTIVE] = ids[FS] = id;
        return 0;
    }

    /**
     * setreuid(real, effective) and setregid: the real id may become the
     * real or effective one, the effective any of the three (unless
     * privileged); the saved id follows the new effective one when the real
     * id is set, or the effective one is set to something other than the
     * old real id.
     */
    private static long setRealEffective(SyscallFrame c, int[] ids) {
        int r = id(c, 0);
        int e = id(c, 1);
        boolean p = creds(c).privileged();
        if (r != NONE && !p && r != ids[REAL] && r != ids[EFFECTIVE]) {
            return -Errno.EPERM;
        }
        if (e != NONE && !p && e != ids[REAL] && e != ids[EFFECTIVE] && e != ids[SAVED]) {
            return -Errno.EPERM;
        }
        int oldReal = ids[REAL];
        if (r != NONE) {
            ids[REAL] = r;
        }
        if (e != NONE) {
            ids[EFFECTIVE] = e;
        }
        if (r != NONE || (e != NONE && e != oldReal)) {
            ids[SAVED] = ids[EFFECTIVE];
        }
        ids[FS] = ids[EFFECTIVE];
        return 0;
    }

    /** setresuid(real, effective, saved) and setresgid: each one given must be one of the three now, unless privileged. */
    private static long setThree(SyscallFrame c, int[] ids) {
        int[] v = {id(c, 0), id(c, 1), id(c, 2)};
        if (!creds(c).privileged()) {
            for (int x : v) {
                if (x != NONE && x != ids[REAL] && x != ids[EFFECTIVE] && x != ids[SAVED]) {
                    return -Errno.EPERM;
                }
            }
        }
        for (int i = REAL; i <= SAVED; i++) {
            ids[i] = v[i] != NONE ? v[i] : ids[i];
        }
        ids[FS] = ids[EFFECTIVE];
        return 0;
    }

    /**
     * setfsuid(id) and setfsgid: always answer the old fs id; set it when
     * privileged or to one of the caller's four ids.
     */
    private static long setFs(SyscallFrame c, int[] ids) {
        int old = ids[FS];
        int id = id(c, 0);
        if (id != NONE && (creds(c).privileged() || id == ids[REAL] || id == ids[EFFECTIVE] || id == ids[SAVED]
                || id == ids[FS])) {
            ids[FS] = id;
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
