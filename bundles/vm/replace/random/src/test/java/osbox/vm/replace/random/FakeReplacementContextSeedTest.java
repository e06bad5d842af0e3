package osbox.vm.replace.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import osbox.testkit.vm.FakeReplacementContext;

/** The test kit's seeded numbers, which this policy and the paging lab draw. */
class FakeReplacementContextSeedTest {

    /** java.util.Random seeded 0 to 15 answers 0 to its first nextLong(2): these seeds must not. */
    @Test
    void neighbouringSeedsGiveDifferentFirstNumbers() {
        int ones = 0;
        Set<Long> firsts = new HashSet<>();
        for (long seed = 0; seed < 16; seed++) {
            ones += (int) new FakeReplacementContext(seed).random(2);
            firsts.add(new FakeReplacementContext(seed).random(1000));
        }
        assertTrue(ones >= 3 && ones <= 13, ones + " ones among the first coins of seeds 0-15");
        assertTrue(firsts.size() >= 14, "first numbers of seeds 0-15: " + firsts);
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        FakeReplacementContext a = new FakeReplacementContext(42);
        FakeReplacementContext b = new FakeReplacementContext(42);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.random(97), b.random(97));
        }
        assertEquals(100, a.randomCalls());
    }
}
