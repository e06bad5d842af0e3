package osbox.sched.lottery;

import java.util.Arrays;
import osbox.api.sched.PolicyContext;
import osbox.policy.support.RunQueue;

/**
 * A hart's lottery: tasks sit in slots of a Fenwick (binary indexed) tree of
 * ticket counts, so adding, removing and drawing a winner cost O(log n).
 * Freed slots are reused last-freed first, and a draw is
 * {@link PolicyContext#random(long)} over the total tickets, so the same calls
 * give the same winners.
 */
final class LotteryQueue implements RunQueue<LotteryPolicy.Task> {
    private final PolicyContext context;
    private LotteryPolicy.Task[] slots = new LotteryPolicy.Task[16];
    /** 1-based Fenwick tree over slots' tickets. */
    private long[] tree = new long[17];
    private int[] free = new int[16];
    private int freeCount;
    private int used;
    private int size;
    private long total;

    LotteryQueue(PolicyContext context) {
        this.context = context;
    }

    /** Puts the task in a free slot with its tickets. */
    @Override
    public void add(LotteryPolicy.Task task) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == slots.length) {
                grow();
            }
            slot = used++;
        }
        slots[slot] = task;
        task.slot = slot;
        update(slot, task.tickets);
        total += task.tickets;
        size++;
    }

    /** Takes the task out of its slot. */
    @Override
    public boolean remove(LotteryPolicy.Task task) {
        int slot = task.slot;
        if (slot < 0 || slot >= used || slots[slot] != task) {
            return false;
        }
        update(slot, -task.tickets);
        total -= task.tickets;
        slots[slot] = null;
        task.slot = -1;
        free[freeCount++] = slot;
        size--;
        return true;
    }

    /** Draws a ticket in [0, total) and removes its holder; null when empty. */
    @Override
    public LotteryPolicy.Task poll() {
        if (size == 0) {
            return null;
        }
        long ticket = Math.floorMod(context.random(total), total);
        LotteryPolicy.Task winner = slots[holder(ticket)];
        remove(winner);
        return winner;
    }

    /** Number of tasks in the lottery. */
    @Override
    public int size() {
        return size;
    }

    /** Sum of the tickets in the lottery. */
    long totalTickets() {
        return total;
    }

    /** The slot whose ticket range holds {@code ticket}: the first slot whose prefix sum exceeds it. */
    int holder(long ticket) {
        int pos = 0;
        for (int step = Integer.highestOneBit(slots.length); step > 0; step >>= 1) {
            int next = pos + step;
            if (next <= slots.length && tree[next] <= ticket) {
                pos = next;
                ticket -= tree[next];
            }
        }
        return pos;
    }

    /** Adds delta to a slot's count in the Fenwick tree. */
    private void update(int slot, long delta) {
        for (int i = slot + 1; i <= slots.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    /** Doubles the capacity and rebuilds the tree in O(n). */
    private void grow() {
        int capacity = slots.length * 2;
        slots = Arrays.copyOf(slots, capacity);
        free = Arrays.copyOf(free, capacity);
        tree = new long[capacity + 1];
        for (int i = 1; i <= capacity; i++) {
            LotteryPolicy.Task t = slots[i - 1];
            tree[i] += t == null ? 0 : t.tickets;
            int parent = i + (i & -i);
            if (parent <= capacity) {
                tree[parent] += tree[i];
            }
        }
    }
}
