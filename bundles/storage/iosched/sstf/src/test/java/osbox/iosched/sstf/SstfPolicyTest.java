package osbox.iosched.sstf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.io.IoDriver;

/**
 * Sstf on the textbook queue (Silberschatz, "Operating System Concepts",
 * disk scheduling): cylinders 98, 183, 37, 122, 14, 124, 65, 67 on a disk
 * of 200 (0..199), the head at 53.
 */
class SstfPolicyTest {
    static final long[] QUEUE = {98, 183, 37, 122, 14, 124, 65, 67};

    /** The order served and the total head movement from 53. */
    static IoDriver serve(Map<String, String> options) {
        return IoDriver.serve(new SstfProvider().create(options), 200, 53, QUEUE);
    }

    /** Nearest first: 65, 67, 37, 14, 98, 122, 124, 183; 236 cylinders. */
    @Test
    void servesTheNearestFirst() {
        IoDriver d = serve(Map.of());
        assertEquals(List.of(65L, 67L, 37L, 14L, 98L, 122L, 124L, 183L), d.servedSectors());
        assertEquals(236, d.movement());
    }

    /** Equal distances: the request that arrived first. */
    @Test
    void breaksTiesByArrival() {
        assertEquals(List.of(60L, 40L), IoDriver.serve(new SstfProvider().create(Map.of()), 200, 50, 60, 40)
                .servedSectors());
        assertEquals(List.of(40L, 60L), IoDriver.serve(new SstfProvider().create(Map.of()), 200, 50, 40, 60)
                .servedSectors());
    }
}
