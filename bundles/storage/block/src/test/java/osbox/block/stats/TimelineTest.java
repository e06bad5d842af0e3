package osbox.block.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Timeline: bounded, thinned evenly and the same way every time. */
class TimelineTest {

    @Test
    void keepsEveryPointWhileThereIsRoom() {
        Timeline t = new Timeline(4);
        for (int i = 0; i < 4; i++) {
            t.add(i, i * 10, i);
        }
        assertEquals(List.of(0L, 1L, 2L, 3L), t.points().stream().map(Timeline.Point::at).toList());
    }

    @Test
    void whenFullItKeepsAnEvenlyThinnedRecordOfTheWholeRun() {
        Timeline t = new Timeline(4);
        for (int i = 0; i < 16; i++) {
            t.add(i, i, 0);
        }
        // full at 4: 0,2 then every 2nd: 0,2,4,6; full: 0,4 then every 4th: 0,4,8,12
        assertEquals(List.of(0L, 4L, 8L, 12L), t.points().stream().map(Timeline.Point::at).toList());
        assertEquals(16, t.offered());
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        Timeline t = new Timeline(100);
        for (int i = 0; i < 100_000; i++) {
            t.add(i, i, 0);
            if (t.points().size() > 100) {
                throw new AssertionError("holds " + t.points().size() + " after " + i);
            }
        }
        assertEquals(0L, t.points().get(0).at());
    }

    @Test
    void refusesARoomTooSmallToDraw() {
        assertThrows(IllegalArgumentException.class, () -> new Timeline(1));
    }
}
