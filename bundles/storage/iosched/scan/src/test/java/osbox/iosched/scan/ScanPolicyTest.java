package osbox.iosched.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.io.IoDriver;

/**
 * Scan on the textbook queue (Silberschatz, "Operating System Concepts",
 * disk scheduling): cylinders 98, 183, 37, 122, 14, 124, 65, 67 on a disk
 * of 200 (0..199), the head at 53.
 */
class ScanPolicyTest {
    static final long[] QUEUE = {98, 183, 37, 122, 14, 124, 65, 67};

    /** The order served and the total head movement from 53. */
    static IoDriver serve(Map<String, String> options) {
        return IoDriver.serve(new ScanProvider().create(options), 200, 53, QUEUE);
    }

    /** Towards 0 first (the textbook): 37, 14, on to cylinder 0, then 65 ... 183; 236 cylinders. */
    @Test
    void sweepsDownToTheEdgeThenUp() {
        IoDriver d = serve(Map.of(ScanProvider.DIRECTION, "down"));
        assertEquals(List.of(37L, 14L, 65L, 67L, 98L, 122L, 124L, 183L), d.servedSectors());
        assertEquals(53 + 183, d.movement());
    }

    /** Upwards first: 65 ... 183, on to 199, then 37, 14; 331 cylinders. */
    @Test
    void sweepsUpToTheEdgeThenDown() {
        IoDriver d = serve(Map.of());
        assertEquals(List.of(65L, 67L, 98L, 122L, 124L, 183L, 37L, 14L), d.servedSectors());
        assertEquals((199 - 53) + (199 - 14), d.movement());
    }

    /** Only up or down. */
    @Test
    void refusesAnotherDirection() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScanProvider().create(Map.of(ScanProvider.DIRECTION, "sideways")));
        assertEquals("option 'direction' must be up or down, got 'sideways'", e.getMessage());
    }
}
