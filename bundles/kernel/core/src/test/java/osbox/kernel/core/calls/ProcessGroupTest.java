package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.hw.HartContext;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.Timer;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitStatus;
import osbox.api.memory.MemoryManager;
import osbox.kernel.core.KernelCore;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ProcessTable;
import osbox.kernel.core.syscall.KernelCall;

/**
 * Process groups and sessions as Linux keeps them: inherited at fork,
 * setpgid/getpgid/setsid/getsid with their errors, wait4(0) and wait4(-pgid)
 * restricted to the group, kill(0 or -pgid, 0) checking the group exists.
 * The calls run on a kernel over inert hardware; no program runs.
 */
class ProcessGroupTest {
    private KernelCore kernel;
    private ProcessTable table;
    private KernelCall call;

    /** A stand-in answering 0, false or null to everything (a single hart). */
    @SuppressWarnings("unchecked")
    private static <T> T inert(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            Class<?> r = m.getReturnType();
            if (m.getName().equals("hartCount")) {
                return 1;
            }
            if (m.getName().equals("toString")) {
                return "inert " + type.getSimpleName();
            }
            if (r == boolean.class) {
                return false;
            }
            if (r == int.class) {
                return 0;
            }
            if (r == long.class) {
                return 0L;
            }
            return null;
        });
    }

    @BeforeEach
    void setUp() {
        kernel = new KernelCore(inert(Machine.class), inert(Timer.class), inert(InterruptController.class),
                inert(MemoryManager.class), KernelCore.Settings.defaults());
        table = kernel.table();
        call = new KernelCall(kernel);
    }

    private Process spawn(int ppid) {
        Process p = table.create(ppid, "p", List.of("p"), 0);
        p.context = new HartContext();
        return p;
    }

    private long invoke(SyscallHandler h, Process caller, long... args) {
        for (int i = 0; i < args.length; i++) {
            caller.context.x[10 + i] = args[i];
        }
        call.begin(null, caller, 0);
        return h.invoke(call);
    }

    private void exit(Process p) {
        table.zombify(p, WaitStatus.exited(0), null, 0);
    }

    @Test
    void aLaunchedProcessLeadsItsGroupAndChildrenInheritIt() {
        Process init = spawn(0);
        Process child = spawn(init.pid);
        Process grandchild = spawn(child.pid);
        assertEquals(init.pid, init.pgid());
        assertEquals(init.pid, child.pgid());
        assertEquals(init.pid, grandchild.pgid());
        assertEquals(child.sid(), init.sid());
        assertEquals(init.pid, invoke(new GetpgidCall(), child, 0));
        assertEquals(init.pid, invoke(new GetpgidCall(), init, grandchild.pid));
        assertEquals(-Errno.ESRCH, invoke(new GetpgidCall(), init, 999));
        assertEquals(init.sid(), invoke(new GetsidCall(), child, init.pid));
    }

    @Test
    void setpgidFollowsLinuxRules() {
        Process parent = spawn(0);
        Process child = spawn(parent.pid);
        Process other = spawn(0);
        assertEquals(0, invoke(new SetpgidCall(), parent, 0, 0), "already its own group: a no-op");
        assertEquals(0, invoke(new SetpgidCall(), parent, child.pid, 0));
        assertEquals(child.pid, child.pgid());
        assertEquals(0, invoke(new SetpgidCall(), parent, child.pid, parent.pid), "back to the parent's group");
        assertEquals(parent.pid, child.pgid());
        assertEquals(-Errno.EINVAL, invoke(new SetpgidCall(), parent, 0, -5));
        assertEquals(-Errno.ESRCH, invoke(new SetpgidCall(), parent, 999, 0));
        assertEquals(-Errno.ESRCH, invoke(new SetpgidCall(), child, parent.pid, 0), "not the caller's child");
        assertEquals(-Errno.EPERM, invoke(new SetpgidCall(), parent, child.pid, 777), "no such group");
        assertEquals(0, invoke(new SetpgidCall(), parent, 0, other.pid), "a group of the same session");
        assertEquals(other.pid, parent.pgid());
    }

    @Test
    void setsidMakesANewSessionUnlessTheCallerLeadsAGroup() {
        Process parent = spawn(0);
        Process child = spawn(parent.pid);
        assertEquals(-Errno.EPERM, invoke(new SetsidCall(), parent), "a group leader");
        assertEquals(child.pid, invoke(new SetsidCall(), child));
        assertEquals(child.pid, child.sid());
        assertEquals(child.pid, child.pgid());
        assertEquals(child.pid, invoke(new GetsidCall(), parent, child.pid));
        assertEquals(-Errno.EPERM, invoke(new SetpgidCall(), child, 0, 0), "a session leader");
        assertEquals(-Errno.EPERM, invoke(new SetpgidCall(), parent, child.pid, parent.pid),
                "a child in another session");
        Process grandchild = spawn(child.pid);
        assertEquals(child.sid(), grandchild.sid());
        assertEquals(-Errno.EPERM, invoke(new SetpgidCall(), child, grandchild.pid, parent.pid),
                "a group of another session");
    }

    @Test
    void wait4ByGroupSeesOnlyChildrenInTheGroup() {
        Process parent = spawn(0);
        Process a = spawn(parent.pid);
        Process b = spawn(parent.pid);
        assertEquals(0, invoke(new SetpgidCall(), parent, b.pid, 0));
        Wait4Call wait4 = new Wait4Call();
        long wnohang = Wait4Call.WNOHANG;
        assertEquals(-Errno.ECHILD, invoke(wait4, parent, -54321, 0, wnohang, 0));
        assertEquals(-Errno.ECHILD, invoke(wait4, parent, -a.pid, 0, wnohang, 0), "a's group has no member");
        assertEquals(0, invoke(wait4, parent, -b.pid, 0, wnohang, 0), "b runs");
        exit(a);
        assertEquals(0, invoke(wait4, parent, -b.pid, 0, wnohang, 0), "a is not in b's group");
        assertEquals(a.pid, invoke(wait4, parent, 0, 0, wnohang, 0), "a is in the parent's group");
        assertEquals(-Errno.ECHILD, invoke(wait4, parent, 0, 0, wnohang, 0));
        exit(b);
        assertEquals(b.pid, invoke(wait4, parent, -b.pid, 0, wnohang, 0));
        assertEquals(-Errno.ECHILD, invoke(wait4, parent, -1, 0, wnohang, 0));
        assertEquals(-Errno.ESRCH, invoke(wait4, parent, Integer.MIN_VALUE, 0, wnohang, 0));
    }

    @Test
    void killOfAGroupNeedsAMember() {
        Process parent = spawn(0);
        Process child = spawn(parent.pid);
        assertEquals(0, invoke(new SetpgidCall(), parent, child.pid, 0));
        KillCall kill = new KillCall();
        assertEquals(0, invoke(kill, parent, 0, 0), "the caller's group");
        assertEquals(0, invoke(kill, parent, -child.pid, 0));
        assertEquals(0, invoke(kill, parent, -parent.pid, 0));
        assertEquals(-Errno.ESRCH, invoke(kill, parent, -54321, 0));
        assertEquals(-Errno.EINVAL, invoke(new TkillCall(), parent, 0, 0), "tkill names a thread, never a group");
        assertEquals(-Errno.EINVAL, invoke(new TgkillCall(), parent, -1, -1, 0));
    }
}
