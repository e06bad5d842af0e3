package osbox.sched.stcf;

import java.util.List;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;
import osbox.policy.support.BurstEstimator;
import osbox.policy.support.RankedQueue;

/**
 * Shortest time to completion first (SRTF), preemptive: a task's remaining
 * time is {@code lengthHint - runtime} when its length is declared, else
 * what is left of its predicted burst ({@link BurstEstimator}). Picks the
 * least remaining (ties: first runnable first) and preempts a running task
 * when a waiting one has strictly less left. On several harts: one global
 * queue; only the running task with the most left is preempted, and none
 * while a hart is idle (the idle hart takes the newcomer).
 */
public final class StcfPolicy implements SchedulingPolicy {
    private final BurstEstimator estimator;
    private final RankedQueue queue = new RankedQueue();
    private PolicyContext context;
    private SchedTask[] running = new SchedTask[0];
    private long[] pickedAt = new long[0];
    private long[] runtimeAtPick = new long[0];

    /** A policy averaging bursts with weight alpha, first guess initial cycles (for tasks without a length). */
    public StcfPolicy(double alpha, long initial) {
        this.estimator = new BurstEstimator(alpha, initial);
    }

    /** Seeds the queue and learns what runs where. */
    @Override
    public void attach(PolicyContext ctx, List<SchedTask> runnable, SchedTask[] runningNow) {
        this.context = ctx;
        int harts = ctx.harts();
        running = new SchedTask[harts];
        pickedAt = new long[harts];
        runtimeAtPick = new long[harts];
        for (int h = 0; h < harts && h < runningNow.length; h++) {
            if (runningNow[h] != null) {
                started(runningNow[h], h);
            }
        }
        for (SchedTask t : runnable) {
            enqueue(t, EnqueueReason.NEW);
        }
    }

    /** Queues task by its remaining time. */
    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        queue.add(task, remaining(task, task.runtime()));
    }

    /** Forgets a killed task. */
    @Override
    public void dequeue(SchedTask task) {
        queue.remove(task);
        estimator.forget(task);
    }

    /** The task with the least time left. */
    @Override
    public SchedTask pick(int hart) {
        SchedTask t = queue.pollFirst();
        if (t != null) {
            started(t, hart);
        }
        return t;
    }

    /** Until it blocks, exits or is preempted. */
    @Override
    public long slice(SchedTask task, int hart) {
        return Long.MAX_VALUE;
    }

    /** Preempts when a waiting task has less left than this one, and this one has the most left of all running. */
    @Override
    public boolean shouldPreempt(SchedTask task, int hart) {
        long best = queue.bestRank();
        if (best == Long.MAX_VALUE && queue.isEmpty()) {
            return false;
        }
        long mine = runningRemaining(task, hart);
        if (best >= mine) {
            return false;
        }
        for (int h = 0; h < running.length; h++) {
            if (running[h] == null) {
                return false;
            }
            if (h != hart && runningRemaining(running[h], h) > mine) {
                return false;
            }
        }
        return true;
    }

    /** Accounts the stretch; the hart is free again. */
    @Override
    public void ran(SchedTask task, long cycles, StopReason reason) {
        for (int h = 0; h < running.length; h++) {
            if (running[h] != null && running[h].id() == task.id()) {
                running[h] = null;
            }
        }
        estimator.ran(task, cycles, reason);
    }

    /** Time task has left after running ran cycles in total (hint, else predicted burst). */
    public long remaining(SchedTask task, long ran) {
        if (task.lengthHint() >= 0) {
            return Math.max(0, task.lengthHint() - ran);
        }
        long burstDone = estimator.burstSoFar(task) + Math.max(0, ran - task.runtime());
        return Math.max(0, estimator.predictedBurst(task) - burstDone);
    }

    /** Remembers that task started on hart now. */
    private void started(SchedTask task, int hart) {
        running[hart] = task;
        pickedAt[hart] = context.now();
        runtimeAtPick[hart] = task.runtime();
    }

    /** Time left of the task running on hart, whether or not the mechanism has updated its runtime yet. */
    private long runningRemaining(SchedTask task, int hart) {
        long ran = task.runtime();
        if (running[hart] != null && running[hart].id() == task.id()) {
            ran = Math.max(ran, runtimeAtPick[hart] + (context.now() - pickedAt[hart]));
        }
        return remaining(task, ran);
    }
}
