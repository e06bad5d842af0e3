package osbox.sched.rr;

import osbox.api.sched.SchedTask;
import osbox.policy.support.TaskQueuePolicy;

/**
 * Round robin: one global queue; each pick gets a fresh quantum; every task
 * that becomes runnable (new, woken, preempted, yielded) goes to the back.
 * On several harts every hart takes the head of the same queue.
 */
public final class RoundRobinPolicy extends TaskQueuePolicy {
    private final long quantum;

    /** A policy giving each stretch quantum cycles. */
    public RoundRobinPolicy(long quantum) {
        if (quantum < 1) {
            throw new IllegalArgumentException("quantum must be at least 1, got " + quantum);
        }
        this.quantum = quantum;
    }

    /** One quantum: every stretch starts a fresh one. */
    @Override
    public long slice(SchedTask task, int hart) {
        return quantum;
    }

    /** The quantum in cycles. */
    public long quantum() {
        return quantum;
    }
}
