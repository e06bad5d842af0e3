package ${package};

import java.util.ArrayDeque;
import java.util.List;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;

/**
 * The "${policyName}" policy: round robin. One queue for all harts; a task
 * that becomes runnable (new, woken, preempted, yielded) goes to the back;
 * each pick runs for one quantum.
 *
 * <p>A policy only decides; the kernel's dispatcher does the rest and calls
 * these methods on its one simulation thread. Replace the body with your own
 * rules and keep the contract tests passing.
 */
public final class RoundRobinPolicy implements SchedulingPolicy {
    private final long quantum;
    private final ArrayDeque<SchedTask> queue = new ArrayDeque<>();

    /** A policy giving each stretch {@code quantum} cycles (at least 1). */
    public RoundRobinPolicy(long quantum) {
        if (quantum < 1) {
            throw new IllegalArgumentException("quantum must be at least 1, got " + quantum);
        }
        this.quantum = quantum;
    }

    /** Starts with the tasks that are runnable now, in the order they became runnable. */
    @Override
    public void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running) {
        queue.addAll(runnable);
    }

    /** To the back, whatever the reason. */
    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        queue.addLast(task);
    }

    /** Forgets a task killed while it waited (tasks are the same when their ids are). */
    @Override
    public void dequeue(SchedTask task) {
        queue.removeIf(t -> t.id() == task.id());
    }

    /** The head of the queue, or null (the hart idles) when it is empty. */
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
