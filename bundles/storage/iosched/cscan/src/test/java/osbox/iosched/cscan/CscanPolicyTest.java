package osbox.iosched.cscan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.io.IoDriver;

/**
 * Cscan on the textbook queue (Silberschatz, "Operating System Concepts",
 * disk scheduling): cylinders 98, 183, 37, 122, 14, 124, 65, 67 on a disk
 * of 200 (0..199), the head at 53.
 */
class CscanPolicyTest {
    static final long[] QUEUE = {98, 183, 37, 122, 14, 124, 65, 67};

    /** The order served and the total head movement from 53. */
    static IoDriver serve(Map<String, String> options) {
        return IoDriver.serve(new CscanProvider().create(options), 200, 53, QUEUE);
    }

    /** Up to 183, on to 199, back to 0, then 14, 37: 382 cylinders (the return counted). */
    @Test
    void sweepsUpAndReturnsToZero() {
        IoDriver d = serve(Map.of());
        assertEquals(List.of(65L, 67L, 98L, 122L, 124L, 183L, 14L, 37L), d.servedSectors());
        assertEquals((199 - 53) + 199 + 37, d.movement());
    }
}
