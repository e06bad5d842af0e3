package osbox.testkit.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * The rules of OSTEP's paging-policy.py (-c) for FIFO, LRU, MRU and OPT,
 * restated for differential tests of replacement policies against the lab
 * (a reference model for plugin authors too): memory is a list; a hit moves the page to
 * the end for LRU and MRU; a miss when full pops index 0 (FIFO, LRU), the
 * last index (MRU), or for OPT the page whose next use is furthest (never =
 * the string's length), scanning in list order and keeping the last maximum
 * (>=); the new page is appended.
 */
public final class OstepPagingModel {
    private OstepPagingModel() {
    }

    /**
     * Runs {@code runs} random reference strings (seeded with {@code seed}: 1
     * to 60 references over 2 to 13 pages, 1 to 6 frames) through the lab
     * with a fresh policy from {@code make} each, and throws AssertionError
     * naming the first run whose hits and misses differ from paging-policy.py's
     * {@code policy} (FIFO, LRU, MRU or OPT).
     */
    public static void checkRandomStrings(String policy, Supplier<ReplacementPolicy> make, long seed, int runs) {
        Random r = new Random(seed);
        for (int run = 0; run < runs; run++) {
            int frames = 1 + r.nextInt(6);
            long[] refs = new long[1 + r.nextInt(60)];
            int pages = 2 + r.nextInt(12);
            for (int i = 0; i < refs.length; i++) {
                refs[i] = r.nextInt(pages);
            }
            List<Boolean> want = hits(policy, refs, frames);
            List<Boolean> got = new PagingLab(make.get(), frames, run).run(refs).hitList();
            if (!want.equals(got)) {
                throw new AssertionError("run " + run + " (" + frames + " frames, references "
                        + java.util.Arrays.toString(refs) + "): expected " + want + " but was " + got);
            }
        }
    }

    /** Whether each access hits. */
    public static List<Boolean> hits(String policy, long[] refs, int frames) {
        List<Long> memory = new ArrayList<>();
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < refs.length; i++) {
            Long n = refs[i];
            boolean hit = memory.contains(n);
            out.add(hit);
            if (hit) {
                if (policy.equals("LRU") || policy.equals("MRU")) {
                    memory.remove(n);
                    memory.add(n);
                }
                continue;
            }
            if (memory.size() == frames) {
                switch (policy) {
                    case "FIFO", "LRU" -> memory.remove(0);
                    case "MRU" -> memory.remove(memory.size() - 1);
                    case "OPT" -> {
                        int replace = -1;
                        long max = -1;
                        for (int k = 0; k < memory.size(); k++) {
                            long when = refs.length;
                            for (int j = i + 1; j < refs.length; j++) {
                                if (refs[j] == memory.get(k)) {
                                    when = j;
                                    break;
                                }
                            }
                            if (when >= max) {
                                replace = k;
                                max = when;
                            }
                        }
                        memory.remove(replace);
                    }
                    default -> throw new IllegalArgumentException(policy);
                }
            }
            memory.add(n);
        }
        return out;
    }
}
