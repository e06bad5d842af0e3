package osbox.sched.lottery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import osbox.api.sched.PolicyContext;
import osbox.testkit.sched.FakeContext;
import osbox.testkit.sched.FakeTask;

/** The Fenwick-tree lottery: ticket ranges, growth, removal, against a linear scan. */
class LotteryQueueTest {
    /** A task with tickets. */
    private static LotteryPolicy.Task task(int id, long tickets) {
        LotteryPolicy.Task t = new LotteryPolicy.Task(new FakeTask(id).tickets(1));
        t.tickets = tickets;
        return t;
    }

    /** Each task owns a contiguous range of tickets in slot order. */
    @Test
    void ticketRanges() {
        LotteryQueue q = new LotteryQueue(new FakeContext(1, 0));
        q.add(task(1, 3));
        q.add(task(2, 1));
        q.add(task(3, 4));
        assertEquals(8, q.totalTickets());
        int[] expected = {0, 0, 0, 1, 2, 2, 2, 2};
        for (int ticket = 0; ticket < 8; ticket++) {
            assertEquals(expected[ticket], q.holder(ticket), "ticket " + ticket);
        }
    }

    /** The scripted draw picks the holder, and removed tasks never win. */
    @Test
    void drawAndRemove() {
        long[] next = {0};
        LotteryQueue q = new LotteryQueue(new PolicyContext() {
            @Override
            public long now() {
                return 0;
            }

            @Override
            public int harts() {
                return 1;
            }

            @Override
            public long random(long bound) {
                return next[0];
            }
        });
        LotteryPolicy.Task a = task(1, 3), b = task(2, 1), c = task(3, 4);
        q.add(a);
        q.add(b);
        q.add(c);
        next[0] = 3;
        assertSame(b, q.poll());
        assertFalse(q.remove(b));
        next[0] = 3;
        assertSame(c, q.poll());
        next[0] = 2;
        assertSame(a, q.poll());
        assertNull(q.poll());
        assertEquals(0, q.totalTickets());
    }

    /** Many adds and removes with growth agree with a linear scan over the live tasks. */
    @Test
    void agreesWithLinearScan() {
        Random r = new Random(42);
        LotteryQueue q = new LotteryQueue(new FakeContext(1, 0));
        List<LotteryPolicy.Task> live = new ArrayList<>();
        for (int step = 0; step < 5000; step++) {
            if (live.isEmpty() || r.nextInt(3) > 0) {
                LotteryPolicy.Task t = task(step, 1 + r.nextInt(50));
                q.add(t);
                live.add(t);
            } else {
                q.remove(live.remove(r.nextInt(live.size())));
            }
            long total = 0;
            for (LotteryPolicy.Task t : live) {
                total += t.tickets;
            }
            assertEquals(total, q.totalTickets());
            long ticket = r.nextLong(total);
            LotteryPolicy.Task byScan = null;
            LotteryPolicy.Task[] bySlot = new LotteryPolicy.Task[5000];
            for (LotteryPolicy.Task t : live) {
                bySlot[t.slot] = t;
            }
            long left = ticket;
            for (LotteryPolicy.Task t : bySlot) {
                if (t != null) {
                    if (left < t.tickets) {
                        byScan = t;
                        break;
                    }
                    left -= t.tickets;
                }
            }
            assertSame(byScan, bySlot[q.holder(ticket)], "step " + step);
        }
        assertEquals(live.size(), q.size());
    }
}
