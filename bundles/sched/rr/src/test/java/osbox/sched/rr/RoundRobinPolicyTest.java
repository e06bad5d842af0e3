package osbox.sched.rr;

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

/** Round robin's own rules: rotation, quantum, options. */
class RoundRobinPolicyTest {
    /** Tasks take turns in order; a preempted task goes to the back. */
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

    /** A woken task queues behind those already waiting. */
    @Test
    void wokenTaskGoesToTheBack() {
        CheckedPolicy p = new CheckedPolicy(new RoundRobinPolicy(5), new FakeContext());
        FakeTask a = new FakeTask(1);
        p.enqueue(a, EnqueueReason.NEW);
        p.pickStrict(0);
        p.stop(0, 2, StopReason.BLOCKED);
        p.enqueue(new FakeTask(2), EnqueueReason.NEW);
        p.enqueue(a, EnqueueReason.WOKEN);
        assertEquals(2, p.pickStrict(0).id());
    }

    /** The quantum option is read and validated. */
    @Test
    void quantumOptionIsValidated() {
        RoundRobinProvider prov = new RoundRobinProvider();
        assertEquals(7, ((RoundRobinPolicy) prov.create(Map.of("quantum", "7"))).quantum());
        assertEquals(1_000_000, ((RoundRobinPolicy) prov.create(Map.of())).quantum());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prov.create(Map.of("quantum", "0")));
        assertTrue(e.getMessage().contains("quantum"));
        assertThrows(IllegalArgumentException.class, () -> prov.create(Map.of("quantum", "ten")));
    }
}
