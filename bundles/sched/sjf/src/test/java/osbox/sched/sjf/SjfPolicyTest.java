package osbox.sched.sjf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.StopReason;
import osbox.testkit.sched.CheckedPolicy;
import osbox.testkit.sched.FakeContext;
import osbox.testkit.sched.FakeTask;

/** SJF's own rules: hints, the exponential average, ties, options. */
class SjfPolicyTest {
    /** Declared bursts order the picks; equal ones keep arrival order. */
    @Test
    void shortestHintFirstTiesInArrivalOrder() {
        CheckedPolicy p = new CheckedPolicy(new SjfPolicy(0.5, 100), new FakeContext());
        p.enqueue(new FakeTask(1).burstHint(30), EnqueueReason.NEW);
        p.enqueue(new FakeTask(2).burstHint(10), EnqueueReason.NEW);
        p.enqueue(new FakeTask(3).burstHint(30), EnqueueReason.NEW);
        p.enqueue(new FakeTask(4).burstHint(20), EnqueueReason.NEW);
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            order.append(p.pickStrict(0).id());
            assertEquals(Long.MAX_VALUE, p.slice(0));
            p.stop(0, 1, StopReason.EXITED);
        }
        assertEquals("2413", order.toString());
    }

    /** Without hints, tau' = alpha * burst + (1 - alpha) * tau. */
    @Test
    void averagesPastBursts() {
        SjfPolicy sjf = new SjfPolicy(0.5, 100);
        CheckedPolicy p = new CheckedPolicy(sjf, new FakeContext());
        FakeTask a = new FakeTask(1);
        p.enqueue(a, EnqueueReason.NEW);
        assertEquals(100, sjf.predictedBurst(a));
        p.pickStrict(0);
        p.stop(0, 20, StopReason.BLOCKED);
        assertEquals(60, sjf.predictedBurst(a));
        p.enqueue(a, EnqueueReason.WOKEN);
        p.pickStrict(0);
        p.stop(0, 10, StopReason.PREEMPTED);
        p.pickStrict(0);
        p.stop(0, 10, StopReason.BLOCKED);
        assertEquals(40, sjf.predictedBurst(a), "a burst spans the stretches until the task blocks");
    }

    /** A task that has blocked after short bursts overtakes a fresh one. */
    @Test
    void shortBurstsWin() {
        CheckedPolicy p = new CheckedPolicy(new SjfPolicy(1.0, 1000), new FakeContext());
        FakeTask io = new FakeTask(1);
        p.enqueue(io, EnqueueReason.NEW);
        p.pickStrict(0);
        p.stop(0, 5, StopReason.BLOCKED);
        p.enqueue(new FakeTask(2), EnqueueReason.NEW);
        p.enqueue(io, EnqueueReason.WOKEN);
        assertEquals(1, p.pickStrict(0).id());
    }

    /** alpha and initial are validated. */
    @Test
    void optionsAreValidated() {
        SjfProvider prov = new SjfProvider();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> prov.create(Map.of("alpha", "1.5")))
                .getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> prov.create(Map.of("initial", "0")))
                .getMessage().contains("initial"));
        prov.create(Map.of("alpha", "0.25", "initial", "500"));
    }
}
