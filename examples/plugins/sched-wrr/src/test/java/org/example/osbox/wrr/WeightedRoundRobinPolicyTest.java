package org.example.osbox.wrr;

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

/** Weighted round robin's own rules: turn lengths, rotation, shares, options. */
class WeightedRoundRobinPolicyTest {
    /** A turn is quantum * weight / 1024: nice 0 one quantum, -5 about three, 19 a sliver, never 0. */
    @Test
    void turnsScaleWithTheNiceWeight() {
        WeightedRoundRobinPolicy p = new WeightedRoundRobinPolicy(1024);
        assertEquals(1024, p.sliceFor(0));
        assertEquals(3121, p.sliceFor(-5));
        assertEquals(335, p.sliceFor(5));
        assertEquals(88761, p.sliceFor(-20));
        assertEquals(15, p.sliceFor(19));
        assertEquals(1, new WeightedRoundRobinPolicy(10).sliceFor(19), "at least one cycle");
        assertEquals(15, p.sliceFor(25), "nice is clamped to -20..19");
    }

    /** Tasks take turns in FIFO order whatever their nice; each gets its own turn length. */
    @Test
    void rotatesInOrderWithWeightedTurns() {
        CheckedPolicy p = new CheckedPolicy(new WeightedRoundRobinPolicy(1000), new FakeContext());
        p.enqueue(new FakeTask(1).nice(0), EnqueueReason.NEW);
        p.enqueue(new FakeTask(2).nice(-5), EnqueueReason.NEW);
        p.enqueue(new FakeTask(3).nice(5), EnqueueReason.NEW);
        StringBuilder order = new StringBuilder();
        StringBuilder slices = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            order.append(p.pickStrict(0).id());
            long s = p.slice(0);
            slices.append(s).append(' ');
            p.stop(0, s, StopReason.SLICE_EXPIRED);
        }
        assertEquals("123123", order.toString());
        assertEquals("1000 3047 327 1000 3047 327 ", slices.toString());
    }

    /** CPU-bound tasks share the CPU in proportion to their weights. */
    @Test
    void cpuBoundTasksShareByWeight() {
        FakeContext ctx = new FakeContext();
        CheckedPolicy p = new CheckedPolicy(new WeightedRoundRobinPolicy(10_000), ctx);
        FakeTask normal = new FakeTask(1).nice(0);
        FakeTask nicer = new FakeTask(2).nice(5);
        p.enqueue(normal, EnqueueReason.NEW);
        p.enqueue(nicer, EnqueueReason.NEW);
        for (int i = 0; i < 200; i++) {
            FakeTask t = (FakeTask) p.pickStrict(0);
            long s = p.slice(0);
            ctx.now(ctx.now() + s);
            t.addRuntime(s);
            p.stop(0, s, StopReason.SLICE_EXPIRED);
        }
        double ratio = (double) normal.runtime() / nicer.runtime();
        assertEquals(1024.0 / 335, ratio, 0.01);
    }

    /** The quantum option is read and checked. */
    @Test
    void quantumOptionIsChecked() {
        WeightedRoundRobinProvider provider = new WeightedRoundRobinProvider();
        assertEquals(7, ((WeightedRoundRobinPolicy) provider.create(Map.of("quantum", "7"))).quantum());
        assertEquals(1_000_000, ((WeightedRoundRobinPolicy) provider.create(Map.of())).quantum());
        for (String bad : new String[] {"0", "-3", "ten", "1000000000001"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> provider.create(Map.of("quantum", bad)), bad);
            assertTrue(e.getMessage().contains("quantum"), e.getMessage());
        }
    }
}
