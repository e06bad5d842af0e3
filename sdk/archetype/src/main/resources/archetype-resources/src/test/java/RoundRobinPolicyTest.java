package ${package};

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

/** The policy's own rules: rotation, quantum, options. */
class RoundRobinPolicyTest {
    /** Tasks take turns in order, each for one quantum. */
    @Test
    void rotatesInOrder() {
        CheckedPolicy p = new CheckedPolicy(new RoundRobinPolicy(10), new FakeContext());
        for (int id = 1; id <= 3; id++) {
            p.enqueue(new FakeTask(id), EnqueueReason.NEW);
        }
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            order.append(p.pickStrict(0).id());
            assertEquals(10, p.slice(0));
            p.stop(0, 10, StopReason.SLICE_EXPIRED);
        }
        assertEquals("123123", order.toString());
    }

    /** The quantum option is read and checked. */
    @Test
    void quantumOptionIsChecked() {
        RoundRobinProvider provider = new RoundRobinProvider();
        assertEquals(7, ((RoundRobinPolicy) provider.create(Map.of("quantum", "7"))).quantum());
        assertEquals(1_000_000, ((RoundRobinPolicy) provider.create(Map.of())).quantum());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("quantum", "0")));
        assertTrue(e.getMessage().contains("quantum"));
    }
}
