package osbox.vm.replace.aging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.PagingLab;
import osbox.testkit.lab.PagingResult;

/** Aging in the paging lab (one access per cycle, so period=N ticks every N accesses). */
class AgingLabTest {
    static final long[] OSTEP = {1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};

    /** With the default period nothing ticks in 12 cycles: every page was accessed since the last tick, so FIFO. */
    @Test
    void defaultPeriodIsFifoOnShortStrings() {
        PagingResult r = run(3, Map.of(), OSTEP);
        assertEquals("MMMMMMMHHMMH", r.hitsAndMisses());
        assertEquals(List.of(1L, 2L, 3L, 4L, 1L, 2L), r.victims());
    }

    /** A tick after every access: the counters order pages by last use, so LRU's 10 misses with three frames. */
    @Test
    void tickEveryAccessIsLruThreeFrames() {
        PagingResult r = run(3, Map.of("period", "1"), OSTEP);
        assertEquals("MMMMMMMHHMMM", r.hitsAndMisses());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 1L, 2L), r.victims());
    }

    /** The same with four frames: LRU's 8 misses (no Belady anomaly). */
    @Test
    void tickEveryAccessIsLruFourFrames() {
        PagingResult r = run(4, Map.of("period", "1"), OSTEP);
        assertEquals("MMMMHHMHHMMM", r.hitsAndMisses());
        assertEquals(List.of(3L, 4L, 5L, 1L), r.victims());
    }

    /**
     * A tick every 3 accesses (8 bits), three frames. Ticks before accesses 3, 6, 9. After the first tick
     * 1, 2, 3 are 10000000: 4 takes 1, 1 takes 2, 2 takes 3 (each the oldest of the untouched). Tick: 4, 1,
     * 2 are 10000000; 5 takes 4; 1 and 2 hit. Tick: 1, 2 are 11000000, 5 is 10000000: 3 takes 5; 4 takes 1
     * (1 and 2 tie, 1 is older); 5 takes 2.
     */
    @Test
    void coarseTicks() {
        PagingResult r = run(3, Map.of("period", "3"), OSTEP);
        assertEquals("MMMMMMMHHMMM", r.hitsAndMisses());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 1L, 2L), r.victims());
    }

    /**
     * Where aging and LRU part: a tick every 4 accesses, 2 bits, three frames on 1,2,3,1,2,3,4,5,1,4 (ticks
     * before accesses 4 and 8). 1,2,3 load, 1 hits; tick: all 10, bits cleared. 2, 3 hit (accessed since the
     * tick). 4 takes 1, as LRU. 5: 2, 3, 4 were all accessed since the tick, 4 has the smallest counter
     * (00 against 10) and goes, where LRU takes 2. Tick: 2 and 3 are 11, 5 is 10. 1 takes 5; 4 takes 2
     * (11, tied with 3, older). LRU would hit the last 4: aging misses once more.
     */
    @Test
    void coarseTicksLoseOrderWithinAPeriod() {
        PagingResult r = run(3, Map.of("period", "4", "bits", "2"), 1, 2, 3, 1, 2, 3, 4, 5, 1, 4);
        assertEquals("MMMHHHMMMM", r.hitsAndMisses());
        assertEquals(List.of(1L, 4L, 5L, 2L), r.victims());
    }

    static PagingResult run(int frames, Map<String, String> options, long... refs) {
        return new PagingLab(new AgingProvider().create(options), frames, 0).run(refs);
    }
}
