package osbox.sched.lottery;

import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.StopReason;
import osbox.policy.support.HartPolicy;

/**
 * Lottery scheduling (Waldspurger): each pick draws a ticket with the
 * context's deterministic random source; a task holding k of the N queued
 * tickets of its hart wins with probability k/N, and runs one quantum.
 * Tickets are read from {@link SchedTask#tickets()} when the task is enqueued
 * (below 1 counts as 1). Per-hart Fenwick trees make enqueue and pick
 * O(log n + harts).
 */
final class LotteryPolicy extends HartPolicy<LotteryPolicy.Task, LotteryQueue> {
    /** The lottery's view of a task. */
    static final class Task extends HartPolicy.Entry {
        /** Tickets while queued. */
        long tickets = 1;
        /** Slot in its hart's lottery, or -1. */
        int slot = -1;

        Task(SchedTask task) {
            super(task);
        }
    }

    private final long quantum;

    LotteryPolicy(long quantum) {
        this.quantum = quantum;
    }

    /** A fresh entry. */
    @Override
    protected Task newEntry(SchedTask task) {
        return new Task(task);
    }

    /** A lottery drawing from the attached context. */
    @Override
    protected LotteryQueue newQueue(int hart) {
        return new LotteryQueue(context());
    }

    /** Reads the tickets. */
    @Override
    protected void onEnqueue(Task e, EnqueueReason reason, int hart) {
        e.tickets = Math.max(1, e.task().tickets());
    }

    /** Nothing to account: each draw is independent. */
    @Override
    protected void onRan(Task e, long cycles, StopReason reason) {
    }

    /** One quantum. */
    @Override
    public long slice(SchedTask task, int hart) {
        return quantum;
    }

    /** Total tickets queued on a hart (for tests and reports). */
    long tickets(int hart) {
        return queue(hart).totalTickets();
    }
}
