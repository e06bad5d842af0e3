package osbox.policy.support;

import java.util.TreeMap;
import osbox.api.sched.SchedTask;
import osbox.api.sched.StopReason;

/**
 * Predicts each task's next CPU burst: its declared burst hint when it has
 * one, else an exponential average of its past bursts,
 * {@code tau' = alpha * burst + (1 - alpha) * tau}, starting from the task's
 * last burst when the mechanism knows one, else from {@code initial}. A
 * burst is the CPU time between becoming runnable from sleep (or creation)
 * and blocking; stretches cut by slices or preemption add up.
 */
public final class BurstEstimator {
    /** Per task: the current average and the cycles of the burst in progress. */
    private static final class State {
        double tau;
        long burst;
    }

    private final double alpha;
    private final long initial;
    private final TreeMap<Integer, State> states = new TreeMap<>();

    /** An estimator with weight alpha on the newest burst and a first guess of initial cycles. */
    public BurstEstimator(double alpha, long initial) {
        this.alpha = alpha;
        this.initial = initial;
    }

    /** The predicted length of task's current burst, in cycles. */
    public long predictedBurst(SchedTask task) {
        if (task.burstHint() >= 0) {
            return task.burstHint();
        }
        return Math.round(state(task).tau);
    }

    /** Cycles the task has run in its current burst. */
    public long burstSoFar(SchedTask task) {
        State s = states.get(task.id());
        return s == null ? 0 : s.burst;
    }

    /** Accounts a stretch: adds to the burst; a block ends it and updates the average; exit forgets. */
    public void ran(SchedTask task, long cycles, StopReason reason) {
        State s = state(task);
        s.burst += Math.max(0, cycles);
        if (reason == StopReason.BLOCKED) {
            s.tau = alpha * s.burst + (1 - alpha) * s.tau;
            s.burst = 0;
        } else if (reason == StopReason.EXITED) {
            states.remove(task.id());
        }
    }

    /** Forgets a task (killed). */
    public void forget(SchedTask task) {
        states.remove(task.id());
    }

    /** task's state, created on first sight. */
    private State state(SchedTask task) {
        State s = states.get(task.id());
        if (s == null) {
            s = new State();
            s.tau = task.lastBurst() >= 0 ? task.lastBurst() : initial;
            states.put(task.id(), s);
        }
        return s;
    }
}
