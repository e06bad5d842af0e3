package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.hw.HartContext;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * clone as glibc's fork() and vfork() call it: the tid words, the exit
 * signal, a new stack and tls, vfork's suspension of the parent until the
 * child execs or ends, and Linux's EINVAL cases; threads stay ENOSYS.
 */
class CloneCallTest {
    static final long SIGCHLD = 17;
    static final long GLIBC_FORK = CloneCall.CLONE_CHILD_CLEARTID | CloneCall.CLONE_CHILD_SETTID | SIGCHLD;
    static final long VFORK = CloneCall.CLONE_VM | CloneCall.CLONE_VFORK | SIGCHLD;
    @TempDir
    Path host;

    @Test
    void glibcsForkStoresTheTidInTheChildAndClearsItAtExit() throws Exception {
        KernelBench k = new KernelBench();
        Process parent = k.spawn("parent");
        long tid = k.map(parent, 1);
        assertTrue(parent.userMemory().writeInt(tid, 0x5a5a));
        long pid = k.call(parent, Syscalls.CLONE, GLIBC_FORK, 0, 0, 0, tid);
        assertTrue(pid > 0, "fork answered " + pid);
        Process child = k.process(pid);
        assertEquals(pid, k.intAt(child, tid), "CLONE_CHILD_SETTID: the child's own copy holds its tid");
        assertEquals(0x5a5a, k.intAt(parent, tid), "the parent's copy is untouched");
        assertEquals(tid, child.clearChildTid(), "CLONE_CHILD_CLEARTID remembers the word");
        assertEquals(SIGCHLD, child.exitSignal());
        k.exit(child, 0);
        assertEquals(0, child.clearChildTid(), "released at exit");
    }

    @Test
    void parentSettidStackTlsAndTheExitSignal() throws Exception {
        KernelBench k = new KernelBench();
        Process parent = k.spawn("parent");
        long ptid = k.map(parent, 1);
        long flags = CloneCall.CLONE_PARENT_SETTID | CloneCall.CLONE_SETTLS;
        long pid = k.call(parent, Syscalls.CLONE, flags, 0x7000_1000L, ptid, 0x1234_5670L, 0);
        Process child = k.process(pid);
        assertEquals(pid, k.intAt(parent, ptid), "CLONE_PARENT_SETTID: in the parent's memory");
        assertEquals(0, k.intAt(child, ptid), "not in the child's copy");
        assertEquals(0x7000_1000L, child.context().x[HartContext.SP], "the new stack is the child's sp");
        assertEquals(0x1234_5670L, child.context().x[HartContext.TP], "CLONE_SETTLS");
        assertEquals(0, child.exitSignal(), "exit signal 0: the parent is not signalled");
        long bad = k.call(parent, Syscalls.CLONE, CloneCall.CLONE_CHILD_SETTID | SIGCHLD, 0, 0, 0, 0xdead_0000L);
        assertTrue(bad > 0, "a bad child_tid is ignored, as Linux ignores it: " + bad);
    }

    @Test
    void linuxsInvalidCombinationsAndPartialSharingAreRefused() throws Exception {
        KernelBench k = new KernelBench();
        Process p = k.spawn("p");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.CLONE, 65, 0, 0, 0, 0), "signal 65");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.CLONE, CloneCall.CLONE_SIGHAND | SIGCHLD, 0, 0, 0, 0),
                "CLONE_SIGHAND without CLONE_VM");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.CLONE, CloneCall.CLONE_THREAD | CloneCall.CLONE_VM, 0, 0, 0, 0),
                "CLONE_THREAD without CLONE_SIGHAND");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.CLONE, CloneCall.CLONE_FS | CloneCall.CLONE_NEWNS, 0, 0, 0, 0));
        long thread = CloneCall.CLONE_VM | CloneCall.CLONE_FS | CloneCall.CLONE_FILES | CloneCall.CLONE_SIGHAND
                | CloneCall.CLONE_THREAD | CloneCall.CLONE_SETTLS | CloneCall.CLONE_PARENT_SETTID
                | CloneCall.CLONE_CHILD_CLEARTID;
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.CLONE, thread & ~CloneCall.CLONE_FILES, 0x7000_0000L, 0, 0, 0),
                "a thread with its own descriptor table");
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.CLONE, CloneCall.CLONE_VM | CloneCall.CLONE_SIGHAND | SIGCHLD,
                0, 0, 0, 0), "shared handlers without a thread");
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.CLONE, CloneCall.CLONE_FILES | SIGCHLD, 0, 0, 0, 0));
        assertEquals(1, k.kernel.table().size(), "nothing was created");
        long pid = k.call(p, Syscalls.CLONE, (1L << 40) | SIGCHLD, 0, 0, 0, 0);
        assertTrue(pid > 0, "the upper half of flags is not looked at: " + pid);
    }

    @Test
    void vforkSuspendsTheParentUntilTheChildExecs() throws Exception {
        Files.write(host.resolve("prog"), KernelBench.program("-- exec'd --"));
        KernelBench k = new KernelBench(4, 16L << 20, host);
        Process parent = k.spawn("parent");
        long tid = k.map(parent, 1);
        k.sleeps(parent, Syscalls.CLONE, VFORK | CloneCall.CLONE_CHILD_CLEARTID, 0, 0, 0, tid);
        Process child = null;
        for (Process q : k.kernel.table().all()) {
            if (q.ppid() == parent.pid()) {
                child = q;
            }
        }
        k.settle();
        assertEquals(ProcessState.RUNNING, child.state(), "the child runs while the parent sleeps");
        assertEquals(parent.pid(), child.vforkParent());
        assertEquals(ProcessState.BLOCKED, parent.state());
        long path = k.map(child, 1);
        k.putString(child, path, "/host/prog");
        long argv = path + 512;
        assertTrue(child.userMemory().writeLong(argv, 0));
        assertEquals(0, k.call(child, Syscalls.KILL, child.pid(), 0), "an unrelated call changes nothing");
        assertEquals(ProcessState.BLOCKED, parent.state());
        assertTrue(!k.ecall(child, Syscalls.EXECVE, path, argv, argv).returned(), "execve took");
        k.settle();
        assertEquals(ProcessState.RUNNING, parent.state(), "the exec let the parent go");
        assertEquals(child.pid(), k.call(parent, Syscalls.CLONE, VFORK, 0, 0, 0, 0),
                "the restarted clone answers the child's pid, and makes no second child");
        assertEquals(0, child.vforkParent());
        assertEquals(0, child.clearChildTid(), "execve released the tid word");
    }

    @Test
    void vforkLetsTheParentGoWhenTheChildExits() throws Exception {
        KernelBench k = new KernelBench();
        Process parent = k.spawn("parent");
        k.sleeps(parent, Syscalls.CLONE, VFORK, 0, 0, 0, 0);
        Process child = k.process(parent.pid() + 1);
        k.settle();
        k.exit(child, 3);
        k.settle();
        assertEquals(ProcessState.RUNNING, parent.state());
        assertEquals(child.pid(), k.call(parent, Syscalls.CLONE, VFORK, 0, 0, 0, 0));
        assertEquals(child.pid(), k.call(parent, Syscalls.WAIT4, -1, 0, 0, 0));
        long again = k.call(parent, Syscalls.CLONE, GLIBC_FORK, 0, 0, 0, k.map(parent, 1));
        assertTrue(again > child.pid(), "a later fork after a finished vfork is a new fork: " + again);
    }
}
