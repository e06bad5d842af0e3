package osbox.sched.fifo;

import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.policy.support.TaskQueuePolicy;

/**
 * First come, first served: one global queue in the order tasks became
 * runnable; a picked task runs until it blocks or exits (endless slice, never
 * preempts). A task the mechanism takes off a hart anyway (PREEMPTED) goes
 * back to the front, since it was first; a yielding task goes to the back.
 * On several harts every hart takes the head of the same queue.
 */
public final class FifoPolicy extends TaskQueuePolicy {
    /** Back of the queue, except a preempted task, which returns to the front. */
    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        if (reason == EnqueueReason.PREEMPTED) {
            queue().addFirst(task);
        } else {
            queue().addLast(task);
        }
    }

    /** Runs until it blocks or exits. */
    @Override
    public long slice(SchedTask task, int hart) {
        return Long.MAX_VALUE;
    }
}
