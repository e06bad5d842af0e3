package osbox.sched.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The rules of priority scheduling: order, round robin, preemption, aging, harts. */
class PriorityPolicyTest {
    private static final long Q = 1_000_000;
    private static final long AGING = 10_000_000;
    private final FakeContext context = new FakeContext(1, 1);

    /** A priority policy with the given options. */
    private static PriorityPolicy priority(Map<String, String> options) {
        return (PriorityPolicy) new PriorityProvider().create(options);
    }

    /** Most important (lowest number) first. */
    @Test
    void mostImportantFirst() {
        PriorityPolicy p = priority(Map.of());
        Loop.attach(p, context, List.of(new FakeTask(1).priority(2), new FakeTask(2).priority(0), new FakeTask(3).priority(1)));
        assertEquals(2, p.pick(0).id());
        assertEquals(3, p.pick(0).id());
        assertEquals(1, p.pick(0).id());
        assertNull(p.pick(0));
    }

    /** Equal priorities take turns, one quantum each. */
    @Test
    void roundRobinAmongEquals() {
        PriorityPolicy p = priority(Map.of());
        Loop.attach(p, context, List.of(new FakeTask(1).priority(1), new FakeTask(2).priority(1), new FakeTask(3).priority(1)));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SchedTask t = p.pick(0);
            order.add(t.id());
            assertEquals(Q, p.slice(t, 0));
            context.advance(Q);
            p.ran(t, Q, StopReason.SLICE_EXPIRED);
            p.enqueue(t, EnqueueReason.PREEMPTED);
        }
        assertEquals(List.of(1, 2, 3, 1, 2, 3), order);
    }

    /** A more important task enqueued preempts; an equal or less important one does not. */
    @Test
    void moreImportantPreempts() {
        PriorityPolicy p = priority(Map.of());
        FakeTask running = new FakeTask(1).priority(3);
        Loop.attach(p, context, List.of(running));
        assertSame(running, p.pick(0));
        p.enqueue(new FakeTask(2).priority(5), EnqueueReason.WOKEN);
        assertFalse(p.shouldPreempt(running, 0));
        p.enqueue(new FakeTask(3).priority(3), EnqueueReason.WOKEN);
        assertFalse(p.shouldPreempt(running, 0));
        p.enqueue(new FakeTask(4).priority(1), EnqueueReason.WOKEN);
        assertTrue(p.shouldPreempt(running, 0));
        context.advance(10);
        p.ran(running, 10, StopReason.PREEMPTED);
        p.enqueue(running, EnqueueReason.PREEMPTED);
        assertEquals(4, p.pick(0).id());
    }

    /** Aging: a starved low-priority task improves by one per 10,000,000 cycles of waiting and runs. */
    @Test
    void agingLetsStarvedTaskRun() {
        PriorityPolicy p = priority(Map.of());
        FakeTask hog = new FakeTask(1).priority(0), low = new FakeTask(2).priority(3);
        Loop.attach(p, context, List.of(hog, low));
        List<Long> lowRuns = new ArrayList<>();
        while (context.now() < 200_000_000L) {
            SchedTask t = p.pick(0);
            if (t == low) {
                lowRuns.add(context.now());
            }
            context.advance(Q);
            p.ran(t, Q, StopReason.SLICE_EXPIRED);
            p.enqueue(t, EnqueueReason.PREEMPTED);
        }
        // low waits 3 aging periods to reach priority 0, then wins the tie (it waited longer); aging resets after it runs
        assertEquals(30_000_000L, lowRuns.get(0));
        assertEquals(61_000_000L, lowRuns.get(1));
        assertEquals(6, lowRuns.size());
    }

    /** With aging off, a low-priority task starves behind a CPU-bound important one. */
    @Test
    void noAgingStarves() {
        PriorityPolicy p = priority(Map.of("aging", "0"));
        FakeTask hog = new FakeTask(1).priority(0), low = new FakeTask(2).priority(1);
        Loop.attach(p, context, List.of(hog, low));
        Map<Integer, Long> cpu = Loop.run(p, context, 500_000_000L);
        assertEquals(500_000_000L, cpu.get(1));
        assertNull(cpu.get(2));
        assertEquals(Long.MAX_VALUE, p.tickPeriod());
    }

    /** The periodic check preempts the running task once a waiting one has aged past it. */
    @Test
    void agedTaskPreemptsAtTick() {
        PriorityPolicy p = priority(Map.of("quantum", "1000000000"));
        FakeTask running = new FakeTask(1).priority(2), waiting = new FakeTask(2).priority(4);
        Loop.attach(p, context, List.of(running, waiting));
        assertEquals(AGING, p.tickPeriod());
        assertSame(running, p.pick(0));
        context.now(2 * AGING);
        assertEquals(2, p.effectivePriority(waiting));
        assertFalse(p.shouldPreempt(running, 0), "equal: no preemption");
        context.now(3 * AGING);
        assertEquals(1, p.effectivePriority(waiting));
        assertTrue(p.shouldPreempt(running, 0));
    }

    /** Running resets aging: a re-enqueued task starts from its static priority. */
    @Test
    void runningResetsAging() {
        PriorityPolicy p = priority(Map.of());
        FakeTask t = new FakeTask(1).priority(5);
        Loop.attach(p, context, List.of(t));
        context.now(4 * AGING);
        assertEquals(1, p.effectivePriority(t));
        assertSame(t, p.pick(0));
        p.ran(t, 10, StopReason.BLOCKED);
        p.enqueue(t, EnqueueReason.WOKEN);
        assertEquals(5, p.effectivePriority(t));
    }

    /** On two harts, each hart's preemption check looks at its own queue; an idle hart steals. */
    @Test
    void twoHarts() {
        FakeContext two = new FakeContext(2, 0);
        PriorityPolicy p = priority(Map.of());
        FakeTask a = new FakeTask(1).priority(4), b = new FakeTask(2).priority(4);
        Loop.attach(p, two, List.of(a, b));
        assertSame(a, p.pick(0));
        assertSame(b, p.pick(1));
        FakeTask urgent = new FakeTask(3).priority(0);
        urgent.lastHart(1);
        p.enqueue(urgent, EnqueueReason.WOKEN);
        assertFalse(p.shouldPreempt(a, 0));
        assertTrue(p.shouldPreempt(b, 1));
        p.ran(a, 5, StopReason.BLOCKED);
        assertSame(urgent, p.pick(0), "idle hart 0 steals from hart 1");
        assertNull(p.pick(0));
    }

    /** 100,000 tasks come out in priority order, FIFO within a priority. */
    @Test
    void hundredThousandTasks() {
        PriorityPolicy p = priority(Map.of());
        Loop.attach(p, context, List.of());
        for (int i = 0; i < 100_000; i++) {
            p.enqueue(new FakeTask(i).priority(i % 40), EnqueueReason.NEW);
        }
        p.dequeue(new FakeTask(40));
        int lastPriority = -1, lastId = -1;
        TreeSet<Integer> seen = new TreeSet<>();
        for (SchedTask t; (t = p.pick(0)) != null;) {
            assertTrue(seen.add(t.id()));
            assertTrue(t.priority() > lastPriority || (t.priority() == lastPriority && t.id() > lastId));
            lastPriority = t.priority();
            lastId = t.id();
        }
        assertEquals(99_999, seen.size());
    }
}
