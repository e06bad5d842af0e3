package osbox.vm.replace.lru;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.OstepPagingComparison;
import osbox.testkit.lab.PagingLab;

/** LRU in the paging lab answers as OSTEP's paging-policy.py. */
class LruLabTest extends OstepPagingComparison {
    /** paging-policy.py -p LRU -a 1,2,3,4,1,2,5,1,2,3,4,5 -C 3 -c. */
    private static final String TRACE = """
        Access: 1  MISS LRU ->          [1] <- MRU Replaced:- [Hits:0 Misses:1]
        Access: 2  MISS LRU ->       [1, 2] <- MRU Replaced:- [Hits:0 Misses:2]
        Access: 3  MISS LRU ->    [1, 2, 3] <- MRU Replaced:- [Hits:0 Misses:3]
        Access: 4  MISS LRU ->    [2, 3, 4] <- MRU Replaced:1 [Hits:0 Misses:4]
        Access: 1  MISS LRU ->    [3, 4, 1] <- MRU Replaced:2 [Hits:0 Misses:5]
        Access: 2  MISS LRU ->    [4, 1, 2] <- MRU Replaced:3 [Hits:0 Misses:6]
        Access: 5  MISS LRU ->    [1, 2, 5] <- MRU Replaced:4 [Hits:0 Misses:7]
        Access: 1  HIT  LRU ->    [2, 5, 1] <- MRU Replaced:- [Hits:1 Misses:7]
        Access: 2  HIT  LRU ->    [5, 1, 2] <- MRU Replaced:- [Hits:2 Misses:7]
        Access: 3  MISS LRU ->    [1, 2, 3] <- MRU Replaced:5 [Hits:2 Misses:8]
        Access: 4  MISS LRU ->    [2, 3, 4] <- MRU Replaced:1 [Hits:2 Misses:9]
        Access: 5  MISS LRU ->    [3, 4, 5] <- MRU Replaced:2 [Hits:2 Misses:10]

        FINALSTATS hits 2   misses 10   hitrate 16.67
        """;

    LruLabTest() {
        super(LruProvider.NAME_VALUE, new LruProvider(), TRACE, "{\"hits\":2,\"misses\":10,\"hitrate\":16.67}\n");
    }

    /** LRU has no Belady anomaly: more frames never miss more (a stack algorithm). */
    @Test
    void moreFramesNeverMissMore() {
        long[] refs = {1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};
        long previous = Long.MAX_VALUE;
        for (int frames = 1; frames <= 6; frames++) {
            long misses = new PagingLab(new LruProvider().create(Map.of()), frames, 0).run(refs).misses();
            assertEquals(true, misses <= previous, frames + " frames: " + misses + " misses");
            previous = misses;
        }
    }
}
