package osbox.sched.fifo;

import java.util.List;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;
import osbox.policy.support.TaskQueue;

/**
 * First come, first served: one global queue in the order tasks became
 * runnable; a picked task runs until it blocks or exits (endless slice, never
 * preempts). A task the mechanism takes off a hart anyway (PREEMPTED) goes
 * back to the front, since it was first; a yielding task goes to the back.
 * On several harts every hart takes the head of the same queue.
 */
public final class FifoPolicy implements SchedulingPolicy {
    private final TaskQueue queue = new TaskQueue();

    /** Seeds the queue with the runnable tasks in order. */
    @Override
    public void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running) {
        for (SchedTask t : runnable) {
            queue.addLast(t);
        }
    }

    /** Back of the queue, except a preempted task, which returns to the front. */
    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        if (reason == EnqueueReason.PREEMPTED) {
            queue.addFirst(task);
        } else {
            queue.addLast(task);
        }
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

    /** Runs until it blocks or exits. */
    @Override
    public long slice(SchedTask task, int hart) {
        return Long.MAX_VALUE;
    }

    /** Nothing to account. */
    @Override
    public void ran(SchedTask task, long cycles, StopReason reason) {
    }
}
