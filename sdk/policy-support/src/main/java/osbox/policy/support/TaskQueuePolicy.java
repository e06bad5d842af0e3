package osbox.policy.support;

import java.util.List;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;

/**
 * The part of a scheduling policy with one global queue of tasks in arrival
 * order, shared by every hart (FIFO, round robin): the runnable tasks seed
 * it at attach in order, a killed task leaves it, every hart takes its head,
 * a task that becomes runnable goes to the back (unless a subclass says
 * otherwise in {@link #enqueue}), and a stretch of running changes nothing.
 * A subclass says how long a task runs ({@link #slice}).
 */
public abstract class TaskQueuePolicy implements SchedulingPolicy {
    private final TaskQueue queue = new TaskQueue();

    /** Seeds the queue with the runnable tasks in order. */
    @Override
    public final void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running) {
        for (SchedTask t : runnable) {
            queue.addLast(t);
        }
    }

    /** To the back, whatever the reason; a subclass may put some tasks elsewhere ({@code queue().addFirst}). */
    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        queue.addLast(task);
    }

    /** Forgets a killed task. */
    @Override
    public final void dequeue(SchedTask task) {
        queue.remove(task);
    }

    /** The head of the queue, or null (the hart idles) when it is empty. */
    @Override
    public final SchedTask pick(int hart) {
        return queue.pollFirst();
    }

    /** Nothing to account: the queue order alone decides. */
    @Override
    public final void ran(SchedTask task, long cycles, StopReason reason) {
    }

    /** The queue, head first. */
    protected final TaskQueue queue() {
        return queue;
    }
}
