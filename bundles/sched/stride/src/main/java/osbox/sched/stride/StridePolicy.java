package osbox.sched.stride;

import java.util.Comparator;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.StopReason;
import osbox.policy.support.HartPolicy;
import osbox.policy.support.OrderedQueue;

/**
 * Stride scheduling (Waldspurger): each task has {@code stride = big /
 * tickets} and a pass value; the task with the smallest pass runs (ties by
 * id) and its pass advances by {@code stride * cycles / quantum} (exactly,
 * the remainder carried), so CPU shares are proportional to tickets. A new or
 * woken task starts no lower than the global minimum pass (queued and running
 * tasks on every hart), so a sleeper cannot monopolise the CPU when it comes
 * back. Per-hart trees; enqueue and pick cost O(log n + harts).
 */
final class StridePolicy extends HartPolicy<StridePolicy.Task, OrderedQueue<StridePolicy.Task>> {
    private static final Comparator<Task> ORDER =
            Comparator.<Task>comparingLong(t -> t.pass).thenComparingInt(t -> t.id());

    /** Stride's view of a task. */
    static final class Task extends HartPolicy.Entry {
        long stride;
        long pass;
        /** stride * cycles not yet turned into pass (less than quantum). */
        long remainder;

        Task(SchedTask task) {
            super(task);
        }
    }

    private final long big;
    private final long quantum;
    /** The global minimum pass seen so far; never decreases. */
    private long floor;

    StridePolicy(long big, long quantum) {
        this.big = big;
        this.quantum = quantum;
    }

    /** A fresh stride entry. */
    @Override
    protected Task newEntry(SchedTask task) {
        return new Task(task);
    }

    /** A tree ordered by (pass, id). */
    @Override
    protected OrderedQueue<Task> newQueue(int hart) {
        return new OrderedQueue<>(ORDER);
    }

    /** A task running at attach starts at the global minimum pass. */
    @Override
    protected void onAttachRunning(Task e, int hart) {
        e.stride = strideOf(e.task());
        e.pass = floor;
    }

    /** Sets the stride from the tickets; new tasks start at, woken ones no lower than, the global minimum pass. */
    @Override
    protected void onEnqueue(Task e, EnqueueReason reason, int hart) {
        e.stride = strideOf(e.task());
        if (e.fresh() || reason == EnqueueReason.NEW) {
            e.pass = globalMinPass();
            e.remainder = 0;
        } else if (reason == EnqueueReason.WOKEN) {
            long min = globalMinPass();
            if (e.pass < min) {
                e.pass = min;
                e.remainder = 0;
            }
        }
    }

    /** Advances the pass by stride * cycles / quantum, carrying the remainder. */
    @Override
    protected void onRan(Task e, long cycles, StopReason reason) {
        long whole = cycles / quantum;
        long part = cycles % quantum;
        e.pass = saturatingAdd(e.pass, saturatingMul(whole, e.stride));
        e.remainder += part * e.stride;
        e.pass = saturatingAdd(e.pass, e.remainder / quantum);
        e.remainder %= quantum;
    }

    /** One quantum. */
    @Override
    public long slice(SchedTask task, int hart) {
        return quantum;
    }

    /** big / tickets (tickets below 1 count as 1), at least 1. */
    long strideOf(SchedTask task) {
        return Math.max(1, big / Math.max(1, task.tickets()));
    }

    /** The task's pass (for tests and reports), or -1 if unknown. */
    long passOf(SchedTask task) {
        Task e = known(task);
        return e == null ? -1 : e.pass;
    }

    /** The smallest pass among queued and running tasks of every hart, never below earlier answers. */
    long globalMinPass() {
        long min = Long.MAX_VALUE;
        for (int h = 0; h < harts(); h++) {
            Task first = queue(h).first();
            if (first != null) {
                min = Math.min(min, first.pass);
            }
            Task current = running(h);
            if (current != null) {
                min = Math.min(min, current.pass);
            }
        }
        if (min != Long.MAX_VALUE && min > floor) {
            floor = min;
        }
        return floor;
    }

    /** a * b, clamped to Long.MAX_VALUE (both non-negative). */
    private static long saturatingMul(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    /** a + b, clamped to Long.MAX_VALUE. */
    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
