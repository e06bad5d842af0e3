package osbox.sched.stride;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The rules of stride scheduling: order, exact proportions, pass accounting, sleeper placement, harts. */
class StridePolicyTest {
    private static final long Q = 1_000_000;
    private final FakeContext context = new FakeContext(1, 1);

    /** A stride policy with default options. */
    private static StridePolicy stride() {
        return (StridePolicy) new StrideProvider().create(Map.of());
    }

    /** Shares are exactly proportional to tickets (1:2:4) over whole periods. */
    @Test
    void exactProportions() {
        StridePolicy p = stride();
        Loop.attach(p, context, List.of(new FakeTask(1).tickets(1), new FakeTask(2).tickets(2), new FakeTask(3).tickets(4)));
        Map<Integer, Long> cpu = Loop.run(p, context, 7_000 * Q);
        assertEquals(1_000 * Q, cpu.get(1));
        assertEquals(2_000 * Q, cpu.get(2));
        assertEquals(4_000 * Q, cpu.get(3));
    }

    /** Smallest pass first, ties by id; the exact pick sequence for tickets 1 and 4. */
    @Test
    void pickSequence() {
        StridePolicy p = stride();
        Loop.attach(p, context, List.of(new FakeTask(2).tickets(4), new FakeTask(1).tickets(1)));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SchedTask t = p.pick(0);
            order.add(t.id());
            p.ran(t, Q, StopReason.SLICE_EXPIRED);
            p.enqueue(t, EnqueueReason.PREEMPTED);
        }
        // strides 2^20 and 2^18: both at 0, 1 goes first (id); 2 runs four times to reach 2^20; tie again
        assertEquals(List.of(1, 2, 2, 2, 2, 1, 2, 2, 2, 2), order);
    }

    /** A partial stretch advances the pass in proportion, with no rounding drift. */
    @Test
    void partialQuantaAreExact() {
        StridePolicy p = stride();
        FakeTask t = new FakeTask(1).tickets(3);
        Loop.attach(p, context, List.of(t));
        assertSame(t, p.pick(0));
        for (int i = 0; i < 1000; i++) {
            p.ran(t, Q / 1000, StopReason.YIELDED);
        }
        assertEquals((1L << 20) / 3, p.passOf(t));
        assertEquals(p.strideOf(t), (1L << 20) / 3);
    }

    /** A sleeper wakes at the global minimum pass, not at its old low pass, and then shares fairly. */
    @Test
    void sleeperCannotMonopolise() {
        StridePolicy p = stride();
        FakeTask sleeper = new FakeTask(1).tickets(1), a = new FakeTask(2).tickets(1), b = new FakeTask(3).tickets(1);
        Loop.attach(p, context, List.of(sleeper, a, b));
        assertSame(sleeper, p.pick(0));
        p.ran(sleeper, Q, StopReason.BLOCKED);
        Loop.run(p, context, 1000 * Q);
        long min = Math.min(p.passOf(a), p.passOf(b));
        assertTrue(min >= 500L << 20, "min pass " + min);
        p.enqueue(sleeper, EnqueueReason.WOKEN);
        assertEquals(min, p.passOf(sleeper));
        Map<Integer, Long> cpu = Loop.run(p, context, 300 * Q);
        assertEquals(100 * Q, cpu.get(1), Q);
        assertEquals(100 * Q, cpu.get(2), Q);
        assertEquals(100 * Q, cpu.get(3), Q);
    }

    /** A new task starts at the global minimum pass. */
    @Test
    void newTaskStartsAtMinimumPass() {
        StridePolicy p = stride();
        FakeTask a = new FakeTask(1).tickets(1), b = new FakeTask(2).tickets(1);
        Loop.attach(p, context, List.of(a, b));
        Loop.run(p, context, 11 * Q);
        FakeTask c = new FakeTask(3).tickets(1);
        p.enqueue(c, EnqueueReason.NEW);
        assertEquals(5L << 20, p.passOf(c));
        assertEquals(Math.min(p.passOf(a), p.passOf(b)), p.passOf(c));
    }

    /** A woken task whose pass is above the minimum keeps it. */
    @Test
    void wokenKeepsHigherPass() {
        StridePolicy p = stride();
        FakeTask a = new FakeTask(1).tickets(1), b = new FakeTask(2).tickets(1);
        Loop.attach(p, context, List.of(a, b));
        assertSame(a, p.pick(0));
        p.ran(a, 3 * Q, StopReason.BLOCKED);
        p.enqueue(a, EnqueueReason.WOKEN);
        assertEquals(3L << 20, p.passOf(a));
        assertSame(b, p.pick(0));
    }

    /** Tickets below 1 count as one. */
    @Test
    void nonPositiveTicketsCountAsOne() {
        StridePolicy p = stride();
        assertEquals(1L << 20, p.strideOf(new FakeTask(1).tickets(0)));
        assertEquals(1L << 20, p.strideOf(new FakeTask(1).tickets(-5)));
        assertEquals(1, p.strideOf(new FakeTask(1).tickets(Integer.MAX_VALUE)));
    }

    /** Two harts: each runs its own tasks, an idle one steals, no task is given twice, shares stay proportional. */
    @Test
    void twoHarts() {
        FakeContext two = new FakeContext(2, 5);
        StridePolicy p = stride();
        List<FakeTask> tasks = List.of(new FakeTask(1).tickets(1), new FakeTask(2).tickets(1),
                new FakeTask(3).tickets(2), new FakeTask(4).tickets(2));
        Loop.attach(p, two, tasks);
        long[] cpu = new long[5];
        for (int round = 0; round < 600; round++) {
            SchedTask[] on = {p.pick(0), p.pick(1)};
            assertTrue(on[0] != null && on[1] != null && on[0].id() != on[1].id());
            for (int h = 0; h < 2; h++) {
                cpu[on[h].id()] += Q;
                ((FakeTask) on[h]).lastHart(h);
                p.ran(on[h], Q, StopReason.SLICE_EXPIRED);
            }
            two.advance(Q);
            for (int h = 0; h < 2; h++) {
                p.enqueue(on[h], EnqueueReason.PREEMPTED);
            }
        }
        // hart 0 got tasks 1 and 3, hart 1 tasks 2 and 4: 1:2 on each
        assertEquals(200 * Q, cpu[1]);
        assertEquals(200 * Q, cpu[2]);
        assertEquals(400 * Q, cpu[3]);
        assertEquals(400 * Q, cpu[4]);
    }

    /** dequeue removes any queued task; 100,000 tasks are each picked once. */
    @Test
    void hundredThousandTasks() {
        StridePolicy p = stride();
        Loop.attach(p, context, List.of());
        for (int i = 0; i < 100_000; i++) {
            p.enqueue(new FakeTask(i).tickets(1 + i % 10), EnqueueReason.NEW);
        }
        p.dequeue(new FakeTask(77).tickets(1));
        TreeSet<Integer> seen = new TreeSet<>();
        for (SchedTask t; (t = p.pick(0)) != null;) {
            assertTrue(seen.add(t.id()));
        }
        assertEquals(99_999, seen.size());
        assertTrue(!seen.contains(77));
        assertNull(p.pick(0));
    }
}
