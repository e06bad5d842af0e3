package osbox.sched.cfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** Per-hart run queues: placement, stealing, migration, no task twice. */
class MultiHartTest {
    private final FakeContext context = new FakeContext(4, 3);

    /** A CFS policy with default options. */
    private static CfsPolicy cfs() {
        return (CfsPolicy) new CfsProvider().create(Map.of());
    }

    /** New tasks spread over the least loaded harts; each hart picks from its own queue. */
    @Test
    void newTasksSpreadEvenly() {
        CfsPolicy p = cfs();
        List<FakeTask> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(new FakeTask(i));
        }
        Loop.attach(p, context, tasks);
        for (int h = 0; h < 4; h++) {
            assertEquals(h, p.pick(h).id());
        }
        for (int h = 0; h < 4; h++) {
            assertEquals(h + 4, p.pick(h).id());
        }
    }

    /** A task goes back to the hart it ran on. */
    @Test
    void affinityToLastHart() {
        CfsPolicy p = cfs();
        List<FakeTask> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(new FakeTask(i));
        }
        Loop.attach(p, context, tasks);
        SchedTask t = p.pick(2);
        assertEquals(2, t.id());
        p.ran(t, 1000, StopReason.BLOCKED);
        p.enqueue(t, EnqueueReason.WOKEN);
        assertEquals(2, p.pick(2).id());
    }

    /** An idle hart steals from the hart with the most queued tasks, lowest number on ties. */
    @Test
    void idleHartSteals() {
        FakeContext two = new FakeContext(2, 0);
        CfsPolicy p = cfs();
        Loop.attach(p, two, List.of());
        for (int i = 0; i < 5; i++) {
            FakeTask t = new FakeTask(i);
            t.lastHart(0);
            p.enqueue(t, EnqueueReason.WOKEN);
        }
        // hart 0 takes tasks until the imbalance rule sends the rest to hart 1
        TreeSet<Integer> seen = new TreeSet<>();
        for (SchedTask t; (t = p.pick(1)) != null;) {
            assertTrue(seen.add(t.id()));
        }
        assertEquals(5, seen.size(), "hart 1 drained its own queue, then stole hart 0's");
        assertNull(p.pick(0));
    }

    /** Imbalance: a woken task leaves a hart that carries two more tasks than the least loaded. */
    @Test
    void wakeupBalancing() {
        FakeContext two = new FakeContext(2, 0);
        CfsPolicy p = cfs();
        Loop.attach(p, two, List.of());
        FakeTask a = new FakeTask(1), b = new FakeTask(2), c = new FakeTask(3);
        a.lastHart(0);
        b.lastHart(0);
        c.lastHart(0);
        p.enqueue(a, EnqueueReason.WOKEN);
        p.enqueue(b, EnqueueReason.WOKEN);
        p.enqueue(c, EnqueueReason.WOKEN);
        assertEquals(1, p.pick(0).id());
        assertEquals(2, p.pick(0).id());
        assertEquals(3, p.pick(1).id(), "c went to hart 1 when hart 0 had two queued");
    }

    /** A stolen task keeps its lag: vruntime - min_vruntime of the old queue becomes relative to the new one. */
    @Test
    void migrationKeepsLag() {
        FakeContext two = new FakeContext(2, 0);
        CfsPolicy p = cfs();
        FakeTask a = new FakeTask(1), b = new FakeTask(2), c = new FakeTask(3);
        Loop.attach(p, two, List.of(a, b));
        assertEquals(1, p.pick(0).id());
        p.ran(a, 10_000_000, StopReason.SLICE_EXPIRED);
        p.enqueue(a, EnqueueReason.PREEMPTED);
        c.lastHart(0);
        p.enqueue(c, EnqueueReason.WOKEN);
        assertEquals(10_000_000, p.vruntimeOf(c));
        assertEquals(1, p.pick(0).id());
        p.ran(a, 5_000_000, StopReason.SLICE_EXPIRED);
        p.enqueue(a, EnqueueReason.PREEMPTED);
        assertEquals(10_000_000, p.minVruntime(0));
        assertEquals(2, p.pick(1).id());
        assertEquals(0, p.minVruntime(1));
        assertEquals(3, p.pick(1).id(), "hart 1 steals c, the leftmost of hart 0");
        assertEquals(0, p.vruntimeOf(c));
        assertEquals(1, p.pick(1).id(), "then a");
        assertEquals(5_000_000, p.vruntimeOf(a), "5,000,000 ahead of min_vruntime, on either hart");
    }

    /** A random multi-hart run never returns a task twice and never loses one. */
    @Test
    void neverTwiceNeverLost() {
        CfsPolicy p = cfs();
        List<FakeTask> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tasks.add(new FakeTask(i).nice(i % 11 - 5));
        }
        Loop.attach(p, context, tasks);
        SchedTask[] onHart = new SchedTask[4];
        TreeSet<Integer> out = new TreeSet<>();
        for (int step = 0; step < 20_000; step++) {
            int h = (int) context.random(4);
            context.advance(10_000);
            if (onHart[h] != null) {
                SchedTask t = onHart[h];
                boolean block = context.random(4) == 0;
                p.ran(t, 10_000, block ? StopReason.BLOCKED : StopReason.SLICE_EXPIRED);
                ((FakeTask) t).lastHart(h);
                onHart[h] = null;
                if (block) {
                    out.add(t.id());
                } else {
                    p.enqueue(t, EnqueueReason.PREEMPTED);
                }
            }
            if (!out.isEmpty() && context.random(2) == 0) {
                int id = out.pollFirst();
                p.enqueue(tasks.get(id), EnqueueReason.WOKEN);
            }
            SchedTask next = p.pick(h);
            if (next != null) {
                for (SchedTask other : onHart) {
                    assertTrue(other == null || other.id() != next.id(), "picked twice: " + next);
                }
                assertTrue(!out.contains(next.id()), "picked a sleeping task");
                onHart[h] = next;
            }
        }
        int queued = 0;
        for (int h = 0; h < 4; h++) {
            while (p.pick(h) != null) {
                queued++;
            }
        }
        int running = 0;
        for (SchedTask t : onHart) {
            running += t == null ? 0 : 1;
        }
        assertEquals(50, queued + running + out.size());
        assertNotNull(tasks);
    }
}
