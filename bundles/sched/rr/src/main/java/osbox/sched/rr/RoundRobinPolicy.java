package osbox.sched.rr;

import java.util.List;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;
import osbox.policy.support.TaskQueue;

/**
 * Round robin: one global queue; each pick gets a fresh quantum; every task
 * that becomes runnable (new, woken, preempted, yielded) goes to the back.
 * On several harts every hart takes the head of the same queue.
 */
public final class RoundRobinPolicy implements SchedulingPolicy {
    private final long quantum;
    private final TaskQueue queue = new TaskQueue();

    /** A policy giving each stretch quantum cycles. */
    public RoundRobinPolicy(long quantum) {
        if (quantum < 1) {
            throw new IllegalArgumentException("quantum must be at least 1, got " + quantum);
        }
        this.quantum = quantum;
    }

    /** Seeds the queue with the runnable tasks in order. */
    @Override
    public void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running) {
        for (SchedTask t : runnable) {
            queue.addLast(t);
        }
    }

    /** To the back, whatever the reason. */
    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        queue.addLast(task);
    }

    /** Forgets a killed task. */
    @Override
    public void dequeue(SchedTask task) {
        queue.remove(task);
    }

    /** The head of the queue. */
    @Override
    public SchedTask pick(int hart) {
        return queue.pollFirst();
    }

    /** One quantum. */
    @Override
    public long slice(SchedTask task, int hart) {
        return quantum;
    }

    /** Nothing to account: every stretch starts a fresh quantum. */
    @Override
    public void ran(SchedTask task, long cycles, StopReason reason) {
    }

    /** The quantum in cycles. */
    public long quantum() {
        return quantum;
    }
}
