package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/** The uid, gid and group calls: root may change them, others only to ids they hold (Linux's rules). */
class IdCallsTest {
    static final long BAD = 0xffff_ffc0_0000_0000L;
    static final long KEEP = 0xffff_ffffL; // (uid_t) -1
    private final KernelBench k = new KernelBench();

    private long[] resuid(Process p, long buf) {
        assertEquals(0, k.call(p, Syscalls.GETRESUID, buf, buf + 4, buf + 8));
        return new long[] {k.intAt(p, buf), k.intAt(p, buf + 4), k.intAt(p, buf + 8)};
    }

    @Test
    void rootSetsEveryUidThenCannotComeBack() throws Exception {
        Process p = k.spawn("prog");
        long buf = k.map(p, 1);
        assertEquals(0, k.call(p, Syscalls.GETUID));
        assertEquals(-Errno.EINVAL, k.call(p, AbiNumbers.SETUID, KEEP), "setuid(-1)");
        assertEquals(0, k.call(p, AbiNumbers.SETRESUID, KEEP, 1000, KEEP), "root: euid 1000, saved 0");
        assertEquals(1000, k.call(p, Syscalls.GETEUID));
        assertEquals(0, k.call(p, Syscalls.GETUID));
        assertEquals(-Errno.EPERM, k.call(p, AbiNumbers.SETRESUID, 5, KEEP, KEEP), "not privileged now");
        assertEquals(0, k.call(p, AbiNumbers.SETUID, 0), "back to the saved uid 0 (euid only)");
        assertEquals(0, k.call(p, Syscalls.GETEUID));
        assertEquals(0, k.call(p, AbiNumbers.SETUID, 1000), "root: all of them");
        assertTrue(java.util.Arrays.equals(new long[] {1000, 1000, 1000}, resuid(p, buf)));
        assertEquals(-Errno.EPERM, k.call(p, AbiNumbers.SETUID, 0));
        assertEquals(-Errno.EPERM, k.call(p, AbiNumbers.SETREUID, 0, KEEP));
        assertEquals(0, k.call(p, AbiNumbers.SETREUID, KEEP, 1000), "to an id it holds");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.GETRESUID, buf, BAD, buf));
        Process child = k.process(k.call(p, Syscalls.CLONE, 17, 0, 0, 0, 0));
        assertEquals(1000, k.call(child, Syscalls.GETUID), "a fork keeps the ids");
    }

    @Test
    void setreuidMovesTheSavedUidAsLinux() throws Exception {
        Process p = k.spawn("prog");
        long buf = k.map(p, 1);
        assertEquals(0, k.call(p, AbiNumbers.SETREUID, 1000, 2000));
        assertTrue(java.util.Arrays.equals(new long[] {1000, 2000, 2000}, resuid(p, buf)), "ruid set: suid = euid");
        assertEquals(0, k.call(p, AbiNumbers.SETREUID, KEEP, 1000), "unprivileged: to its real uid");
        assertTrue(java.util.Arrays.equals(new long[] {1000, 1000, 2000}, resuid(p, buf)),
                "euid set to the old ruid: suid kept");
        assertEquals(-Errno.EPERM, k.call(p, AbiNumbers.SETREUID, 2000, KEEP), "the real uid: only real or effective");
        assertEquals(0, k.call(p, AbiNumbers.SETREUID, KEEP, 2000), "the effective uid: the saved one too");
        assertTrue(java.util.Arrays.equals(new long[] {1000, 2000, 2000}, resuid(p, buf)));
    }

    @Test
    void gidsFsidsAndGroups() throws Exception {
        Process p = k.spawn("prog");
        long buf = k.map(p, 1);
        assertEquals(0, k.call(p, AbiNumbers.SETGID, 50));
        assertEquals(50, k.call(p, Syscalls.GETGID));
        assertEquals(50, k.call(p, Syscalls.GETEGID));
        assertEquals(0, k.call(p, AbiNumbers.SETREGID, KEEP, 60));
        assertEquals(60, k.call(p, Syscalls.GETEGID));
        assertEquals(0, k.call(p, AbiNumbers.SETRESGID, 1, 2, 3));
        assertEquals(0, k.call(p, Syscalls.GETRESGID, buf, buf + 4, buf + 8));
        assertEquals(3, k.intAt(p, buf + 8));
        assertEquals(2, k.call(p, AbiNumbers.SETFSGID, 7), "answers the old fs gid (the egid)");
        assertEquals(7, k.call(p, AbiNumbers.SETFSGID, KEEP), "-1 only asks");
        assertEquals(0, k.call(p, AbiNumbers.SETFSUID, 9));
        assertEquals(9, k.call(p, AbiNumbers.SETFSUID, KEEP));
        assertEquals(0, k.call(p, AbiNumbers.GETGROUPS, 0, 0), "no supplementary groups");
        assertTrue(p.userMemory().writeInt(buf, 30) && p.userMemory().writeInt(buf + 4, 10)
                && p.userMemory().writeInt(buf + 8, 20));
        assertEquals(-Errno.EINVAL, k.call(p, AbiNumbers.SETGROUPS, 65537, buf));
        assertEquals(-Errno.EFAULT, k.call(p, AbiNumbers.SETGROUPS, 3, BAD));
        assertEquals(0, k.call(p, AbiNumbers.SETGROUPS, 3, buf));
        assertEquals(3, k.call(p, AbiNumbers.GETGROUPS, 0, 0));
        assertEquals(-Errno.EINVAL, k.call(p, AbiNumbers.GETGROUPS, 2, buf + 100), "too small");
        assertEquals(-Errno.EINVAL, k.call(p, AbiNumbers.GETGROUPS, -1, buf + 100));
        assertEquals(-Errno.EFAULT, k.call(p, AbiNumbers.GETGROUPS, 3, BAD));
        assertEquals(3, k.call(p, AbiNumbers.GETGROUPS, 3, buf + 100));
        assertEquals(10, k.intAt(p, buf + 100), "sorted, as Linux keeps them");
        assertEquals(30, k.intAt(p, buf + 108));
        assertEquals(0, k.call(p, AbiNumbers.SETUID, 1000));
        assertEquals(-Errno.EPERM, k.call(p, AbiNumbers.SETGROUPS, 0, 0), "unprivileged");
        assertEquals(-Errno.EPERM, k.call(p, AbiNumbers.SETGID, 0), "gid 0 is none of its gids");
        assertEquals(0, k.call(p, AbiNumbers.SETGID, 3), "its saved gid");
        assertEquals(1000, k.call(p, AbiNumbers.SETFSUID, 5), "answers the old fs uid");
        assertEquals(1000, k.call(p, AbiNumbers.SETFSUID, KEEP), "5 is not one of its uids: unchanged");
    }
}
