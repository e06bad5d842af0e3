package osbox.sched.priority;

import java.util.Comparator;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.StopReason;
import osbox.policy.support.HartPolicy;
import osbox.policy.support.OrderedQueue;

/**
 * Preemptive static priorities with aging. A task's priority comes from
 * {@link SchedTask#priority()} (0 most important); while it waits, its
 * effective priority improves by 1 every {@code aging} cycles, and the
 * improvement is dropped when it runs (it is re-enqueued with its static
 * priority). Equal effective priorities share the hart round robin, one
 * {@code quantum} each. A queued task whose effective priority is better than
 * the running task's preempts it (checked on enqueue and every {@code aging}
 * cycles).
 *
 * <p>Aging needs no periodic pass over the queue: at time t a task that has
 * waited since s has effective priority {@code p - floor((t - s) / aging) =
 * ceil((p * aging + s - t) / aging)}, which grows with the fixed key
 * {@code p * aging + s}. Ordering the tree by (key, enqueue sequence) is
 * therefore ordering by effective priority at every instant, and enqueue,
 * pick and the preemption check stay O(log n + harts). With aging 0 the key is
 * the static priority.
 */
final class PriorityPolicy extends HartPolicy<PriorityPolicy.Task, OrderedQueue<PriorityPolicy.Task>> {
    private static final Comparator<Task> ORDER =
            Comparator.<Task>comparingLong(t -> t.key).thenComparingLong(t -> t.seq);

    /** The priority policy's view of a task. */
    static final class Task extends HartPolicy.Entry {
        /** Static priority when enqueued. */
        int priority;
        /** When it started waiting. */
        long since;
        /** priority * aging + since (or priority when aging is off). */
        long key;
        /** Enqueue order, for round robin among equals. */
        long seq;

        Task(SchedTask task) {
            super(task);
        }
    }

    private final long quantum;
    private final long aging;
    private long sequence;

    PriorityPolicy(long quantum, long aging) {
        this.quantum = quantum;
        this.aging = aging;
    }

    /** A fresh entry. */
    @Override
    protected Task newEntry(SchedTask task) {
        return new Task(task);
    }

    /** A tree ordered by (aging key, enqueue sequence). */
    @Override
    protected OrderedQueue<Task> newQueue(int hart) {
        return new OrderedQueue<>(ORDER);
    }

    /** Starts the wait: static priority, now, the key, and the next sequence number. */
    @Override
    protected void onEnqueue(Task e, EnqueueReason reason, int hart) {
        e.priority = e.task().priority();
        e.since = now();
        e.key = aging == 0 ? e.priority : saturatingAdd(saturatingMul(e.priority, aging), e.since);
        e.seq = sequence++;
    }

    /** Nothing to account: running resets aging, which the next enqueue does. */
    @Override
    protected void onRan(Task e, long cycles, StopReason reason) {
    }

    /** One quantum. */
    @Override
    public long slice(SchedTask task, int hart) {
        return quantum;
    }

    /** True when this hart's best queued task is now more important than the running one. */
    @Override
    public boolean shouldPreempt(SchedTask running, int hart) {
        if (hart < 0 || hart >= harts()) {
            return false;
        }
        Task best = queue(hart).first();
        return best != null && effectivePriority(best, now()) < running.priority();
    }

    /** Every {@code aging} cycles, so an aged task can preempt; never when aging is off. */
    @Override
    public long tickPeriod() {
        return aging == 0 ? Long.MAX_VALUE : aging;
    }

    /** The queued task's effective priority at {@code time}. */
    long effectivePriority(Task e, long time) {
        if (aging == 0) {
            return e.priority;
        }
        return e.priority - Math.max(0, time - e.since) / aging;
    }

    /** A known queued task's effective priority now (for tests and reports); its static priority otherwise. */
    long effectivePriority(SchedTask task) {
        Task e = known(task);
        return e == null || e.queuedOn() < 0 ? task.priority() : effectivePriority(e, now());
    }

    /** a * b, clamped to the long range. */
    private static long saturatingMul(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return (a < 0) == (b < 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /** a + b, clamped to the long range. */
    private static long saturatingAdd(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
