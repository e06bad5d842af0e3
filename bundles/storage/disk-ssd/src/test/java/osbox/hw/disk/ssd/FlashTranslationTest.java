package osbox.hw.disk.ssd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Write amplification and wear of the FTL: 512 logical pages in blocks of
 * 16 on 2 channels with 10 % spare. Workloads are seeded, so every run is the same.
 */
class FlashTranslationTest {
    private static final SsdParameters P = new SsdParameters(8, 16, 2, 10, 0, 0, 0, 1);
    private static final int PAGES = 512;
    private static final FlashTranslation.FlashOps NONE = new FlashTranslation.FlashOps() {
        @Override public void read(int channel) { }
        @Override public void program(int channel) { }
        @Override public void erase(int channel) { }
    };

    private static FlashTranslation filled(VictimPolicy policy) {
        FlashTranslation ftl = new FlashTranslation(PAGES, P);
        ftl.setPolicy(policy);
        for (int lpn = 0; lpn < PAGES; lpn++) {
            ftl.write(lpn, NONE);
        }
        return ftl;
    }

    @Test
    void sequentialOverwritesCopyNothing() {
        FlashTranslation ftl = filled(VictimPolicy.GREEDY);
        for (int round = 0; round < 5; round++) {
            for (int lpn = 0; lpn < PAGES; lpn++) {
                ftl.write(lpn, NONE);
            }
        }
        assertEquals(6 * PAGES, ftl.hostWrites());
        assertEquals(0, ftl.gcMoves(), "every victim was wholly overwritten");
        assertEquals(1000, ftl.writeAmplificationMilli());
        assertTrue(ftl.erases() > 0, "the collector did run");
    }

    @Test
    void randomOverwritesOfAFullDeviceAmplifyUnderGreedy() {
        FlashTranslation ftl = filled(VictimPolicy.GREEDY);
        Random random = new Random(42);
        for (int i = 0; i < 20 * PAGES; i++) {
            ftl.write(random.nextInt(PAGES), NONE);
        }
        assertTrue(ftl.writeAmplificationMilli() > 1500, "WA " + ftl.writeAmplificationMilli() / 1000.0);
        assertTrue(ftl.maxErases() > ftl.minErases(), "wear is uneven");
    }

    @Test
    void costBenefitBeatsGreedyOnAHotColdMix() {
        long greedy = hotCold(VictimPolicy.GREEDY);
        long costBenefit = hotCold(VictimPolicy.COST_BENEFIT);
        assertTrue(costBenefit < greedy, "cost-benefit WA " + costBenefit / 1000.0 + ", greedy " + greedy / 1000.0);
    }

    // 90 % of the writes to the first 10 % of the pages, the rest anywhere else; the WA after it.
    private static long hotCold(VictimPolicy policy) {
        FlashTranslation ftl = filled(policy);
        long before = ftl.flashWrites();
        Random random = new Random(7);
        int hot = PAGES / 10;
        int writes = 40 * PAGES;
        for (int i = 0; i < writes; i++) {
            ftl.write(random.nextInt(10) < 9 ? random.nextInt(hot) : hot + random.nextInt(PAGES - hot), NONE);
        }
        return (ftl.flashWrites() - before) * 1000 / writes;
    }

    @Test
    void dataSurviveCollection() {
        FlashTranslation ftl = filled(VictimPolicy.COST_BENEFIT);
        Random random = new Random(3);
        for (int i = 0; i < 10 * PAGES; i++) {
            ftl.write(random.nextInt(PAGES), NONE);
        }
        for (int lpn = 0; lpn < PAGES; lpn++) {
            assertTrue(ftl.channelOf(lpn) >= 0, "page " + lpn + " lost");
        }
    }
}
