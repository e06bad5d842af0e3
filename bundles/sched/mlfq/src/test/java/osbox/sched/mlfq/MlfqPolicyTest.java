package osbox.sched.mlfq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.StopReason;
import osbox.testkit.sched.CheckedPolicy;
import osbox.testkit.sched.FakeContext;
import osbox.testkit.sched.FakeTask;

/** MLFQ's own rules: demotion, allotment, no gaming by yielding, boost, preemption, options. */
class MlfqPolicyTest {
    private static MlfqPolicy mlfq(String... kv) {
        Map<String, String> o = new java.util.TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            o.put(kv[i], kv[i + 1]);
        }
        return (MlfqPolicy) new MlfqProvider().create(o);
    }

    /** A task that uses its allotment of quanta moves down one level. */
    @Test
    void usingTheAllotmentDemotes() {
        MlfqPolicy m = mlfq("queues", "3", "quantum", "10", "allot", "2");
        CheckedPolicy p = new CheckedPolicy(m, new FakeContext());
        FakeTask a = new FakeTask(1);
        p.enqueue(a, EnqueueReason.NEW);
        p.pickStrict(0);
        assertEquals(10, p.slice(0));
        p.stop(0, 10, StopReason.SLICE_EXPIRED);
        assertEquals(2, m.level(a));
        p.pickStrict(0);
        p.stop(0, 10, StopReason.SLICE_EXPIRED);
        assertEquals(1, m.level(a));
    }

    /** Yielding just before the quantum ends gains nothing: the quantum is charged and carries over. */
    @Test
    void yieldingCannotGameTheQuantum() {
        MlfqPolicy m = mlfq("queues", "2", "quantum", "10", "allot", "1");
        CheckedPolicy p = new CheckedPolicy(m, new FakeContext());
        FakeTask a = new FakeTask(1);
        p.enqueue(a, EnqueueReason.NEW);
        for (int i = 0; i < 3; i++) {
            p.pickStrict(0);
            p.stop(0, 3, StopReason.YIELDED);
        }
        assertEquals(1, m.ticksLeft(a));
        assertEquals(1, m.level(a));
        p.pickStrict(0);
        assertEquals(1, p.slice(0));
        p.stop(0, 1, StopReason.BLOCKED);
        assertEquals(0, m.level(a), "demoted although it blocked at the end of its quantum");
    }

    /** With stay=true (mlfq.py -S) blocking resets the quantum: gameable, on purpose. */
    @Test
    void stayOptionIsGameable() {
        MlfqPolicy m = mlfq("queues", "2", "quantum", "10", "allot", "1", "stay", "true");
        CheckedPolicy p = new CheckedPolicy(m, new FakeContext());
        FakeTask a = new FakeTask(1);
        p.enqueue(a, EnqueueReason.NEW);
        for (int i = 0; i < 5; i++) {
            p.pickStrict(0);
            p.stop(0, 9, StopReason.BLOCKED);
            p.enqueue(a, EnqueueReason.WOKEN);
        }
        assertEquals(1, m.level(a));
    }

    /** A task woken at a higher level preempts; the preempted one keeps its place at the head. */
    @Test
    void higherLevelPreemptsAndPreemptedKeepsItsPlace() {
        MlfqPolicy m = mlfq("queues", "2", "quantum", "10", "allot", "1");
        FakeContext ctx = new FakeContext();
        CheckedPolicy p = new CheckedPolicy(m, ctx);
        FakeTask a = new FakeTask(1);
        FakeTask b = new FakeTask(2);
        p.enqueue(a, EnqueueReason.NEW);
        p.enqueue(b, EnqueueReason.NEW);
        p.pickStrict(0);
        p.stop(0, 10, StopReason.SLICE_EXPIRED);
        p.pickStrict(0);
        p.stop(0, 10, StopReason.SLICE_EXPIRED);
        assertEquals(0, m.level(a));
        assertEquals(0, m.level(b));
        assertEquals(1, p.pickStrict(0).id());
        FakeTask c = new FakeTask(3);
        p.enqueue(c, EnqueueReason.NEW);
        assertTrue(p.shouldPreempt(0));
        p.stop(0, 4, StopReason.PREEMPTED);
        assertEquals(3, p.pickStrict(0).id());
        p.stop(0, 1, StopReason.EXITED);
        assertEquals(1, p.pickStrict(0).id(), "the preempted task is still ahead of b");
        assertEquals(6, p.slice(0));
        assertFalse(p.shouldPreempt(0));
    }

    /** A boost lifts every task to the top and preempts the running one. */
    @Test
    void boostLiftsEveryone() {
        MlfqPolicy m = mlfq("queues", "3", "quantum", "10", "allot", "1", "boost", "100");
        CheckedPolicy p = new CheckedPolicy(m, new FakeContext());
        assertEquals(100, m.tickPeriod());
        FakeTask a = new FakeTask(1);
        FakeTask b = new FakeTask(2);
        p.enqueue(a, EnqueueReason.NEW);
        p.enqueue(b, EnqueueReason.NEW);
        for (int i = 0; i < 4; i++) {
            p.pickStrict(0);
            p.stop(0, 10, StopReason.SLICE_EXPIRED);
        }
        assertEquals(0, m.level(a));
        p.pickStrict(0);
        p.tick();
        assertTrue(p.shouldPreempt(0));
        p.stop(0, 3, StopReason.PREEMPTED);
        assertEquals(2, m.level(a));
        assertEquals(2, m.level(b));
        assertEquals(1, p.pickStrict(0).id());
        assertEquals(10, p.slice(0));
    }

    /** Options: lists per level, highest first; bad values are named. */
    @Test
    void optionsAreValidated() {
        MlfqConfig c = new MlfqProvider().config(Map.of("queues", "3", "quantum", "10,20,40", "allot", "1,2,3"));
        assertEquals(40, c.quantum()[0]);
        assertEquals(10, c.quantum()[2]);
        assertEquals(3, c.allot()[0]);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new MlfqProvider().create(Map.of("queues", "3", "quantum", "1,2"))).getMessage()
                .contains("quantum"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new MlfqProvider().create(Map.of("boost-reset", "half"))).getMessage()
                .contains("boost-reset"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new MlfqProvider().create(Map.of("queues", "0"))).getMessage().contains("queues"));
    }
}
