package osbox.vm.replace.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.PagingLab;
import osbox.testkit.lab.PagingResult;

/** CLOCK in the paging lab on hand-worked reference strings (a load and every hit set the reference bit). */
class ClockLabTest {
    static final long[] OSTEP = {1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};

    /**
     * Three frames. Ring from the hand, * = referenced: 1 2 3 miss [1* 2* 3*]; 4: the hand clears all and
     * takes 1, [2 3 4*]; 1 takes 2 [3 4* 1*]; 2 takes 3 [4* 1* 2*]; 5 clears all, takes 4 [1 2 5*]; 1, 2 hit
     * [1* 2* 5*]; 3 clears all, takes 1 [2 5 3*]; 4 takes 2 [5 3* 4*]; 5 hits. As FIFO: 9 misses.
     */
    @Test
    void threeFrames() {
        PagingResult r = run(3, OSTEP);
        assertEquals("MMMMMMMHHMMH", r.hitsAndMisses());
        assertEquals(List.of(1L, 2L, 3L, 4L, 1L, 2L), r.victims());
    }

    /**
     * Four frames: 1 and 2 hit with every bit set, so 5 clears all and takes 1, and from then on each miss
     * takes the next unreferenced page: 10 misses, Belady's anomaly exactly as FIFO.
     */
    @Test
    void fourFramesShowsBeladysAnomaly() {
        PagingResult r = run(4, OSTEP);
        assertEquals("MMMMHHMMMMMM", r.hitsAndMisses());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 1L), r.victims());
        assertEquals(10, r.misses());
    }

    /**
     * The second chance at work, three frames on 1,2,3,2,4,2,5,2,1: 1 2 3 miss [1* 2* 3*]; 2 hits; 4 clears
     * all and takes 1 [2 3 4*]; 2 hits [2* 3 4*]; 5 clears 2 and takes 3 [4* 2 5*]; 2 hits [4* 2* 5*];
     * 1 clears all and takes 4 [2 5 1*]. The often used 2 is spared each time.
     */
    @Test
    void aReferencedPageIsSparedOnce() {
        PagingResult r = run(3, 1, 2, 3, 2, 4, 2, 5, 2, 1);
        assertEquals("MMMHMHMHM", r.hitsAndMisses());
        assertEquals(List.of(1L, 3L, 4L), r.victims());
    }

    static PagingResult run(int frames, long... refs) {
        return new PagingLab(new ClockProvider().create(Map.of()), frames, 0).run(refs);
    }
}
