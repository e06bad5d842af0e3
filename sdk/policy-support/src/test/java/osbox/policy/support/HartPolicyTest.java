package osbox.policy.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.StopReason;
import osbox.testkit.sched.FakeContext;
import osbox.testkit.sched.FakeTask;

/** The per-hart machinery, through a minimal per-hart FIFO built on it. */
class HartPolicyTest {
    /** Per-hart FIFO: enqueue order, one fixed slice; records the hooks it sees. */
    static final class Fifo extends HartPolicy<Fifo.Task, OrderedQueue<Fifo.Task>> {
        static final class Task extends HartPolicy.Entry {
            long seq;

            Task(SchedTask task) {
                super(task);
            }
        }

        final List<String> hooks = new ArrayList<>();
        private long sequence;

        @Override
        protected Task newEntry(SchedTask task) {
            return new Task(task);
        }

        @Override
        protected OrderedQueue<Task> newQueue(int hart) {
            return new OrderedQueue<>(Comparator.comparingLong(t -> t.seq));
        }

        @Override
        protected void onEnqueue(Task e, EnqueueReason reason, int hart) {
            hooks.add("enqueue " + e.id() + " " + reason + " on " + hart + (e.fresh() ? " fresh" : ""));
            e.seq = sequence++;
        }

        @Override
        protected void onRan(Task e, long cycles, StopReason reason) {
            hooks.add("ran " + e.id() + " " + cycles + " on " + e.runningOn());
        }

        @Override
        protected void onMigrate(Task e, int from, int to) {
            hooks.add("migrate " + e.id() + " " + from + "->" + to);
        }

        @Override
        protected void onAttachRunning(Task e, int hart) {
            hooks.add("running " + e.id() + " on " + hart);
        }

        @Override
        public long slice(SchedTask task, int hart) {
            return 1000;
        }

        /** Where a task is queued (-1 none), for the tests. */
        int queuedOn(SchedTask t) {
            Task e = known(t);
            return e == null ? -1 : e.queuedOn();
        }
    }

    private static FakeTask task(int id) {
        return new FakeTask(id);
    }

    private static Fifo attached(int harts, SchedTask... runnable) {
        Fifo p = new Fifo();
        p.attach(new FakeContext(harts, 0), List.of(runnable), new SchedTask[harts]);
        return p;
    }

    /** New tasks spread over the least loaded harts, lowest number first. */
    @Test
    void newTasksGoToTheLeastLoadedHart() {
        FakeTask[] t = {task(0), task(1), task(2), task(3), task(4)};
        Fifo p = attached(2, t);
        assertEquals(List.of(0, 1, 0, 1, 0),
                List.of(p.queuedOn(t[0]), p.queuedOn(t[1]), p.queuedOn(t[2]), p.queuedOn(t[3]), p.queuedOn(t[4])));
        assertEquals(5, p.knownTasks());
    }

    /** A task goes back to its last hart unless that hart carries IMBALANCE more load. */
    @Test
    void returnsToItsHartUnlessImbalanced() {
        FakeTask a = task(1);
        FakeTask b = task(2);
        Fifo p = attached(2, a, b);
        assertSame(a, p.pick(0));
        p.ran(a, 10, StopReason.SLICE_EXPIRED);
        p.enqueue(a, EnqueueReason.PREEMPTED);
        assertEquals(0, p.queuedOn(a), "load 1 vs 1: stays");

        FakeTask c = task(3).lastHart(0);
        FakeTask d = task(4).lastHart(0);
        FakeTask e = task(5).lastHart(0);
        p.enqueue(c, EnqueueReason.NEW);
        assertEquals(0, p.queuedOn(c), "load 1 vs 1: the hint is kept");
        p.enqueue(d, EnqueueReason.NEW);
        assertEquals(0, p.queuedOn(d), "load 2 vs 1: under IMBALANCE, the hint is kept");
        p.enqueue(e, EnqueueReason.NEW);
        assertEquals(1, p.queuedOn(e), "load 3 vs 1: IMBALANCE, to the least loaded");
    }

    /** An idle hart steals the next task of the busiest queue, and the policy hears of the migration. */
    @Test
    void idleHartSteals() {
        FakeTask a = task(1).lastHart(0);
        FakeTask b = task(2).lastHart(0);
        Fifo p = attached(2);
        p.enqueue(a, EnqueueReason.NEW);
        p.enqueue(b, EnqueueReason.NEW);
        assertEquals(0, p.queuedOn(a));
        assertEquals(0, p.queuedOn(b), "load 1 vs 0 is under IMBALANCE");
        assertSame(a, p.pick(1), "hart 1 steals the next task of hart 0");
        assertTrue(p.hooks.contains("migrate 1 0->1"), p.hooks.toString());
        assertSame(b, p.pick(1));
        assertNull(p.pick(0));
        assertNull(p.pick(1));
    }

    /** Tasks running at attach are recorded, not queued; exit forgets; dequeue of unknown is ignored. */
    @Test
    void attachRunningExitAndDequeue() {
        FakeTask r = task(7);
        FakeTask q = task(8);
        Fifo p = new Fifo();
        p.attach(new FakeContext(2, 0), List.of(q), new SchedTask[] {null, r});
        assertTrue(p.hooks.contains("running 7 on 1"), p.hooks.toString());
        assertEquals(0, p.queuedOn(q), "hart 1 is busy with r");
        p.ran(r, -5, StopReason.EXITED);
        assertTrue(p.hooks.contains("ran 7 0 on 1"), "negative cycles count as 0: " + p.hooks);
        assertEquals(1, p.knownTasks());
        p.dequeue(task(99));
        p.dequeue(q);
        assertEquals(0, p.knownTasks());
        assertNull(p.pick(0));
    }

    /** A second enqueue of a queued task moves it; ran on a queued task keeps it queued where it was. */
    @Test
    void enqueueTwiceAndRanWhileQueued() {
        FakeTask a = task(1);
        FakeTask b = task(2);
        Fifo p = attached(1, a, b);
        p.enqueue(a, EnqueueReason.YIELDED);
        assertSame(b, p.pick(0));
        p.ran(a, 5, StopReason.SLICE_EXPIRED);
        assertEquals(0, p.queuedOn(a));
        assertSame(a, p.pick(0));
    }

    /** Bad harts and calls before attach fail clearly. */
    @Test
    void misuseFails() {
        Fifo p = new Fifo();
        assertEquals("policy not attached",
                assertThrows(IllegalStateException.class, () -> p.pick(0)).getMessage());
        p.attach(new FakeContext(2, 0), List.of(), new SchedTask[2]);
        assertEquals("no hart 2 (harts: 2)",
                assertThrows(IllegalArgumentException.class, () -> p.pick(2)).getMessage());
        p.detach();
        assertThrows(IllegalStateException.class, () -> p.enqueue(task(1), EnqueueReason.NEW));
    }
}
