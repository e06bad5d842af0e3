package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * Process groups and sessions as Linux keeps them: inherited at fork,
 * setpgid/getpgid/setsid/getsid with their errors, wait4(0) and wait4(-pgid)
 * restricted to the group, kill(0 or -pgid, 0) checking the group exists.
 * The calls go through the kernel's trap path on a bench; no program runs.
 */
class ProcessGroupTest {
    private final KernelBench k = new KernelBench();

    private Process fork(Process parent) {
        long pid = k.call(parent, Syscalls.CLONE, 17, 0, 0, 0, 0);
        assertTrue(pid > 0, "fork answered " + pid);
        return k.process(pid);
    }

    @Test
    void aLaunchedProcessLeadsItsGroupAndChildrenInheritIt() throws Exception {
        Process init = k.spawn("init");
        Process child = fork(init);
        Process grandchild = fork(child);
        assertEquals(init.pid(), init.pgid());
        assertEquals(init.pid(), child.pgid());
        assertEquals(init.pid(), grandchild.pgid());
        assertEquals(child.sid(), init.sid());
        assertEquals(init.pid(), k.call(child, Syscalls.GETPGID, 0));
        assertEquals(init.pid(), k.call(init, Syscalls.GETPGID, grandchild.pid()));
        assertEquals(-Errno.ESRCH, k.call(init, Syscalls.GETPGID, 999));
        assertEquals(-Errno.ESRCH, k.call(init, Syscalls.GETPGID, -3), "a negative pid names no process");
        assertEquals(init.sid(), k.call(child, Syscalls.GETSID, init.pid()));
        assertEquals(-Errno.ESRCH, k.call(child, Syscalls.GETSID, 999));
    }

    @Test
    void setpgidFollowsLinuxRules() throws Exception {
        Process parent = k.spawn("parent");
        Process child = fork(parent);
        Process other = k.spawn("other");
        assertEquals(0, k.call(parent, Syscalls.SETPGID, 0, 0), "already its own group: a no-op");
        assertEquals(0, k.call(parent, Syscalls.SETPGID, child.pid(), 0));
        assertEquals(child.pid(), child.pgid());
        assertEquals(0, k.call(parent, Syscalls.SETPGID, child.pid(), parent.pid()), "back to the parent's group");
        assertEquals(parent.pid(), child.pgid());
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.SETPGID, 0, -5));
        assertEquals(-Errno.ESRCH, k.call(parent, Syscalls.SETPGID, 999, 0));
        assertEquals(-Errno.ESRCH, k.call(child, Syscalls.SETPGID, parent.pid(), 0), "not the caller's child");
        assertEquals(-Errno.EPERM, k.call(parent, Syscalls.SETPGID, child.pid(), 777), "no such group");
        assertEquals(0, k.call(parent, Syscalls.SETPGID, 0, other.pid()), "a group of the same session");
        assertEquals(other.pid(), parent.pgid());
    }

    @Test
    void setsidMakesANewSessionUnlessTheCallerLeadsAGroup() throws Exception {
        Process parent = k.spawn("parent");
        Process child = fork(parent);
        assertEquals(-Errno.EPERM, k.call(parent, Syscalls.SETSID), "a group leader");
        assertEquals(child.pid(), k.call(child, Syscalls.SETSID));
        assertEquals(child.pid(), child.sid());
        assertEquals(child.pid(), child.pgid());
        assertEquals(child.pid(), k.call(parent, Syscalls.GETSID, child.pid()));
        assertEquals(-Errno.EPERM, k.call(child, Syscalls.SETPGID, 0, 0), "a session leader");
        assertEquals(-Errno.EPERM, k.call(parent, Syscalls.SETPGID, child.pid(), parent.pid()),
                "a child in another session");
        Process grandchild = fork(child);
        assertEquals(child.sid(), grandchild.sid());
        assertEquals(-Errno.EPERM, k.call(child, Syscalls.SETPGID, grandchild.pid(), parent.pid()),
                "a group of another session");
    }

    @Test
    void wait4ByGroupSeesOnlyChildrenInTheGroup() throws Exception {
        Process parent = k.spawn("parent");
        Process a = fork(parent);
        Process b = fork(parent);
        assertEquals(0, k.call(parent, Syscalls.SETPGID, b.pid(), 0));
        long wnohang = Wait4Call.WNOHANG;
        assertEquals(-Errno.ECHILD, k.call(parent, Syscalls.WAIT4, -54321, 0, wnohang, 0));
        assertEquals(-Errno.ECHILD, k.call(parent, Syscalls.WAIT4, -a.pid(), 0, wnohang, 0), "a's group is empty");
        assertEquals(0, k.call(parent, Syscalls.WAIT4, -b.pid(), 0, wnohang, 0), "b runs");
        k.exit(a, 0);
        assertEquals(0, k.call(parent, Syscalls.WAIT4, -b.pid(), 0, wnohang, 0), "a is not in b's group");
        assertEquals(a.pid(), k.call(parent, Syscalls.WAIT4, 0, 0, wnohang, 0), "a is in the parent's group");
        assertEquals(-Errno.ECHILD, k.call(parent, Syscalls.WAIT4, 0, 0, wnohang, 0));
        k.exit(b, 0);
        assertEquals(b.pid(), k.call(parent, Syscalls.WAIT4, -b.pid(), 0, wnohang, 0));
        assertEquals(-Errno.ECHILD, k.call(parent, Syscalls.WAIT4, -1, 0, wnohang, 0));
        assertEquals(-Errno.ESRCH, k.call(parent, Syscalls.WAIT4, Integer.MIN_VALUE, 0, wnohang, 0));
    }

    @Test
    void killOfAGroupNeedsAMember() throws Exception {
        Process parent = k.spawn("parent");
        Process child = fork(parent);
        assertEquals(0, k.call(parent, Syscalls.SETPGID, child.pid(), 0));
        assertEquals(0, k.call(parent, Syscalls.KILL, 0, 0), "the caller's group");
        assertEquals(0, k.call(parent, Syscalls.KILL, -child.pid(), 0));
        assertEquals(0, k.call(parent, Syscalls.KILL, -parent.pid(), 0));
        assertEquals(-Errno.ESRCH, k.call(parent, Syscalls.KILL, -54321, 0));
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.TKILL, 0, 0), "tkill names a thread, never a group");
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.TGKILL, -1, -1, 0));
    }
}
