package org.example.osbox.wrr;

import java.util.ArrayDeque;
import java.util.List;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;

/**
 * Weighted round robin ("wrr"): tasks take turns as in round robin (one FIFO
 * queue for all harts; a task that becomes runnable goes to the back), but
 * each turn lasts {@code quantum * weight(nice) / 1024} cycles (at least 1),
 * with Linux's nice weights: nice 0 runs one quantum, nice -5 about three,
 * nice 5 about a third. CPU-bound tasks therefore share the CPU in proportion
 * to their weights; a task that blocks early gives up the rest of its turn.
 * Every task is picked within one round, so nobody starves.
 */
public final class WeightedRoundRobinPolicy implements SchedulingPolicy {
    private final long quantum;
    private final ArrayDeque<SchedTask> queue = new ArrayDeque<>();

    /** A policy whose nice-0 turn is {@code quantum} cycles (1 .. {@link WeightedRoundRobinProvider#MAX_QUANTUM}). */
    public WeightedRoundRobinPolicy(long quantum) {
        if (quantum < 1 || quantum > WeightedRoundRobinProvider.MAX_QUANTUM) {
            throw new IllegalArgumentException("quantum must be within [1, "
                    + WeightedRoundRobinProvider.MAX_QUANTUM + "], got " + quantum);
        }
        this.quantum = quantum;
    }

    /** Starts with the tasks runnable now, in the order they became runnable. */
    @Override
    public void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running) {
        queue.addAll(runnable);
    }

    /** To the back, whatever the reason. */
    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        queue.addLast(task);
    }

    /** Forgets a task killed while it waited (same id, same task). */
    @Override
    public void dequeue(SchedTask task) {
        queue.removeIf(t -> t.id() == task.id());
    }

    /** The head of the queue, or null when it is empty. */
    @Override
    public SchedTask pick(int hart) {
        return queue.pollFirst();
    }

    /** The task's turn: the quantum scaled by its weight. */
    @Override
    public long slice(SchedTask task, int hart) {
        return sliceFor(task.nice());
    }

    /** Nothing to account: each turn starts afresh. */
    @Override
    public void ran(SchedTask task, long cycles, StopReason reason) {
    }

    /** The turn, in cycles, of a task with this nice value. */
    public long sliceFor(int nice) {
        return Math.max(1, quantum * NiceWeights.of(nice) / NiceWeights.NICE_0);
    }

    /** The nice-0 turn in cycles. */
    public long quantum() {
        return quantum;
    }
}
