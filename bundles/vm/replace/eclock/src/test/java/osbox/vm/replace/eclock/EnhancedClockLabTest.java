package osbox.vm.replace.eclock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.PagingLab;
import osbox.testkit.lab.PagingResult;

/** Enhanced CLOCK in the paging lab on hand-worked reference strings with writes. */
class EnhancedClockLabTest {
    static final long[] OSTEP = {1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};

    /** All reads: every page is clean, so it decides as CLOCK (9 misses with three frames). */
    @Test
    void readsOnlyIsClock() {
        PagingResult r = run(3, OSTEP, new boolean[OSTEP.length]);
        assertEquals("MMMMMMMHHMMH", r.hitsAndMisses());
        assertEquals(List.of(1L, 2L, 3L, 4L, 1L, 2L), r.victims());
    }

    /**
     * Page 1 written at its first access (1w,2,3,4,1,...), three frames; ring from the hand,
     * page(reference dirty): 4: turns 1-2 clear all, turn 3 skips 1(01), takes 2 [3(00) 1(01) 4(10)];
     * 1 hits; 2 takes 3 [1(11) 4(10) 2(10)]; 5: turn 3 takes 4 [2(00) 1(01) 5(10)]; 1, 2 hit; 3: turn 3
     * takes 2 [1(01) 5(00) 3(10)]; 4 takes 5 [3(10) 1(01) 4(10)]; 5: turn 2 clears 3, takes 1.
     */
    @Test
    void aDirtyPageIsKeptLonger() {
        boolean[] writes = new boolean[OSTEP.length];
        writes[0] = true;
        PagingResult r = run(3, OSTEP, writes);
        assertEquals("MMMMHMMHHMMM", r.hitsAndMisses());
        assertEquals(List.of(2L, 3L, 4L, 2L, 5L, 1L), r.victims());
    }

    /** Four frames, pages 1 and 3 written when loaded: the clean ones go first (4: 2, then 5: 4, 1 hits). */
    @Test
    void fourFramesWithTwoDirtyPages() {
        // 1w 2 3w 4 miss [1(11) 2(10) 3(11) 4(10)]. 5: turn 2 clears all, turn 3 takes 2 [3(01) 4(00) 1(01) 5(10)].
        // 2: turn 1 takes 4 [1(01) 5(10) 3(01) 2(10)]. 1 hits: 1(11). 4: turn 1 none; turn 2 clears 1, 5,
        // takes 3(01) [2(10) 1(01) 5(00) 4(10)]. 5 hits.
        long[] refs = {1, 2, 3, 4, 5, 2, 1, 4, 5};
        boolean[] writes = {true, false, true, false, false, false, false, false, false};
        PagingResult r = run(4, refs, writes);
        assertEquals("MMMMMMHMH", r.hitsAndMisses());
        assertEquals(List.of(2L, 4L, 3L), r.victims());
    }

    static PagingResult run(int frames, long[] refs, boolean[] writes) {
        return new PagingLab(new EnhancedClockProvider().create(Map.of()), frames, 0).run(refs, writes);
    }
}
