package osbox.kernel.core.proc;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitStatus;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.kernel.core.sched.Dispatcher;

/**
 * How a process ends and how its parent learns it (xv6's exit and wait):
 * the one way to terminate a process (off the CPU, memory and descriptors
 * freed, children re-parented, the parent woken, exit listeners told), and
 * wait4's search and reaping. Simulation thread only.
 */
public final class ExitWait {
    private static final Logger LOG = LoggerFactory.getLogger(ExitWait.class);

    private final ProcessTable table;
    private final Dispatcher<Process> dispatcher;
    private final Tracer tracer;
    private final CopyOnWriteArrayList<Consumer<ProcessView>> exitListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<ProcessView>> threadExitListeners = new CopyOnWriteArrayList<>();
    private ParentNotice parentNotice = (parent, child, status) -> false;
    private ThreadEnd threadEnd = ImageRelease.CLEAR_TID_ONLY;

    /** How a parent learns that a child ended (SIGCHLD); answers whether the child is reaped at once. */
    @FunctionalInterface
    public interface ParentNotice {
        /** Child ended with wait status {@code status}; true when its parent lets it be reaped at once. */
        boolean childExited(Process parent, Process child, int status);
    }
    private BiConsumer<Process, Integer> parentDeathSignal = (child, sig) -> { };

    /** Ends processes of {@code table}, taking them off {@code dispatcher}'s harts; traces to {@code tracer}. */
    public ExitWait(ProcessTable table, Dispatcher<Process> dispatcher, Tracer tracer) {
        this.table = table;
        this.dispatcher = dispatcher;
        this.tracer = tracer;
    }

    /** Tells {@code notice} of every child that ends (signals: SIGCHLD, SA_NOCLDWAIT). */
    public void setParentNotice(ParentNotice notice) {
        parentNotice = notice;
    }

    /** How a thread's futex state is released when it ends (the kernel wires the futex mechanism). */
    public void setThreadEnd(ThreadEnd end) {
        threadEnd = end;
    }

    /** The release the kernel wired (ForkExec calls it at execve). */
    ThreadEnd threadEnd() {
        return threadEnd;
    }

    /** exit_group: the calling thread's process ends with exit code {@code code}, every thread of it. */
    public void exit(Process p, int code) {
        terminate(p, WaitStatus.exited(code), null);
    }

    /**
     * exit: the calling thread ends with exit code {@code code}. The process
     * ends with its last thread: with the status exit_group or a fatal
     * signal gave, or else its leader's exit code (Linux's rule: a leader
     * that ended first stays a zombie until then, and its code counts).
     */
    public void exitThread(Process p, int code) {
        ThreadGroup g = p.group();
        if (p.isLeader()) {
            g.leaderExitStatus = WaitStatus.exited(code);
        }
        if (g.liveCount() <= 1) {
            int status = g.groupExitStatus >= 0 ? g.groupExitStatus : p.isLeader() ? WaitStatus.exited(code)
                    : g.leaderExitStatus;
            terminate(p, status, g.groupKillReport);
            return;
        }
        endThread(p, WaitStatus.exited(code));
    }

    /**
     * Ends p's whole process with wait status {@code status} (and the kill
     * report, or null): every other thread first, then p, the last, makes
     * the process a zombie: off the CPU, memory and descriptors freed,
     * children re-parented to pid 1 (or reaped at once when there is no
     * init), the parent woken; reaped at once itself if it has no parent.
     * The caller checked p is not a zombie already.
     */
    public void terminate(Process p, int status, String report) {
        ThreadGroup g = p.group();
        if (g.groupExitStatus < 0) {
            g.groupExitStatus = status;
            g.groupKillReport = report;
        }
        for (Process t : g.liveThreads()) {
            if (t != p) {
                endThread(t, status);
            }
        }
        endProcess(p, g.groupExitStatus, g.groupKillReport);
    }

    // One thread of a process that goes on ends: off the CPU, its futexes released, a zombie; a thread
    // other than the leader is forgotten at once (threads reap themselves), the leader stays until the last.
    private void endThread(Process t, int status) {
        dispatcher.retire(t);
        t.signals().leave();
        t.group().endedThreadsUsage = t.group().endedThreadsUsage.plus(Rusage.of(t, dispatcher.cpuUsed(t)));
        if (t.pollWait() != null) {
            t.pollWait().unwatchAll();
        }
        ImageRelease.release(t, table, threadEnd);
        table.zombify(t, status, null, dispatcher.now());
        tracer.record(TraceKind.NOTE, -1, t.tid(), status, 0, "thread " + t.tid() + " of pid " + t.pid() + " exits");
        tell(threadExitListeners, t);
        if (!t.isLeader()) {
            table.remove(t);
        }
    }

    // The last thread p of its process ends: the process becomes a zombie (its leader carries the status).
    private void endProcess(Process last, int status, String report) {
        ThreadGroup g = last.group();
        dispatcher.retire(last);
        Process p = g.leader;
        g.exitUsage = Rusage.of(last, dispatcher.cpuUsed(last)).plus(g.endedThreadsUsage).plus(g.childrenUsage);
        g.files.closeAll();
        if (last.pollWait() != null) {
            last.pollWait().unwatchAll();
        }
        ImageRelease.release(last, table, threadEnd);
        g.space.destroy();
        if (last != p) {
            table.zombify(last, status, null, dispatcher.now());
            table.remove(last);
        }
        table.zombify(p, status, report, dispatcher.now());
        tell(threadExitListeners, last);
        StraceHooks.exited(p, status); // before the listeners: a run ends when they hear of its last exit
        tracer.record(TraceKind.PROCESS_EXIT, -1, p.pid(), status, 0);
        Process init = table.get(1);
        int heir = init != null && init.group() != g && init.state() != ProcessState.ZOMBIE ? 1 : 0;
        List<Process> deathSignalled = new ArrayList<>();
        for (Process c : table.processes()) {
            if (c.ppid() == p.pid() && c.group() != g) {
                if (c.pdeathSig() != 0 && c.state() != ProcessState.ZOMBIE) {
                    deathSignalled.add(c);
                }
                c.setParent(heir);
                if (heir == 0 && c.state() == ProcessState.ZOMBIE && c.group().liveCount() == 0) {
                    table.remove(c);
                } else if (heir == 1 && c.state() == ProcessState.ZOMBIE && init.childWait() != null) {
                    init.childWait().wakeAll();
                }
            }
        }
        tell(exitListeners, p);
        Process parent = p.ppid() == 0 ? null : table.get(p.ppid());
        if (parent == null) {
            table.remove(p);
        } else {
            // the parent's wait4 wakes first, so it reaps the child before a SIGCHLD handler runs (as on Linux,
            // where do_wait finds the zombie first); then SIGCHLD, and a parent that ignores it (or set
            // SA_NOCLDWAIT) does not keep the zombie
            wakeParent(parent);
            if (parentNotice.childExited(parent, p, status)) {
                table.remove(p);
            }
        }
        // prctl(PR_SET_PDEATHSIG): each orphan that asked gets its signal, once p is gone
        for (Process c : deathSignalled) {
            if (c.state() != ProcessState.ZOMBIE) {
                parentDeathSignal.accept(c, c.pdeathSig());
            }
        }
    }

    // Tells listeners (reports, the launcher) that p ended: the process it leads (exitListeners) or the
    // thread (threadExitListeners).
    private static void tell(List<Consumer<ProcessView>> listeners, Process p) {
        for (Consumer<ProcessView> l : listeners) {
            try {
                l.accept(p);
            } catch (RuntimeException e) {
                LOG.error("exit listener failed", e);
            }
        }
    }

    /**
     * execve from thread p (Linux's de_thread): every other thread of its
     * process ends (quietly: the process goes on), and p, if it did not
     * lead, takes the pid as its tid.
     */
    void killOtherThreads(Process p) {
        ThreadGroup g = p.group();
        for (Process t : g.liveThreads()) {
            if (t != p) {
                endThread(t, WaitStatus.signaled(9, false));
            }
        }
        if (!p.isLeader()) {
            table.takeLeadership(p);
        }
    }

    /** Wakes parent if it sleeps in wait4 (a child ended, stopped or continued). */
    public void wakeParent(Process parent) {
        if (parent.childWait() != null) {
            parent.childWait().wakeAll();
        }
    }

    /**
     * How an orphan is sent the signal it asked for with PR_SET_PDEATHSIG
     * when its parent ends (the kernel wires signal delivery here, which is
     * built after this part).
     */
    public void setParentDeathSignal(BiConsumer<Process, Integer> send) {
        parentDeathSignal = send;
    }

    /**
     * wait4 for process p, as Linux's kernel_wait4: pid is an int; -1 means
     * any child, 0 any child in p's process group, &lt; -1 any child in
     * group -pid, &gt; 0 that child. Reaps a zombie child that matches, then
     * stores its status at statusAddr (if not 0): a failed store answers
     * -EFAULT but the child is reaped all the same. Returns its pid; 0 with
     * WNOHANG when none has exited; -ECHILD when p has no such child; -ESRCH
     * for INT_MIN; or puts p to sleep through {@code call} until a child
     * ends and answers {@link SyscallHandler#RESTART}. With
     * {@code untraced} a child stopped since it was last waited for is
     * reported (status 0x7f | sig &lt;&lt; 8), with {@code continued} one
     * continued (0xffff); neither is reaped. The caller checked the options.
     */
    public long waitChild(SyscallContext call, Process p, long pid, long statusAddr, boolean noHang) {
        return waitChild(call, p, pid, statusAddr, noHang, false, false, null);
    }

    /**
     * wait4 with WUNTRACED and WCONTINUED: see
     * {@link #waitChild(SyscallContext, Process, long, long, boolean)}; when
     * a child is reaped and {@code usage} is not null, usage[0] is set to
     * what that child and its reaped descendants used (wait4's rusage).
     */
    public long waitChild(SyscallContext call, Process p, long pid, long statusAddr, boolean noHang,
            boolean untraced, boolean continued, Rusage[] usage) {
        int upid = (int) pid;
        if (upid == Integer.MIN_VALUE) {
            return -Errno.ESRCH;
        }
        int group = upid == 0 ? p.pgid() : upid < -1 ? -upid : 0;
        Process zombie = null;
        boolean any = false;
        for (Process c : table.processes()) {
            if (c.ppid() != p.pid() || (upid > 0 && c.pid() != upid) || (group != 0 && c.pgid() != group)) {
                continue;
            }
            any = true;
            if (c.state() == ProcessState.ZOMBIE && c.group().liveCount() == 0) {
                zombie = c;
                break;
            }
            SignalState cs = c.signals();
            if (untraced && cs.shared.stopReport != 0) {
                int report = 0x7f | cs.shared.stopReport << 8;
                cs.shared.stopReport = 0;
                return reportOnly(p, c, statusAddr, report);
            }
            if (continued && cs.shared.continuedReport) {
                cs.shared.continuedReport = false;
                return reportOnly(p, c, statusAddr, 0xffff);
            }
        }
        if (!any) {
            return -Errno.ECHILD;
        }
        if (zombie == null) {
            if (noHang) {
                return 0;
            }
            if (p.childWait() == null) {
                p.setChildWait(dispatcher.newWaitQueue("wait4 of pid " + p.pid()));
            }
            return call.waitFor(p.childWait(), new ChildExit(table, p.pid(), upid > 0 ? upid : 0, group));
        }
        table.remove(zombie);
        p.addChildUsage(zombie.exitUsage());
        if (usage != null) {
            usage[0] = zombie.exitUsage();
        }
        if (statusAddr != 0 && !p.userMemory().writeInt(statusAddr, zombie.waitStatus())) {
            return -Errno.EFAULT;
        }
        return zombie.pid();
    }

    // A stopped or continued child's report: stored, the child left as it is.
    private static long reportOnly(Process p, Process c, long statusAddr, int status) {
        if (statusAddr != 0 && !p.userMemory().writeInt(statusAddr, status)) {
            return -Errno.EFAULT;
        }
        return c.pid();
    }

    /** Adds a listener told of every process that ends, after it became a zombie (ProcessManager). */
    public void addExitListener(Consumer<ProcessView> listener) {
        exitListeners.addIfAbsent(listener);
    }

    /** Removes an exit listener. */
    public void removeExitListener(Consumer<ProcessView> listener) {
        exitListeners.remove(listener);
    }

    /** Adds a listener told of every thread that ends, the last of its process too (ProcessManager). */
    public void addThreadExitListener(Consumer<ProcessView> listener) {
        threadExitListeners.addIfAbsent(listener);
    }

    /** Removes a thread exit listener. */
    public void removeThreadExitListener(Consumer<ProcessView> listener) {
        threadExitListeners.remove(listener);
    }
}
