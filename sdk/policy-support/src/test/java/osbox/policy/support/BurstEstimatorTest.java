package osbox.policy.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import osbox.api.sched.StopReason;
import osbox.testkit.sched.FakeTask;

/** Burst prediction: hint first, else the exponential average from the last burst or initial. */
class BurstEstimatorTest {
    /** tau' = alpha * burst + (1 - alpha) * tau, bursts summed over stretches until a block. */
    @Test
    void averagesBursts() {
        BurstEstimator e = new BurstEstimator(0.5, 100);
        FakeTask t = new FakeTask(1);
        assertEquals(100, e.predictedBurst(t));
        e.ran(t, 30, StopReason.SLICE_EXPIRED);
        e.ran(t, -5, StopReason.PREEMPTED);
        assertEquals(30, e.burstSoFar(t));
        e.ran(t, 30, StopReason.BLOCKED);
        assertEquals(0, e.burstSoFar(t));
        assertEquals(80, e.predictedBurst(t));
        e.ran(t, 1, StopReason.EXITED);
        assertEquals(100, e.predictedBurst(t), "forgotten at exit");
    }

    /** A hint wins; a known last burst seeds the average; forget drops the state. */
    @Test
    void hintsAndLastBurst() {
        BurstEstimator e = new BurstEstimator(1, 100);
        assertEquals(7, e.predictedBurst(new FakeTask(1).burstHint(7)));
        FakeTask t = new FakeTask(2).lastBurst(40);
        assertEquals(40, e.predictedBurst(t));
        e.ran(t, 10, StopReason.BLOCKED);
        assertEquals(10, e.predictedBurst(t));
        e.forget(t);
        assertEquals(40, e.predictedBurst(t));
        assertEquals(0, e.burstSoFar(new FakeTask(3)));
    }
}
