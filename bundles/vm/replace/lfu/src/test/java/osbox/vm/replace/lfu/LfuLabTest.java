package osbox.vm.replace.lfu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.PagingLab;
import osbox.testkit.lab.PagingResult;

/** LFU in the paging lab on hand-worked reference strings (each load counts one access). */
class LfuLabTest {
    static final long[] OSTEP = {1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};

    /**
     * Three frames: until the hits on 1 and 2 every page has count 1, so the oldest goes (4 evicts 1, 1 evicts
     * 2, 2 evicts 3, 5 evicts 4); then 1 and 2 have count 2 and stay: 3 evicts 5, 4 evicts 3, 5 evicts 4.
     */
    @Test
    void threeFrames() {
        PagingResult r = run(3, OSTEP);
        assertEquals("MMMMMMMHHMMM", r.hitsAndMisses());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 3L, 4L), r.victims());
        assertEquals(2, r.hits());
        assertEquals(10, r.misses());
    }

    /** Four frames: 1 and 2 reach count 2 then 3 and are never evicted; 5 evicts 3, 3 evicts 4, 4 evicts 5, 5 evicts 3. */
    @Test
    void fourFrames() {
        PagingResult r = run(4, OSTEP);
        assertEquals("MMMMHHMHHMMM", r.hitsAndMisses());
        assertEquals(List.of(3L, 4L, 5L, 3L), r.victims());
    }

    /** A page used often is kept where LRU would drop it: 1 (count 3) survives the scan 2,3,4,2,3. */
    @Test
    void frequentPageSurvivesAScan() {
        PagingResult r = run(3, 1, 1, 1, 2, 3, 4, 2, 3, 1);
        assertEquals("MHHMMMMMH", r.hitsAndMisses());
        assertEquals(List.of(2L, 3L, 4L), r.victims());
    }

    static PagingResult run(int frames, long... refs) {
        return new PagingLab(new LfuProvider().create(Map.of()), frames, 0).run(refs);
    }
}
