package osbox.kernel.core.proc;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.WaitStatus;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.kernel.core.strace.SigInfo;

/**
 * Signals, with their default actions only (no handlers yet): kill(2)'s
 * choice of targets, and the killing of a process by a signal (the report
 * users see, the trace, the termination). Simulation thread only.
 */
public final class SignalDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(SignalDelivery.class);

    private final ProcessTable table;
    private final ExitWait exits;
    private final Tracer tracer;
    private long killed;

    /** Delivers signals to processes of {@code table}, which {@code exits} terminates. */
    public SignalDelivery(ProcessTable table, ExitWait exits, Tracer tracer) {
        this.table = table;
        this.exits = exits;
        this.tracer = tracer;
    }

    /**
     * kill: sends signal sig to process pid from {@code sender}, with the
     * default action: terminate, or nothing for signals whose default is to
     * ignore or stop. sig 0 only checks the target exists. pid is an int:
     * &gt; 0 that process; 0 every process in the sender's process group;
     * -1 every process but 1 and the sender; &lt; -1 every process in group
     * -pid. Returns 0 or a negative errno (ESRCH, EINVAL). The sender may
     * be among the killed: the caller checks its state afterwards.
     */
    public long send(Process sender, long pid, long sig) {
        if (sig < 0 || sig > 64) {
            return -Errno.EINVAL;
        }
        List<Process> targets = targets(sender, (int) pid);
        if (targets.isEmpty()) {
            return -Errno.ESRCH;
        }
        if (sig == 0) {
            return 0;
        }
        for (Process t : targets) {
            if (t.state() != ProcessState.ZOMBIE && SignalDefaults.terminates((int) sig)) {
                StraceHooks.signalDelivered(t, (int) sig, SigInfo.SI_USER, sender.pid());
                kill(t, (int) sig, "sent by pid " + sender.pid(), 0);
            }
        }
        return 0;
    }

    // kill(2)'s targets for pid, the sender last (so the others are signalled before it may end).
    private List<Process> targets(Process sender, int pid) {
        List<Process> targets = new ArrayList<>();
        if (pid > 0) {
            Process t = table.get(pid);
            if (t != null) {
                targets.add(t);
            }
        } else if (pid == -1) {
            for (Process t : table.all()) {
                if (t.pid() != 1 && t != sender) {
                    targets.add(t);
                }
            }
        } else if (pid != Integer.MIN_VALUE) {
            int group = pid == 0 ? sender.pgid() : -pid;
            boolean self = false;
            for (Process t : table.all()) {
                if (t.pgid() == group) {
                    if (t == sender) {
                        self = true;
                    } else {
                        targets.add(t);
                    }
                }
            }
            if (self) {
                targets.add(sender);
            }
        }
        return targets;
    }

    /**
     * Kills p with signal sig (its default action: terminate), logging and
     * tracing why (and the faulting address, or 0). The caller checked p is
     * not a zombie.
     */
    public void kill(Process p, int sig, String why, long addr) {
        String report = String.format("pid %d (%s) killed by %s: %s", p.pid(), p.name(), Signals.name(sig), why);
        // the launcher and shell show the report to the user; the log keeps it for --verbose
        LOG.info(report);
        killed++;
        tracer.record(TraceKind.PROCESS_KILL, p.sched().hart(), p.pid(), sig, addr, why);
        // no core dumps (as with the usual ulimit -c 0): the status carries the signal alone
        exits.terminate(p, WaitStatus.signaled(sig, false), report);
    }

    /** Processes killed by a signal since boot. */
    public long killed() {
        return killed;
    }
}
