package osbox.kernel.core.sched;

import java.util.ArrayDeque;
import java.util.List;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;

/**
 * The kernel's own policy: one global FIFO run queue and a fixed quantum.
 * It runs when no other policy is chosen, between a policy bundle's stop and
 * its successor's start, and after an ejection. Trusted kernel code.
 */
public final class BuiltinRoundRobin implements SchedulingPolicy {
    private final long quantum;
    private final ArrayDeque<SchedTask> queue = new ArrayDeque<>();

    public BuiltinRoundRobin(long quantum) {
        this.quantum = quantum;
    }

    @Override
    public void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running) {
        queue.clear();
        queue.addAll(runnable);
    }

    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        queue.add(task);
    }

    @Override
    public void dequeue(SchedTask task) {
        queue.remove(task);
    }

    @Override
    public SchedTask pick(int hart) {
        return queue.poll();
    }

    @Override
    public long slice(SchedTask task, int hart) {
        return quantum;
    }

    @Override
    public void ran(SchedTask task, long cycles, StopReason reason) {
    }
}
