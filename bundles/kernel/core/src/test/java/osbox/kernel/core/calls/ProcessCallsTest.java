package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.Syscalls;
import osbox.api.kernel.WaitStatus;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * The process calls' Linux edge cases, through the kernel's trap path on a
 * bench: clone's flags, wait4's options, pid forms and stores, kill's,
 * tkill's and tgkill's argument checks and default actions, the ids.
 */
class ProcessCallsTest {
    static final long SIGCHLD = 17, CLONE_VM = 0x100, CLONE_VFORK = 0x4000;
    private final KernelBench k = new KernelBench();

    private Process fork(Process parent) {
        long pid = k.call(parent, Syscalls.CLONE, SIGCHLD, 0, 0, 0, 0);
        assertTrue(pid > 0, "fork answered " + pid);
        return k.process(pid);
    }

    @Test
    void forkIsCloneAndTheChildStartsPastTheEcallWithA0Zero() throws Exception {
        Process parent = k.spawn("parent");
        assertEquals(-Errno.ENOSYS, k.call(parent, Syscalls.CLONE, CLONE_VM | SIGCHLD, 0, 0, 0, 0), "a thread");
        long pc = parent.context().pc;
        Process child = fork(parent);
        assertEquals(parent.pid(), child.ppid());
        assertEquals(0, child.context().x[10]);
        assertEquals(pc + 4, child.context().pc, "the child returns from the same ecall");
        assertEquals(parent.name(), child.name());
    }

    @Test
    void forkAtTheProcessLimitIsEagain() throws Exception {
        Process parent = k.spawn("parent");
        long last = 0;
        while (last >= 0) {
            last = k.call(parent, Syscalls.CLONE, SIGCHLD, 0, 0, 0, 0);
        }
        assertEquals(-Errno.EAGAIN, last);
        assertEquals(128, k.kernel.table().size(), "max.processes, 128 by default");
    }

    @Test
    void theIdsAreThePcbs() throws Exception {
        Process parent = k.spawn("parent");
        Process child = fork(parent);
        assertEquals(child.pid(), k.call(child, Syscalls.GETPID));
        assertEquals(child.pid(), k.call(child, Syscalls.GETTID), "one thread per process");
        assertEquals(parent.pid(), k.call(child, Syscalls.GETPPID));
        assertEquals(0, k.call(parent, Syscalls.GETPPID), "started from outside: no parent");
        assertEquals(child.pid(), k.call(child, Syscalls.SET_TID_ADDRESS, 0x1234_5678L));
        assertEquals(0x1234_5678L, child.clearChildTid());
        assertEquals(4, child.syscalls(), "every ecall is counted");
    }

    @Test
    void wait4RefusesUnknownOptionsAndAcceptsLinuxsOwn() throws Exception {
        Process parent = k.spawn("parent");
        fork(parent);
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.WAIT4, -1, 0, 4, 0), "WEXITED is waitid's, not wait4's");
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.WAIT4, -1, 0, 0x10, 0));
        assertEquals(0, k.call(parent, Syscalls.WAIT4, -1, 0, (1L << 32) | Wait4Call.WNOHANG, 0),
                "options is an int: WNOHANG, the upper half not looked at");
        long accepted = Wait4Call.WNOHANG | Wait4Call.WUNTRACED | Wait4Call.WCONTINUED | 0x8000_0000L;
        assertEquals(0, k.call(parent, Syscalls.WAIT4, -1, 0, accepted, 0), "__WALL and friends: nothing has ended");
    }

    @Test
    void wait4ForAGivenPidWaitsForThatChildOnly() throws Exception {
        Process parent = k.spawn("parent");
        Process a = fork(parent);
        Process b = fork(parent);
        Process stranger = k.spawn("stranger");
        long wnohang = Wait4Call.WNOHANG;
        assertEquals(-Errno.ECHILD, k.call(parent, Syscalls.WAIT4, stranger.pid(), 0, wnohang, 0), "not a child");
        assertEquals(-Errno.ECHILD, k.call(parent, Syscalls.WAIT4, 9999, 0, wnohang, 0), "no such process");
        assertEquals(-Errno.ECHILD, k.call(a, Syscalls.WAIT4, -1, 0, wnohang, 0), "a has no children");
        k.exit(b, 5);
        assertEquals(0, k.call(parent, Syscalls.WAIT4, a.pid(), 0, wnohang, 0), "b ended, not a");
        long status = k.map(parent, 1);
        assertEquals(b.pid(), k.call(parent, Syscalls.WAIT4, b.pid(), status, 0, 0));
        assertEquals(WaitStatus.exited(5), k.intAt(parent, status));
        assertNull(k.process(b.pid()), "reaped");
        assertEquals(-Errno.ECHILD, k.call(parent, Syscalls.WAIT4, b.pid(), 0, wnohang, 0), "reaped once");
        // pid is an int: the upper half of the register is ignored, as Linux's pid_t argument
        k.exit(a, 256 + 7);
        assertEquals(a.pid(), k.call(parent, Syscalls.WAIT4, (1L << 32) | a.pid(), status, 0, 0));
        assertEquals(7, WaitStatus.exitCode(k.intAt(parent, status)), "exit codes are 8 bits");
    }

    @Test
    void aBlockingWait4SleepsUntilAChildEndsThenReapsIt() throws Exception {
        Process parent = k.spawn("parent");
        Process child = fork(parent);
        long status = k.map(parent, 1);
        k.sleeps(parent, Syscalls.WAIT4, -1, status, 0, 0);
        k.exit(child, 3);
        k.settle();
        assertEquals(ProcessState.RUNNING, parent.state(), "the child's exit woke the parent");
        assertTrue(parent.sched().woken());
        assertEquals(child.pid(), k.call(parent, Syscalls.WAIT4, -1, status, 0, 0), "the restarted call reaps");
        assertEquals(WaitStatus.exited(3), k.intAt(parent, status));
        assertFalse(parent.sched().woken(), "the restart is served");
    }

    @Test
    void wait4ReapsTheChildEvenWhenItsStatusOrRusageCannotBeStored() throws Exception {
        Process parent = k.spawn("parent");
        Process a = fork(parent);
        Process b = fork(parent);
        long rusage = k.map(parent, 1);
        assertTrue(parent.userMemory().write(rusage, filled(144, (byte) 0x5a), 0, 144));
        k.exit(a, 0);
        assertEquals(-Errno.EFAULT, k.call(parent, Syscalls.WAIT4, a.pid(), 0xffff_ffc0_0000_0000L, 0, 0));
        assertNull(k.process(a.pid()), "reaped all the same, as Linux's kernel_wait4");
        k.exit(b, 0);
        assertEquals(-Errno.EFAULT, k.call(parent, Syscalls.WAIT4, b.pid(), 0, 0, 0x8000_0000_0000_0000L));
        assertNull(k.process(b.pid()), "reaped before the rusage store failed");
        Process c = fork(parent);
        k.exit(c, 0);
        assertEquals(c.pid(), k.call(parent, Syscalls.WAIT4, c.pid(), 0, 0, rusage));
        byte[] stored = k.bytes(parent, rusage, 144);
        assertEquals(0, stored[0x10], "ru_stime: none");
        assertTrue(stored[32] != 0x5a && stored[32] != 0, "ru_maxrss: the child's peak resident set, in KiB");
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        Arrays.fill(b, v);
        return b;
    }

    @Test
    void killChecksItsArgumentsAndAppliesDefaultActions() throws Exception {
        Process parent = k.spawn("parent");
        Process child = fork(parent);
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.KILL, child.pid(), 65));
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.KILL, child.pid(), -1));
        assertEquals(-Errno.ESRCH, k.call(parent, Syscalls.KILL, 9999, Signals.SIGTERM));
        assertEquals(-Errno.ESRCH, k.call(parent, Syscalls.KILL, Integer.MIN_VALUE, 0), "INT_MIN names nobody");
        assertEquals(0, k.call(parent, Syscalls.KILL, child.pid(), 0), "signal 0: the target exists");
        assertEquals(0, k.call(parent, Syscalls.KILL, child.pid(), Signals.SIGCHLD), "ignored by default");
        assertEquals(0, k.call(parent, Syscalls.KILL, child.pid(), Signals.SIGCONT), "ignored by default");
        assertEquals(ProcessState.RUNNING, child.state());
        assertEquals(0, k.call(parent, Syscalls.KILL, child.pid(), Signals.SIGTERM));
        assertEquals(ProcessState.ZOMBIE, child.state());
        assertEquals(WaitStatus.signaled(Signals.SIGTERM, false), child.waitStatus());
        assertTrue(child.killReport().contains("killed by SIGTERM: sent by pid " + parent.pid()), child.killReport());
        assertEquals(0, k.call(parent, Syscalls.KILL, child.pid(), Signals.SIGTERM), "a zombie can be signalled");
    }

    @Test
    void killOfEveryoneSparesInitAndTheSenderAndKillingYourselfDoesNotReturn() throws Exception {
        Process init = k.spawn("init");
        Process a = k.spawn("a");
        Process b = fork(a);
        assertEquals(0, k.call(a, Syscalls.KILL, -1, Signals.SIGKILL));
        assertEquals(ProcessState.ZOMBIE, b.state());
        assertEquals(ProcessState.RUNNING, init.state(), "pid 1 is spared");
        assertEquals(ProcessState.RUNNING, a.state(), "the sender is spared");
        assertEquals(1, init.pid());
        KernelBench.Answer self = k.ecall(a, Syscalls.KILL, a.pid(), Signals.SIGKILL);
        assertFalse(self.returned(), "the caller died in its own call: nothing to return to");
        assertEquals(WaitStatus.signaled(Signals.SIGKILL, false), a.waitStatus());
    }

    @Test
    void tkillAndTgkillNameThreadsAndTgkillChecksTheGroup() throws Exception {
        Process parent = k.spawn("parent");
        Process child = fork(parent);
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.TKILL, -child.pid(), Signals.SIGTERM), "never a group");
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.TGKILL, 0, child.pid(), Signals.SIGTERM));
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.TGKILL, child.pid(), 0, Signals.SIGTERM));
        assertEquals(-Errno.ESRCH, k.call(parent, Syscalls.TGKILL, parent.pid(), child.pid(), Signals.SIGTERM),
                "the thread is not in that thread group");
        assertEquals(-Errno.EINVAL, k.call(parent, Syscalls.TKILL, child.pid(), 100));
        assertEquals(0, k.call(parent, Syscalls.TGKILL, child.pid(), child.pid(), Signals.SIGUSR1));
        assertEquals(WaitStatus.signaled(Signals.SIGUSR1, false), child.waitStatus());
        assertFalse(k.ecall(parent, Syscalls.TKILL, parent.pid(), Signals.SIGABRT).returned(), "raise()");
        assertEquals(ProcessState.ZOMBIE, parent.state());
    }

    @Test
    void orphansGoToInitWhichReapsThem() throws Exception {
        Process init = k.spawn("init");
        Process a = fork(init);
        Process b = fork(a);
        k.exit(a, 0);
        assertEquals(1, b.ppid(), "re-parented to pid 1");
        assertEquals(a.pid(), k.call(init, Syscalls.WAIT4, a.pid(), 0, 0, 0));
        k.exit(b, 9);
        long status = k.map(init, 1);
        assertEquals(b.pid(), k.call(init, Syscalls.WAIT4, -1, status, 0, 0));
        assertEquals(9, WaitStatus.exitCode(k.intAt(init, status)));
        Process lonely = k.spawn("lonely");
        Process zombie = fork(lonely);
        k.exit(zombie, 4);
        k.exit(lonely, 0);
        assertNull(k.process(lonely.pid()), "no parent: reaped at once");
        assertSame(zombie, k.process(zombie.pid()), "its unreaped child goes to init");
        assertEquals(1, zombie.ppid());
        assertEquals(zombie.pid(), k.call(init, Syscalls.WAIT4, -1, 0, Wait4Call.WNOHANG, 0));
    }

    @Test
    void withoutInitAnOrphanedZombieIsReapedAtOnce() throws Exception {
        Process first = k.spawn("first");
        Process parent = fork(first);
        k.exit(first, 0);
        assertNull(k.process(first.pid()), "no parent: reaped at once");
        Process child = fork(parent);
        k.exit(child, 0);
        assertEquals(parent.pid(), child.ppid());
        k.exit(parent, 0);
        assertNull(k.process(child.pid()), "pid 1 is gone: nobody would ever reap it");
    }
}
