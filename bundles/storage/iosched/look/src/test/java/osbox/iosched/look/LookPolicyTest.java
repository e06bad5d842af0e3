package osbox.iosched.look;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.io.IoDriver;

/**
 * Look on the textbook queue (Silberschatz, "Operating System Concepts",
 * disk scheduling): cylinders 98, 183, 37, 122, 14, 124, 65, 67 on a disk
 * of 200 (0..199), the head at 53.
 */
class LookPolicyTest {
    static final long[] QUEUE = {98, 183, 37, 122, 14, 124, 65, 67};

    /** The order served and the total head movement from 53. */
    static IoDriver serve(Map<String, String> options) {
        return IoDriver.serve(new LookProvider().create(options), 200, 53, QUEUE);
    }

    /** Upwards first, turning at 183: 65 ... 183, 37, 14; 299 cylinders. */
    @Test
    void turnsAtTheLastRequest() {
        IoDriver d = serve(Map.of());
        assertEquals(List.of(65L, 67L, 98L, 122L, 124L, 183L, 37L, 14L), d.servedSectors());
        assertEquals((183 - 53) + (183 - 14), d.movement());
    }

    /** Downwards first, turning at 14: 37, 14, 65 ... 183; 208 cylinders. */
    @Test
    void turnsAtTheLowestRequestGoingDown() {
        IoDriver d = serve(Map.of(LookProvider.DIRECTION, "down"));
        assertEquals(List.of(37L, 14L, 65L, 67L, 98L, 122L, 124L, 183L), d.servedSectors());
        assertEquals((53 - 14) + (183 - 14), d.movement());
    }
}
