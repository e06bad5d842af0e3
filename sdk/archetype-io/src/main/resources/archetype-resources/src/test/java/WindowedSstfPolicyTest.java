package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.io.IoDriver;

/** The policy's own rules, on the textbook queue (98, 183, 37, 122, 14, 124, 65, 67; head at 53). */
class WindowedSstfPolicyTest {
    static final long[] QUEUE = {98, 183, 37, 122, 14, 124, 65, 67};

    /** The order served with a window. */
    static List<Long> order(String window) {
        return IoDriver.serve(new WindowedSstfProvider().create(Map.of(WindowedSstfProvider.WINDOW, window)),
                200, 53, QUEUE).servedSectors();
    }

    /** A window of 1 is FIFO. */
    @Test
    void windowOfOneIsFifo() {
        assertEquals(List.of(98L, 183L, 37L, 122L, 14L, 124L, 65L, 67L), order("1"));
    }

    /** A window as large as the queue is SSTF. */
    @Test
    void wideWindowIsSstf() {
        assertEquals(List.of(65L, 67L, 37L, 14L, 98L, 122L, 124L, 183L), order("8"));
    }

    /**
     * Window 4: the batch 98, 183, 37, 122 from 53: 37, 98, 122, 183; then
     * the batch 14, 124, 65, 67 from 183: 124, 67, 65, 14.
     */
    @Test
    void windowOfFourServesBatchesOfTheOldestFour() {
        assertEquals(List.of(37L, 98L, 122L, 183L, 124L, 67L, 65L, 14L), order("4"));
    }
}
