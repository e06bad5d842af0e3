package osbox.vm.replace.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.LabOutput;
import osbox.testkit.vm.CheckedReplacement;
import osbox.testkit.vm.FakeReplacementContext;

/** Random replacement: repeatable from the seed, and spread over every resident page. */
class RandomLabTest {
    private static final String REFS = "1,2,3,4,1,2,5,1,2,3,4,5,1,3,5,2,4,1,2,3";

    /** The same seed gives the same run; the seeds give different runs. */
    @Test
    void seededRunsRepeat() {
        String a = lab("--policy", "random", "--addresses", REFS, "--frames", "3", "--seed", "42");
        assertEquals(a, lab("--policy", "random", "--addresses", REFS, "--frames", "3", "--seed", "42"));
        boolean differs = false;
        for (int seed = 0; seed < 10 && !differs; seed++) {
            differs = !a.equals(lab("--policy", "random", "--addresses", REFS, "--frames", "3", "--seed",
                    Integer.toString(seed)));
        }
        assertTrue(differs, "ten seeds all gave the run of seed 42");
    }

    /** The first misses fill memory without a victim: with frames >= distinct pages, only cold misses. */
    @Test
    void onlyColdMissesWhenEverythingFits() {
        assertEquals("{\"hits\":15,\"misses\":5,\"hitrate\":75.00}\n",
                lab("--policy", "random", "--addresses", REFS, "--frames", "5", "--json"));
    }

    /** Over many choices among 4 pages, each is chosen roughly a quarter of the time. */
    @Test
    void victimsAreSpreadUniformly() {
        CheckedReplacement p = new CheckedReplacement(new RandomProvider().create(Map.of()),
                new FakeReplacementContext(9));
        for (int vpn = 0; vpn < 4; vpn++) {
            p.load(vpn);
        }
        long[] count = new long[4];
        for (int i = 0; i < 4000; i++) {
            int vpn = (int) p.evict().vpn();
            count[vpn]++;
            p.load(vpn);
        }
        for (int vpn = 0; vpn < 4; vpn++) {
            assertTrue(count[vpn] > 850 && count[vpn] < 1150, "page " + vpn + " chosen " + count[vpn] + " times");
        }
        assertNotEquals(0, p.context().randomCalls());
    }

    private static String lab(String... args) {
        return LabOutput.paging(Map.of(RandomProvider.NAME_VALUE, new RandomProvider()), args).expectSuccess();
    }
}
