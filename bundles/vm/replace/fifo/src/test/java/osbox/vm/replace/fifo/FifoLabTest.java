package osbox.vm.replace.fifo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.LabOutput;
import osbox.testkit.lab.OstepPagingComparison;
import osbox.testkit.lab.PagingLab;
import osbox.testkit.lab.PagingResult;

/** FIFO in the paging lab answers as OSTEP's paging-policy.py, and shows Belady's anomaly. */
class FifoLabTest extends OstepPagingComparison {
    /** paging-policy.py -p FIFO -a 1,2,3,4,1,2,5,1,2,3,4,5 -C 3 -c. */
    private static final String TRACE = """
        Access: 1  MISS FirstIn ->          [1] <- Lastin  Replaced:- [Hits:0 Misses:1]
        Access: 2  MISS FirstIn ->       [1, 2] <- Lastin  Replaced:- [Hits:0 Misses:2]
        Access: 3  MISS FirstIn ->    [1, 2, 3] <- Lastin  Replaced:- [Hits:0 Misses:3]
        Access: 4  MISS FirstIn ->    [2, 3, 4] <- Lastin  Replaced:1 [Hits:0 Misses:4]
        Access: 1  MISS FirstIn ->    [3, 4, 1] <- Lastin  Replaced:2 [Hits:0 Misses:5]
        Access: 2  MISS FirstIn ->    [4, 1, 2] <- Lastin  Replaced:3 [Hits:0 Misses:6]
        Access: 5  MISS FirstIn ->    [1, 2, 5] <- Lastin  Replaced:4 [Hits:0 Misses:7]
        Access: 1  HIT  FirstIn ->    [1, 2, 5] <- Lastin  Replaced:- [Hits:1 Misses:7]
        Access: 2  HIT  FirstIn ->    [1, 2, 5] <- Lastin  Replaced:- [Hits:2 Misses:7]
        Access: 3  MISS FirstIn ->    [2, 5, 3] <- Lastin  Replaced:1 [Hits:2 Misses:8]
        Access: 4  MISS FirstIn ->    [5, 3, 4] <- Lastin  Replaced:2 [Hits:2 Misses:9]
        Access: 5  HIT  FirstIn ->    [5, 3, 4] <- Lastin  Replaced:- [Hits:3 Misses:9]

        FINALSTATS hits 3   misses 9   hitrate 25.00
        """;

    FifoLabTest() {
        super(FifoProvider.NAME_VALUE, new FifoProvider(), TRACE, "{\"hits\":3,\"misses\":9,\"hitrate\":25.00}\n");
    }

    /** Belady's anomaly: one more frame, one more miss (9 with 3 frames, 10 with 4). */
    @Test
    void beladysAnomaly() {
        assertEquals("{\"hits\":2,\"misses\":10,\"hitrate\":16.67}\n",
                lab("--policy", "fifo", "--addresses", REFERENCES, "--frames", "4", "--json"));
        long[] refs = {1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};
        PagingResult three = new PagingLab(new FifoProvider().create(Map.of()), 3, 0).run(refs);
        PagingResult four = new PagingLab(new FifoProvider().create(Map.of()), 4, 0).run(refs);
        assertEquals(9, three.misses());
        assertEquals(10, four.misses());
    }

    /** Bad input: one line on stderr, status 2. */
    @Test
    void badInputIsOneLineAndStatusTwo() {
        for (String[] args : new String[][] {
            {"--policy", "fifo", "--addresses", "1,x,3", "--frames", "3"},
            {"--policy", "fifo", "--addresses", "1,2", "--frames", "0"},
            {"--policy", "nope", "--addresses", "1,2", "--frames", "2"},
            {"--policy", "fifo", "--frames", "2"},
            {"--policy", "fifo", "--addresses", "1", "--frames", "2", "--option", "k=v"},
            {"--bogus"}}) {
            LabOutput run = LabOutput.paging(Map.of(FifoProvider.NAME_VALUE, new FifoProvider()), args);
            assertEquals(2, run.status(), String.join(" ", args));
            assertEquals(1, run.err().lines().count(), run.err());
            assertEquals("", run.out());
        }
    }
}
