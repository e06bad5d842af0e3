package osbox.vm.replace.mru;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.OstepPagingComparison;

/** MRU in the paging lab answers as OSTEP's paging-policy.py. */
class MruLabTest extends OstepPagingComparison {
    /** paging-policy.py -p MRU -a 1,2,3,4,1,2,5,1,2,3,4,5 -C 3 -c. */
    private static final String TRACE = """
        Access: 1  MISS LRU ->          [1] <- MRU Replaced:- [Hits:0 Misses:1]
        Access: 2  MISS LRU ->       [1, 2] <- MRU Replaced:- [Hits:0 Misses:2]
        Access: 3  MISS LRU ->    [1, 2, 3] <- MRU Replaced:- [Hits:0 Misses:3]
        Access: 4  MISS LRU ->    [1, 2, 4] <- MRU Replaced:3 [Hits:0 Misses:4]
        Access: 1  HIT  LRU ->    [2, 4, 1] <- MRU Replaced:- [Hits:1 Misses:4]
        Access: 2  HIT  LRU ->    [4, 1, 2] <- MRU Replaced:- [Hits:2 Misses:4]
        Access: 5  MISS LRU ->    [4, 1, 5] <- MRU Replaced:2 [Hits:2 Misses:5]
        Access: 1  HIT  LRU ->    [4, 5, 1] <- MRU Replaced:- [Hits:3 Misses:5]
        Access: 2  MISS LRU ->    [4, 5, 2] <- MRU Replaced:1 [Hits:3 Misses:6]
        Access: 3  MISS LRU ->    [4, 5, 3] <- MRU Replaced:2 [Hits:3 Misses:7]
        Access: 4  HIT  LRU ->    [5, 3, 4] <- MRU Replaced:- [Hits:4 Misses:7]
        Access: 5  HIT  LRU ->    [3, 4, 5] <- MRU Replaced:- [Hits:5 Misses:7]

        FINALSTATS hits 5   misses 7   hitrate 41.67
        """;

    MruLabTest() {
        super(MruProvider.NAME_VALUE, new MruProvider(), TRACE, "{\"hits\":5,\"misses\":7,\"hitrate\":41.67}\n");
    }

    /** A cyclic scan one page larger than memory (OSTEP's looping workload): paging-policy.py -p MRU -a 0,1,2,3,0,1,2,3,0,1,2,3 -C 3 -c. */
    @Test
    void cyclicScanTraceEqualsPagingPolicyPy() {
        assertEquals("""
            Access: 0  MISS LRU ->          [0] <- MRU Replaced:- [Hits:0 Misses:1]
            Access: 1  MISS LRU ->       [0, 1] <- MRU Replaced:- [Hits:0 Misses:2]
            Access: 2  MISS LRU ->    [0, 1, 2] <- MRU Replaced:- [Hits:0 Misses:3]
            Access: 3  MISS LRU ->    [0, 1, 3] <- MRU Replaced:2 [Hits:0 Misses:4]
            Access: 0  HIT  LRU ->    [1, 3, 0] <- MRU Replaced:- [Hits:1 Misses:4]
            Access: 1  HIT  LRU ->    [3, 0, 1] <- MRU Replaced:- [Hits:2 Misses:4]
            Access: 2  MISS LRU ->    [3, 0, 2] <- MRU Replaced:1 [Hits:2 Misses:5]
            Access: 3  HIT  LRU ->    [0, 2, 3] <- MRU Replaced:- [Hits:3 Misses:5]
            Access: 0  HIT  LRU ->    [2, 3, 0] <- MRU Replaced:- [Hits:4 Misses:5]
            Access: 1  MISS LRU ->    [2, 3, 1] <- MRU Replaced:0 [Hits:4 Misses:6]
            Access: 2  HIT  LRU ->    [3, 1, 2] <- MRU Replaced:- [Hits:5 Misses:6]
            Access: 3  HIT  LRU ->    [1, 2, 3] <- MRU Replaced:- [Hits:6 Misses:6]

            FINALSTATS hits 6   misses 6   hitrate 50.00
            """, lab("--policy", "mru", "--addresses", "0,1,2,3,0,1,2,3,0,1,2,3", "--frames", "3"));
        assertEquals("{\"hits\":6,\"misses\":6,\"hitrate\":50.00}\n",
                lab("--policy", "mru", "--addresses", "0,1,2,3,0,1,2,3,0,1,2,3", "--frames", "3", "--json"));
    }
}
