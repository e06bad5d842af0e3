package osbox.sched.cfs;

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

/** The rules of CFS on one hart: order, accounting, slices, placement, preemption, fairness. */
class CfsPolicyTest {
    private final FakeContext context = new FakeContext(1, 1);

    /** A CFS policy with default options. */
    private static CfsPolicy cfs() {
        return (CfsPolicy) new CfsProvider().create(Map.of());
    }

    /** Equal vruntimes are picked in id order; the task that ran goes behind. */
    @Test
    void smallestVruntimeFirstTiesById() {
        CfsPolicy p = cfs();
        FakeTask a = new FakeTask(3), b = new FakeTask(1), c = new FakeTask(2);
        Loop.attach(p, context, List.of(a, b, c));
        assertSame(b, p.pick(0));
        p.ran(b, 1000, StopReason.SLICE_EXPIRED);
        p.enqueue(b, EnqueueReason.PREEMPTED);
        assertSame(c, p.pick(0));
        p.ran(c, 10, StopReason.SLICE_EXPIRED);
        p.enqueue(c, EnqueueReason.PREEMPTED);
        assertSame(a, p.pick(0));
        p.ran(a, 5000, StopReason.SLICE_EXPIRED);
        p.enqueue(a, EnqueueReason.PREEMPTED);
        assertSame(c, p.pick(0));
        assertSame(b, p.pick(0));
        assertSame(a, p.pick(0));
        assertNull(p.pick(0));
    }

    /** vruntime grows by cycles * 1024 / weight, carrying remainders exactly. */
    @Test
    void vruntimeScaledByWeight() {
        CfsPolicy p = cfs();
        FakeTask zero = new FakeTask(1), five = new FakeTask(2).nice(5);
        Loop.attach(p, context, List.of(zero, five));
        assertSame(zero, p.pick(0));
        p.ran(zero, 2048, StopReason.BLOCKED);
        assertEquals(2048, p.vruntimeOf(zero));
        assertSame(five, p.pick(0));
        for (int i = 0; i < 335; i++) {
            p.ran(five, 1, StopReason.YIELDED);
        }
        assertEquals(1024, p.vruntimeOf(five));
    }

    /** slice = max(min-granularity, latency * weight / total weight). */
    @Test
    void slicesFromLatency() {
        CfsPolicy p = cfs();
        FakeTask a = new FakeTask(1), b = new FakeTask(2), c = new FakeTask(3).nice(5);
        Loop.attach(p, context, List.of(a, b, c));
        SchedTask t = p.pick(0);
        assertEquals(6_000_000L * 1024 / (1024 + 1024 + 335), p.slice(t, 0));
        List<FakeTask> many = new ArrayList<>();
        for (int i = 10; i < 30; i++) {
            many.add(new FakeTask(i));
        }
        CfsPolicy q = cfs();
        Loop.attach(q, context, many);
        assertEquals(750_000, q.slice(q.pick(0), 0));
        CfsPolicy alone = cfs();
        Loop.attach(alone, context, List.of(new FakeTask(1)));
        assertEquals(6_000_000, alone.slice(alone.pick(0), 0));
    }

    /** Over a long run, nice 0 and nice 5 share the CPU in the ratio of their weights (1024:335). */
    @Test
    void cpuSharesFollowWeights() {
        CfsPolicy p = cfs();
        FakeTask zero = new FakeTask(1), five = new FakeTask(2).nice(5);
        Loop.attach(p, context, List.of(zero, five));
        Map<Integer, Long> cpu = Loop.run(p, context, 3_000_000_000L);
        double ratio = (double) cpu.get(1) / cpu.get(2);
        assertEquals(1024.0 / 335, ratio, 1024.0 / 335 * 0.01, "ratio " + ratio);
    }

    /** Three nice-0 tasks get equal shares, and each runs once per latency period. */
    @Test
    void equalNiceEqualShares() {
        CfsPolicy p = cfs();
        Loop.attach(p, context, List.of(new FakeTask(1), new FakeTask(2), new FakeTask(3)));
        Map<Integer, Long> cpu = Loop.run(p, context, 600_000_000L);
        assertEquals(200_000_000L, cpu.get(1), 2_000_000);
        assertEquals(200_000_000L, cpu.get(2), 2_000_000);
        assertEquals(200_000_000L, cpu.get(3), 2_000_000);
    }

    /** A long sleeper wakes at min_vruntime - latency/2, not at its old, tiny vruntime. */
    @Test
    void wakeupPlacement() {
        CfsPolicy p = cfs();
        FakeTask sleeper = new FakeTask(1), worker = new FakeTask(2);
        Loop.attach(p, context, List.of(sleeper, worker));
        assertSame(sleeper, p.pick(0));
        p.ran(sleeper, 1000, StopReason.BLOCKED);
        Loop.run(p, context, 100_000_000L);
        long min = p.minVruntime(0);
        assertTrue(min > 90_000_000L, "min_vruntime " + min);
        p.enqueue(sleeper, EnqueueReason.WOKEN);
        assertEquals(min - 3_000_000, p.vruntimeOf(sleeper));
        FakeTask fresh = new FakeTask(3);
        p.enqueue(fresh, EnqueueReason.NEW);
        assertEquals(p.minVruntime(0), p.vruntimeOf(fresh));
    }

    /** A briefly blocked task keeps its own vruntime when it is above min_vruntime - latency/2. */
    @Test
    void shortSleeperKeepsVruntime() {
        CfsPolicy p = cfs();
        FakeTask a = new FakeTask(1), b = new FakeTask(2);
        Loop.attach(p, context, List.of(a, b));
        assertSame(a, p.pick(0));
        p.ran(a, 4_000_000, StopReason.BLOCKED);
        assertSame(b, p.pick(0));
        p.ran(b, 1_000_000, StopReason.SLICE_EXPIRED);
        p.enqueue(b, EnqueueReason.PREEMPTED);
        p.enqueue(a, EnqueueReason.WOKEN);
        assertEquals(4_000_000, p.vruntimeOf(a));
        assertSame(b, p.pick(0));
    }

    /** A woken task preempts only when it trails the running task by more than wakeup-granularity. */
    @Test
    void wakeupPreemption() {
        CfsPolicy p = cfs();
        FakeTask sleeper = new FakeTask(1), runner = new FakeTask(2);
        Loop.attach(p, context, List.of(sleeper, runner));
        assertSame(sleeper, p.pick(0));
        p.ran(sleeper, 100, StopReason.BLOCKED);
        assertSame(runner, p.pick(0));
        context.advance(500_000);
        p.ran(runner, 500_000, StopReason.SLICE_EXPIRED);
        p.enqueue(runner, EnqueueReason.PREEMPTED);
        assertSame(runner, p.pick(0));
        context.advance(500_000);
        // runner: 1,000,000 of vruntime by now; the woken sleeper keeps its 100
        p.enqueue(sleeper, EnqueueReason.WOKEN);
        assertEquals(100, p.vruntimeOf(sleeper));
        assertFalse(p.shouldPreempt(runner, 0), "trails by 999,900 only");
        context.advance(1_000);
        assertTrue(p.shouldPreempt(runner, 0), "trails by 1,000,900");
    }

    /** A yielding task goes behind every queued task. */
    @Test
    void yieldGoesBehind() {
        CfsPolicy p = cfs();
        FakeTask a = new FakeTask(1), b = new FakeTask(2), c = new FakeTask(3);
        Loop.attach(p, context, List.of(a, b, c));
        assertSame(a, p.pick(0));
        p.ran(a, 10, StopReason.YIELDED);
        p.enqueue(a, EnqueueReason.YIELDED);
        assertSame(b, p.pick(0));
        assertSame(c, p.pick(0));
        assertSame(a, p.pick(0));
    }

    /** dequeue takes any queued task out; it is never picked. */
    @Test
    void dequeueAnyQueuedTask() {
        CfsPolicy p = cfs();
        List<FakeTask> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(new FakeTask(i));
        }
        Loop.attach(p, context, tasks);
        p.dequeue(tasks.get(5));
        p.dequeue(tasks.get(0));
        p.dequeue(tasks.get(9));
        TreeSet<Integer> picked = new TreeSet<>();
        for (SchedTask t; (t = p.pick(0)) != null;) {
            assertTrue(picked.add(t.id()), "picked twice: " + t);
        }
        assertEquals(new TreeSet<>(List.of(1, 2, 3, 4, 6, 7, 8)), picked);
    }

    /** A task enqueued twice is queued once. */
    @Test
    void doubleEnqueueQueuesOnce() {
        CfsPolicy p = cfs();
        FakeTask a = new FakeTask(1);
        Loop.attach(p, context, List.of());
        p.enqueue(a, EnqueueReason.NEW);
        p.enqueue(a, EnqueueReason.WOKEN);
        assertSame(a, p.pick(0));
        assertNull(p.pick(0));
    }

    /** Tasks running when the policy attached are accounted when they report. */
    @Test
    void attachWithRunningTasks() {
        CfsPolicy p = cfs();
        FakeTask running = new FakeTask(1), waiting = new FakeTask(2);
        p.attach(context, List.of(waiting), new SchedTask[] {running});
        p.ran(running, 2_000_000, StopReason.SLICE_EXPIRED);
        p.enqueue(running, EnqueueReason.PREEMPTED);
        assertSame(waiting, p.pick(0));
        assertSame(running, p.pick(0));
    }

    /** The same calls give the same picks. */
    @Test
    void deterministic() {
        assertEquals(trace(), trace());
    }

    /** The pick sequence of a mixed workload. */
    private static List<Integer> trace() {
        FakeContext c = new FakeContext(1, 7);
        CfsPolicy p = cfs();
        List<FakeTask> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(new FakeTask(i).nice(i % 7 - 3));
        }
        Loop.attach(p, c, tasks);
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            SchedTask t = p.pick(0);
            picks.add(t.id());
            long run = p.slice(t, 0) / (1 + i % 3);
            c.advance(run);
            p.ran(t, run, i % 5 == 0 ? StopReason.BLOCKED : StopReason.SLICE_EXPIRED);
            p.enqueue(t, i % 5 == 0 ? EnqueueReason.WOKEN : EnqueueReason.PREEMPTED);
        }
        return picks;
    }

    /** 100,000 runnable tasks: every one is picked exactly once, in vruntime order. */
    @Test
    void hundredThousandTasks() {
        CfsPolicy p = cfs();
        Loop.attach(p, context, List.of());
        for (int i = 0; i < 100_000; i++) {
            p.enqueue(new FakeTask(i), EnqueueReason.NEW);
        }
        for (int i = 0; i < 100_000; i++) {
            SchedTask t = p.pick(0);
            assertEquals(i, t.id());
            p.ran(t, 1000, StopReason.SLICE_EXPIRED);
            p.enqueue(t, EnqueueReason.PREEMPTED);
        }
        assertEquals(0, p.pick(0).id());
    }

    /** An exited task is forgotten; a killed queued task too. */
    @Test
    void exitedAndKilledTasksAreForgotten() {
        CfsPolicy p = cfs();
        FakeTask a = new FakeTask(1), b = new FakeTask(2);
        Loop.attach(p, context, List.of(a, b));
        assertEquals(2, p.knownTasks());
        p.ran(p.pick(0), 10, StopReason.EXITED);
        assertEquals(1, p.knownTasks());
        p.dequeue(b);
        assertEquals(0, p.knownTasks());
        assertEquals(-1, p.vruntimeOf(a));
    }

    /** A mechanism that enqueues before reporting ran still gets correct accounting and order. */
    @Test
    void ranAfterEnqueueIsTolerated() {
        CfsPolicy p = cfs();
        FakeTask a = new FakeTask(1), b = new FakeTask(2);
        Loop.attach(p, context, List.of(a, b));
        assertSame(a, p.pick(0));
        p.enqueue(a, EnqueueReason.PREEMPTED);
        p.ran(a, 5000, StopReason.PREEMPTED);
        assertEquals(5000, p.vruntimeOf(a));
        assertSame(b, p.pick(0));
        assertSame(a, p.pick(0));
        assertNull(p.pick(0));
    }
}
