package osbox.kernel.core.waits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.deadlock.DeadlockAction;
import osbox.api.deadlock.DeadlockCycle;
import osbox.api.deadlock.DeadlockPolicy;
import osbox.api.deadlock.DeadlockPolicyProvider;
import osbox.api.kernel.WaitHolder;
import osbox.api.kernel.WaitResource;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.kernel.core.sched.Task;
import osbox.kernel.support.PolicySlot;

/**
 * The deadlock mechanism over the wait-for graph: when a wait begins it
 * asks the graph for a deadlock of that waiter (unless the active policy
 * does not search), and when one closes, asks the policy slot's active
 * {@link DeadlockPolicy} what to do, checks the answer, records the deadlock
 * (the list {@code ipc:deadlocks} shows, a {@link TraceKind#DEADLOCK}
 * event, a log line) and applies the action: leave it (report), refuse one
 * member's wait with EDEADLK (the closing wait: the caller does not sleep;
 * a sleeping member: woken with EDEADLK), or kill one member's process with
 * SIGKILL once the waiter sleeps.
 *
 * <p>The policy is distrusted: one that throws, answers null, or names a
 * thread or process that is not a member is ejected, and the built-in
 * fallback ({@link BuiltinReport}) handles the deadlock. A deadlock found
 * again with the same members while the last one, which was only reported,
 * is still current (a member woke and went back to the same wait) is not
 * reported twice. Simulation thread only.
 *
 * @param <T> the kernel's task
 */
public final class DeadlockDetector<T extends Task & WaitHolder> {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlockDetector.class);
    /** Deadlocks kept for ipc:deadlocks; older ones are dropped (their count stays in {@link #found()}). */
    static final int KEPT = 64;

    /** How the mechanism acts on the kernel: SIGKILL a process, fail a sleeping thread's wait with EDEADLK. */
    public interface Actions<T> {
        /** Kills process pid with SIGKILL (after the closing waiter slept). */
        void kill(int pid);

        /** Wakes t, which sleeps in the graph, with its call answering -EDEADLK. */
        void refuseSleeping(T t);
    }

    private final WaitForGraph<T> graph;
    private final Tracer tracer;
    private final Actions<T> actions;
    private final PolicySlot<DeadlockPolicy, DeadlockPolicyProvider> slot;
    private final List<Deadlock> log = new ArrayList<>();
    private boolean searching = true;
    private int found;
    private int pendingVictim;

    /** A detector over {@code graph}, tracing into tracer, acting through {@code actions}. */
    public DeadlockDetector(WaitForGraph<T> graph, Tracer tracer, Actions<T> actions) {
        this.graph = graph;
        this.tracer = tracer;
        this.actions = actions;
        this.slot = new PolicySlot<>("deadlock", new BuiltinReport(), this::handOver);
    }

    /** A detector that kills with {@code killer} and wakes refused sleepers with {@code refuser}. */
    public DeadlockDetector(WaitForGraph<T> graph, Tracer tracer, IntConsumer killer, Consumer<T> refuser) {
        this(graph, tracer, new Actions<>() {
            @Override
            public void kill(int pid) {
                killer.accept(pid);
            }

            @Override
            public void refuseSleeping(T t) {
                refuser.accept(t);
            }
        });
    }

    /** The policy slot (providers, selection, ejections): kernel-core's PolicyControl of kind deadlock. */
    public PolicySlot<DeadlockPolicy, DeadlockPolicyProvider> slot() {
        return slot;
    }

    /** Chooses the policy by name with options at a safe point (see {@link PolicySlot#select}). */
    public boolean select(String name, Map<String, String> options) {
        return slot.select(name, options);
    }

    /** The active policy's name ({@code builtin}: the fallback, which reports). */
    public String policyName() {
        return slot.activeName();
    }

    /** Whether deadlocks are looked for (false under a policy such as none). */
    public boolean searching() {
        return searching;
    }

    /** The graph (its edges). */
    public WaitForGraph<T> graph() {
        return graph;
    }

    /**
     * waiter is about to sleep for resource on hart at cycle now: adds its
     * edge and looks for a deadlock. Returns false when the wait is refused
     * (the policy refused the closing wait: the edge is gone, the caller must
     * not sleep and answers EDEADLK); true when it may sleep. A kill is done
     * by {@link #afterSleep}, once the waiter sleeps.
     */
    public boolean waitBegins(T waiter, WaitResource resource, int hart, long now) {
        graph.begin(waiter, resource, now);
        if (!searching) {
            return true;
        }
        Deadlock d = graph.detect(waiter, found + 1, now);
        if (d == null || isRepeat(d)) {
            return true;
        }
        found++;
        DeadlockAction action = decide(d, now);
        String text = describe(d, action);
        d = d.withAction(text, action.kind() == DeadlockAction.Kind.REPORT);
        log.add(d);
        if (log.size() > KEPT) {
            log.remove(0);
        }
        LOG.info("deadlock {}: {} ({})", d.number(), d.cycleText(), text);
        tracer.record(TraceKind.DEADLOCK, hart, waiter.pid(), d.number(), d.members().size(),
                "deadlock " + d.number() + ": " + d.cycleText() + " (" + text + ")");
        switch (action.kind()) {
            case REFUSE -> {
                if (action.target() == waiter.tid()) {
                    graph.end(waiter);
                    return false;
                }
                actions.refuseSleeping(graph.waiter(action.target()));
            }
            case KILL -> pendingVictim = action.target();
            default -> {
            }
        }
        return true;
    }

    /** After the waiter went to sleep: kills the victim a policy chose, if any. */
    public void afterSleep() {
        if (pendingVictim != 0) {
            int victim = pendingVictim;
            pendingVictim = 0;
            actions.kill(victim);
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

    // The active policy's action for d, checked: a throw, null or a target outside d ejects the policy and
    // the fallback decides.
    private DeadlockAction decide(Deadlock d, long now) {
        DeadlockCycle view = d.view();
        DeadlockPolicy p = slot.active();
        DeadlockAction a = slot.guard("decide", () -> p.decide(view), null, why -> eject(now, why));
        if (slot.active() != p) {
            return slot.active().decide(view);
        }
        String wrong = a == null ? "decide answered null" : invalid(a, view);
        if (wrong == null) {
            return a;
        }
        if (slot.isFallback()) {
            LOG.error("the built-in deadlock policy failed: {}", wrong);
            return DeadlockAction.report();
        }
        eject(now, wrong);
        return slot.active().decide(view);
    }

    // Why action a is not acceptable for view, or null when it names a member (or nobody, for a report).
    private static String invalid(DeadlockAction a, DeadlockCycle view) {
        return switch (a.kind()) {
            case REPORT -> null;
            case REFUSE -> view.member(a.target()) != null ? null
                    : "decide named tid " + a.target() + " to refuse, which is not in the deadlock";
            case KILL -> view.hasProcess(a.target()) ? null
                    : "decide named pid " + a.target() + " to kill, which is not in the deadlock";
        };
    }

    // Ejects the active policy (not the fallback); the built-in one reports from now on.
    private void eject(long now, String why) {
        tracer.record(TraceKind.NOTE, -1, 0, now, 0, "deadlock policy " + slot.activeName() + " ejected: " + why);
        slot.eject(now, why);
    }

    // The action as the report says it: "reported", "refused pid N's wait with EDEADLK", "killed pid N ...".
    private static String describe(Deadlock d, DeadlockAction a) {
        String why = a.why().isEmpty() ? "" : " (" + a.why() + ")";
        return switch (a.kind()) {
            case REPORT -> "reported";
            case REFUSE -> "refused " + Deadlock.who(d.member(a.target())).replaceFirst(" \\(.*", "")
                    + "'s wait with EDEADLK" + why;
            case KILL -> "killed pid " + a.target() + " with SIGKILL" + why;
        };
    }

    // The same members as the last deadlock found, which was only reported and is current but for the
    // waiter going back to sleep.
    private boolean isRepeat(Deadlock d) {
        if (log.isEmpty()) {
            return false;
        }
        Deadlock last = log.get(log.size() - 1);
        return last.reportedOnly() && last.sameAs(d) && isCurrent(last);
    }

    // A new active policy: whether it searches (a policy that throws there is ejected).
    private void handOver(DeadlockPolicy from, DeadlockPolicy to) {
        tracer.record(TraceKind.NOTE, -1, 0, slot.swaps(), 0, "deadlock policy " + slot.activeName());
        searching = slot.guard("searches", to::searches, true, why -> slot.eject(0, why));
    }
}
