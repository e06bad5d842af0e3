package osbox.sched.lottery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.StopReason;
import osbox.policy.support.testing.Loop;
import osbox.testkit.sched.FakeContext;
import osbox.testkit.sched.FakeTask;

/** The rules of lottery scheduling: proportions, determinism, tickets, harts. */
class LotteryPolicyTest {
    private static final long Q = 1_000_000;

    /** A lottery policy with default options. */
    private static LotteryPolicy lottery() {
        return (LotteryPolicy) new LotteryProvider().create(Map.of());
    }

    /** Over 100,000 draws with a fixed seed, shares are within 2% of the ticket proportions 1:2:7. */
    @Test
    void sharesFollowTickets() {
        FakeContext c = new FakeContext(1, 2024);
        LotteryPolicy p = lottery();
        Loop.attach(p, c, List.of(new FakeTask(1).tickets(10), new FakeTask(2).tickets(20), new FakeTask(3).tickets(70)));
        Map<Integer, Long> cpu = Loop.run(p, c, 100_000 * Q);
        assertEquals(10_000 * Q, cpu.get(1), 10_000 * Q * 0.02);
        assertEquals(20_000 * Q, cpu.get(2), 20_000 * Q * 0.02);
        assertEquals(70_000 * Q, cpu.get(3), 70_000 * Q * 0.02);
    }

    /** The same seed gives the same winners; another seed other winners. */
    @Test
    void deterministicDraws() {
        assertEquals(draws(7), draws(7));
        assertNotEquals(draws(7), draws(8));
    }

    /** The first 200 winners with a seed. */
    private static List<Integer> draws(long seed) {
        FakeContext c = new FakeContext(1, seed);
        LotteryPolicy p = lottery();
        List<FakeTask> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(new FakeTask(i).tickets(1 + i));
        }
        Loop.attach(p, c, tasks);
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            SchedTask t = p.pick(0);
            winners.add(t.id());
            p.ran(t, Q, StopReason.SLICE_EXPIRED);
            p.enqueue(t, EnqueueReason.PREEMPTED);
        }
        return winners;
    }

    /** Tickets are read at enqueue; below 1 counts as 1. */
    @Test
    void ticketsReadAtEnqueue() {
        FakeContext c = new FakeContext(1, 0);
        LotteryPolicy p = lottery();
        FakeTask a = new FakeTask(1).tickets(5), b = new FakeTask(2).tickets(0);
        Loop.attach(p, c, List.of(a, b));
        assertEquals(6, p.tickets(0));
        SchedTask t = p.pick(0);
        p.ran(t, Q, StopReason.SLICE_EXPIRED);
        ((FakeTask) t).tickets(100);
        p.enqueue(t, EnqueueReason.PREEMPTED);
        assertEquals(t == a ? 101 : 105, p.tickets(0));
        assertEquals(Q, p.slice(t, 0));
    }

    /** A lone task always wins; an empty lottery gives null. */
    @Test
    void loneTaskAndEmpty() {
        FakeContext c = new FakeContext(1, 0);
        LotteryPolicy p = lottery();
        FakeTask a = new FakeTask(1).tickets(1);
        Loop.attach(p, c, List.of(a));
        assertSame(a, p.pick(0));
        assertNull(p.pick(0));
    }

    /** Each hart draws from its own lottery; an idle hart steals from the busiest. */
    @Test
    void twoHarts() {
        FakeContext c = new FakeContext(2, 9);
        LotteryPolicy p = lottery();
        List<FakeTask> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(new FakeTask(i).tickets(1 + i));
        }
        Loop.attach(p, c, tasks);
        assertEquals(1 + 3 + 5, p.tickets(0));
        assertEquals(2 + 4 + 6, p.tickets(1));
        TreeSet<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 6; i++) {
            SchedTask t = p.pick(1);
            assertTrue(seen.add(t.id()), "twice: " + t);
        }
        assertNull(p.pick(1));
        assertNull(p.pick(0));
    }

    /** 100,000 tasks: each is drawn once; dequeued tasks never. */
    @Test
    void hundredThousandTasks() {
        FakeContext c = new FakeContext(1, 3);
        LotteryPolicy p = lottery();
        Loop.attach(p, c, List.of());
        for (int i = 0; i < 100_000; i++) {
            p.enqueue(new FakeTask(i).tickets(1 + i % 100), EnqueueReason.NEW);
        }
        p.dequeue(new FakeTask(5).tickets(1));
        TreeSet<Integer> seen = new TreeSet<>();
        for (SchedTask t; (t = p.pick(0)) != null;) {
            assertTrue(seen.add(t.id()));
        }
        assertEquals(99_999, seen.size());
        assertTrue(!seen.contains(5));
    }
}
