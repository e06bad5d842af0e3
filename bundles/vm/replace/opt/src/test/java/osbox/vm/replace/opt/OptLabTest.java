package osbox.vm.replace.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.OstepPagingComparison;
import osbox.testkit.lab.OstepPagingModel;
import osbox.testkit.lab.PagingLab;

/** OPT in the paging lab answers as OSTEP's paging-policy.py. */
class OptLabTest extends OstepPagingComparison {
    /** paging-policy.py -p OPT -a 1,2,3,4,1,2,5,1,2,3,4,5 -C 3 -c. */
    private static final String TRACE = """
        Access: 1  MISS Left  ->          [1] <- Right Replaced:- [Hits:0 Misses:1]
        Access: 2  MISS Left  ->       [1, 2] <- Right Replaced:- [Hits:0 Misses:2]
        Access: 3  MISS Left  ->    [1, 2, 3] <- Right Replaced:- [Hits:0 Misses:3]
        Access: 4  MISS Left  ->    [1, 2, 4] <- Right Replaced:3 [Hits:0 Misses:4]
        Access: 1  HIT  Left  ->    [1, 2, 4] <- Right Replaced:- [Hits:1 Misses:4]
        Access: 2  HIT  Left  ->    [1, 2, 4] <- Right Replaced:- [Hits:2 Misses:4]
        Access: 5  MISS Left  ->    [1, 2, 5] <- Right Replaced:4 [Hits:2 Misses:5]
        Access: 1  HIT  Left  ->    [1, 2, 5] <- Right Replaced:- [Hits:3 Misses:5]
        Access: 2  HIT  Left  ->    [1, 2, 5] <- Right Replaced:- [Hits:4 Misses:5]
        Access: 3  MISS Left  ->    [1, 5, 3] <- Right Replaced:2 [Hits:4 Misses:6]
        Access: 4  MISS Left  ->    [1, 5, 4] <- Right Replaced:3 [Hits:4 Misses:7]
        Access: 5  HIT  Left  ->    [1, 5, 4] <- Right Replaced:- [Hits:5 Misses:7]

        FINALSTATS hits 5   misses 7   hitrate 41.67
        """;

    OptLabTest() {
        super(OptProvider.NAME_VALUE, new OptProvider(), TRACE, "{\"hits\":5,\"misses\":7,\"hitrate\":41.67}\n");
    }

    /** OPT never misses more than FIFO or LRU would (by paging-policy.py's rules), on random strings. */
    @Test
    void neverWorseThanFifoOrLru() {
        Random r = new Random(3);
        for (int run = 0; run < 200; run++) {
            int frames = 1 + r.nextInt(5);
            long[] refs = new long[1 + r.nextInt(50)];
            for (int i = 0; i < refs.length; i++) {
                refs[i] = r.nextInt(8);
            }
            long opt = new PagingLab(new OptProvider().create(Map.of()), frames, 0).run(refs).misses();
            for (String other : new String[] {"FIFO", "LRU"}) {
                long misses = OstepPagingModel.hits(other, refs, frames).stream().filter(h -> !h).count();
                assertEquals(true, opt <= misses, "OPT " + opt + " > " + other + " " + misses);
            }
        }
    }
}
