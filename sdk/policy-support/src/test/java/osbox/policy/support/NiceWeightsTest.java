package osbox.policy.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Linux's weight table, as CFS and weighted round robin read it. */
class NiceWeightsTest {
    /** Weights follow Linux's table and clamp outside -20..19. */
    @Test
    void weightsFromNice() {
        assertEquals(1024, NiceWeights.of(0));
        assertEquals(335, NiceWeights.of(5));
        assertEquals(88761, NiceWeights.of(-20));
        assertEquals(15, NiceWeights.of(19));
        assertEquals(88761, NiceWeights.of(-40));
        assertEquals(15, NiceWeights.of(40));
        for (int n = -20; n < 19; n++) {
            double step = (double) NiceWeights.of(n) / NiceWeights.of(n + 1);
            assertTrue(step > 1.15 && step < 1.35, "nice " + n + " step " + step);
        }
    }
}
