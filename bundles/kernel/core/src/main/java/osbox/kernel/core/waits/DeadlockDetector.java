package osbox.kernel.core.waits;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.kernel.WaitHolder;
import osbox.api.kernel.WaitResource;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.kernel.core.sched.Task;

/**
 * The detection policy over the wait-for graph: when a wait begins it asks
 * the graph for a deadlock of that waiter (unless the mode is
 * {@link DeadlockMode#NONE}), and when one closes, records it (the list
 * {@code ipc:deadlocks} shows, a {@link TraceKind#DEADLOCK} event, a log
 * line) and applies the mode: leave it ({@code REPORT}), refuse the wait
 * that closed it with EDEADLK ({@code BREAK}) or kill the youngest member
 * ({@code KILL}). A deadlock found again with the same members while the
 * last one is still current (a member woke and went back to the same wait)
 * is not reported twice. Simulation thread only.
 *
 * @param <T> the kernel's task
 */
public final class DeadlockDetector<T extends Task & WaitHolder> {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlockDetector.class);
    /** Deadlocks kept for ipc:deadlocks; older ones are dropped (their count stays in {@link #found()}). */
    static final int KEPT = 64;

    private final WaitForGraph<T> graph;
    private final Tracer tracer;
    private final IntConsumer killer;
    private final List<Deadlock> log = new ArrayList<>();
    private DeadlockMode mode = DeadlockMode.REPORT;
    private int found;
    private int pendingVictim;

    /** A detector over {@code graph}, tracing into tracer, killing a victim pid with {@code killer} (SIGKILL). */
    public DeadlockDetector(WaitForGraph<T> graph, Tracer tracer, IntConsumer killer) {
        this.graph = graph;
        this.tracer = tracer;
        this.killer = killer;
    }

    /** The mode now. */
    public DeadlockMode mode() {
        return mode;
    }

    /** Chooses the mode (at a safe point: between calls). */
    public void setMode(DeadlockMode m) {
        mode = m;
    }

    /** The graph (its edges). */
    public WaitForGraph<T> graph() {
        return graph;
    }

    /**
     * waiter is about to sleep for resource on hart at cycle now: adds its
     * edge and looks for a deadlock. Returns false when the wait is refused
     * (mode BREAK and it closed a deadlock: the edge is gone, the caller must
     * not sleep and answers EDEADLK); true when it may sleep. In mode KILL
     * the victim is killed by {@link #afterSleep}, once the waiter sleeps.
     */
    public boolean waitBegins(T waiter, WaitResource resource, int hart, long now) {
        graph.begin(waiter, resource, now);
        if (mode == DeadlockMode.NONE) {
            return true;
        }
        Deadlock d = graph.detect(waiter, found + 1, now);
        if (d == null || isRepeat(d)) {
            return true;
        }
        found++;
        String action = switch (mode) {
            case BREAK -> "refused pid " + waiter.pid() + "'s wait with EDEADLK";
            case KILL -> "killed pid " + youngest(d) + " (the youngest) with SIGKILL";
            default -> "reported";
        };
        d = d.withAction(action);
        log.add(d);
        if (log.size() > KEPT) {
            log.remove(0);
        }
        String text = "deadlock " + d.number() + ": " + d.cycleText() + " (" + action + ")";
        LOG.info(text);
        tracer.record(TraceKind.DEADLOCK, hart, waiter.pid(), d.number(), d.members().size(), text);
        if (mode == DeadlockMode.BREAK) {
            graph.end(waiter);
            return false;
        }
        if (mode == DeadlockMode.KILL) {
            pendingVictim = youngest(d);
        }
        return true;
    }

    /** After the waiter went to sleep: kills the victim a KILL found, if any. */
    public void afterSleep() {
        if (pendingVictim != 0) {
            int victim = pendingVictim;
            pendingVictim = 0;
            killer.accept(victim);
        }
    }

    /** A task's sleep ended (the dispatcher's hook): its edge goes. */
    public void waitEnds(T t) {
        graph.end(t);
    }

    /** The deadlocks found (the last {@value #KEPT}), oldest first. */
    public List<Deadlock> deadlocks() {
        return List.copyOf(log);
    }

    /** How many deadlocks were found since boot. */
    public int found() {
        return found;
    }

    /** Whether d is current: every member still waits for what it waited for. */
    public boolean isCurrent(Deadlock d) {
        for (Deadlock.Member m : d.members()) {
            if (!m.waitsFor().equals(graph.waitingFor(m.tid()))) {
                return false;
            }
        }
        return true;
    }

    // The same members as the last deadlock found, which is current but for the waiter going back to sleep.
    private boolean isRepeat(Deadlock d) {
        if (log.isEmpty() || mode == DeadlockMode.BREAK) {
            return false;
        }
        Deadlock last = log.get(log.size() - 1);
        return last.sameAs(d) && isCurrent(last);
    }

    // The highest pid among the members: the youngest process.
    private static int youngest(Deadlock d) {
        int pid = 0;
        for (Deadlock.Member m : d.members()) {
            pid = Math.max(pid, m.pid());
        }
        return pid;
    }
}
