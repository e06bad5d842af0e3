package osbox.sched.sjf;

import java.util.List;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;
import osbox.policy.support.BurstEstimator;
import osbox.policy.support.RankedQueue;

/**
 * Shortest job first, non-preemptive: picks the runnable task with the
 * shortest predicted next burst (its burst hint, else the exponential
 * average of its past bursts; see {@link BurstEstimator}); ties go to the
 * task that became runnable first. The picked task runs until it blocks or
 * exits. One global queue for every hart.
 */
public final class SjfPolicy implements SchedulingPolicy {
    private final BurstEstimator estimator;
    private final RankedQueue queue = new RankedQueue();

    /** A policy averaging bursts with weight alpha, first guess initial cycles. */
    public SjfPolicy(double alpha, long initial) {
        this.estimator = new BurstEstimator(alpha, initial);
    }

    /** Seeds the queue with the runnable tasks in order. */
    @Override
    public void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running) {
        for (SchedTask t : runnable) {
            enqueue(t, EnqueueReason.NEW);
        }
    }

    /** Queues task by what is left of its predicted burst. */
    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        long left = Math.max(0, estimator.predictedBurst(task) - estimator.burstSoFar(task));
        queue.add(task, left);
    }

    /** Forgets a killed task. */
    @Override
    public void dequeue(SchedTask task) {
        queue.remove(task);
        estimator.forget(task);
    }

    /** The task with the shortest predicted burst. */
    @Override
    public SchedTask pick(int hart) {
        return queue.pollFirst();
    }

    /** Until it blocks or exits. */
    @Override
    public long slice(SchedTask task, int hart) {
        return Long.MAX_VALUE;
    }

    /** Accounts the stretch into the task's burst estimate. */
    @Override
    public void ran(SchedTask task, long cycles, StopReason reason) {
        estimator.ran(task, cycles, reason);
    }

    /** The predicted next burst of task (for tests and listings). */
    public long predictedBurst(SchedTask task) {
        return estimator.predictedBurst(task);
    }
}
