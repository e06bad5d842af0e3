package osbox.iosched.noop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.io.IoDriver;

/**
 * Noop on the textbook queue (Silberschatz, "Operating System Concepts",
 * disk scheduling): cylinders 98, 183, 37, 122, 14, 124, 65, 67 on a disk
 * of 200 (0..199), the head at 53.
 */
class NoopPolicyTest {
    static final long[] QUEUE = {98, 183, 37, 122, 14, 124, 65, 67};

    /** The order served and the total head movement from 53. */
    static IoDriver serve(Map<String, String> options) {
        return IoDriver.serve(new NoopProvider().create(options), 200, 53, QUEUE);
    }

    /** First come, first served: the queue order, 640 cylinders. */
    @Test
    void servesInArrivalOrder() {
        IoDriver d = serve(Map.of());
        assertEquals(List.of(98L, 183L, 37L, 122L, 14L, 124L, 65L, 67L), d.servedSectors());
        assertEquals(640, d.movement());
    }
}
