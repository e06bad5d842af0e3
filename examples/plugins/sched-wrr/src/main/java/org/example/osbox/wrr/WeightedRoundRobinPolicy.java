package org.example.osbox.wrr;

import osbox.api.sched.SchedTask;
import osbox.policy.support.NiceWeights;
import osbox.policy.support.TaskQueuePolicy;

/**
 * Weighted round robin ("wrr"): tasks take turns as in round robin (one FIFO
 * queue for all harts; a task that becomes runnable goes to the back), but
 * each turn lasts {@code quantum * weight(nice) / 1024} cycles (at least 1),
 * with Linux's nice weights: nice 0 runs one quantum, nice -5 about three,
 * nice 5 about a third. CPU-bound tasks therefore share the CPU in proportion
 * to their weights; a task that blocks early gives up the rest of its turn.
 * Every task is picked within one round, so nobody starves.
 *
 * <p>The SDK's {@link TaskQueuePolicy} keeps the queue (seeding it at attach,
 * a runnable task to the back, a killed task forgotten, every hart given its
 * head); this class says only how long a turn is.
 */
public final class WeightedRoundRobinPolicy extends TaskQueuePolicy {
    private final long quantum;

    /** A policy whose nice-0 turn is {@code quantum} cycles (1 .. {@link WeightedRoundRobinProvider#MAX_QUANTUM}). */
    public WeightedRoundRobinPolicy(long quantum) {
        if (quantum < 1 || quantum > WeightedRoundRobinProvider.MAX_QUANTUM) {
            throw new IllegalArgumentException("quantum must be within [1, "
                    + WeightedRoundRobinProvider.MAX_QUANTUM + "], got " + quantum);
        }
        this.quantum = quantum;
    }

    /** The task's turn: the quantum scaled by its weight. */
    @Override
    public long slice(SchedTask task, int hart) {
        return sliceFor(task.nice());
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
