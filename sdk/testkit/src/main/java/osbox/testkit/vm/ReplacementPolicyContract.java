package osbox.testkit.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.policy.PolicyProviderContract;

/**
 * The contract every page-replacement policy must pass. Subclass it in your
 * bundle's tests and implement {@link #provider()}; override
 * {@link #options()} to test a configuration and {@link #freeFormOptions()}
 * for options that accept any text.
 *
 * <p>Random runs drive the policy as the mechanism does (see
 * {@link CheckedReplacement}): accesses from a random reference string (some
 * of them writes), a load on a miss, an eviction when memory is full, now and
 * then a page unmapped, {@code tick()} every {@code tickPeriod()} cycles and
 * a sampling of the reference bits every {@code accessSamplePeriod()} cycles
 * (each access takes {@link #CYCLES_PER_ACCESS} cycles). They run once with
 * the future unknown (nextAccess -1, a live machine) and once with it known
 * (the lab).
 */
public abstract class ReplacementPolicyContract extends PolicyProviderContract<ReplacementPolicy> {
    /** Simulated cycles per access in random runs. */
    protected static final long CYCLES_PER_ACCESS = 100;

    /** The provider under test. */
    @Override
    protected abstract ReplacementPolicyProvider provider();

    /** A checked, freshly attached policy with nothing resident, random seed seed. */
    protected CheckedReplacement attached(long seed) {
        return new CheckedReplacement(newPolicy(), new FakeReplacementContext(seed));
    }

    // ---- the provider (and the checks of PolicyProviderContract) ----

    /** Each create(...) gives a new instance that shares no state with the others. */
    @Test
    public void instancesShareNoState() {
        CheckedReplacement a = attached(1);
        CheckedReplacement b = attached(1);
        assertNotSame(a.policy(), b.policy());
        a.load(10);
        a.load(11);
        FakePage only = b.load(20);
        assertEquals(only.id(), b.victim().id(), "a page loaded in one instance was named by another");
    }

    // ---- victims ----

    /** The victim is always a resident page, however full memory is. */
    @Test
    public void victimIsAlwaysResident() {
        for (int frames = 1; frames <= 6; frames++) {
            CheckedReplacement p = attached(frames);
            for (int vpn = 0; vpn < frames; vpn++) {
                p.context().advance(CYCLES_PER_ACCESS);
                p.load(vpn);
            }
            for (int vpn = frames; vpn < frames + 20; vpn++) {
                p.context().advance(CYCLES_PER_ACCESS);
                p.evict();
                p.load(vpn);
                p.access(p.resident().get(vpn % p.size()));
            }
        }
    }

    /** A page removed (unmapped) is never chosen afterwards. */
    @Test
    public void removedPageIsNeverChosen() {
        CheckedReplacement p = attached(3);
        List<FakePage> pages = new ArrayList<>();
        for (int vpn = 0; vpn < 6; vpn++) {
            p.context().advance(CYCLES_PER_ACCESS);
            pages.add(p.load(vpn));
        }
        p.remove(pages.get(0));
        p.remove(pages.get(3));
        p.access(pages.get(5));
        Set<Long> vpns = new TreeSet<>();
        while (p.size() > 0) {
            FakePage v = p.evict();
            assertTrue(v.vpn() != 0 && v.vpn() != 3, "a removed page was chosen: " + v);
            assertTrue(vpns.add(v.vpn()), "chosen twice: " + v);
        }
        assertEquals(Set.of(1L, 2L, 4L, 5L), vpns);
    }

    /** Every loaded page is eventually a victim when the others are evicted or removed, each once. */
    @Test
    public void everyLoadedPageIsEventuallyAVictim() {
        for (int n = 1; n <= 8; n++) {
            for (int removed = 0; removed < n; removed++) {
                CheckedReplacement p = attached(n * 31L + removed);
                List<FakePage> pages = new ArrayList<>();
                for (int vpn = 0; vpn < n; vpn++) {
                    p.context().advance(CYCLES_PER_ACCESS);
                    pages.add(p.load(vpn));
                }
                for (int i = 0; i < n; i++) {
                    p.context().advance(CYCLES_PER_ACCESS);
                    p.access(pages.get((i * 5) % n), i % 2 == 0);
                }
                Set<Long> expected = new TreeSet<>();
                for (int i = 0; i < n; i++) {
                    if (i < removed) {
                        p.remove(pages.get(n - 1 - i));
                    } else {
                        expected.add(pages.get(n - 1 - i).vpn());
                    }
                }
                Set<Long> got = new TreeSet<>();
                while (p.size() > 0) {
                    FakePage v = p.evict();
                    assertTrue(got.add(v.vpn()), "chosen twice: " + v);
                }
                assertEquals(expected, got, n + " pages, " + removed + " removed");
            }
        }
    }

    /** tickPeriod() is positive; tick() is safe with nothing resident and at any time; detach() is safe. */
    @Test
    public void ticksAreSafe() {
        CheckedReplacement p = attached(5);
        assertTrue(p.policy().tickPeriod() > 0, "tickPeriod() must be positive");
        p.tick();
        FakePage a = p.load(1);
        p.tick();
        p.load(2);
        p.access(a, true);
        p.tick();
        p.tick();
        assertEquals(2, drain(p).size());
        p.tick();
        p.policy().detach();
    }

    /**
     * accessSamplePeriod() is positive (Long.MAX_VALUE: no sampling); the
     * accessed() calls a sampling makes are safe at any time.
     */
    @Test
    public void accessSamplingIsSafe() {
        CheckedReplacement p = attached(6);
        assertTrue(p.policy().accessSamplePeriod() > 0, "accessSamplePeriod() must be positive");
        p.sample();
        FakePage a = p.load(1);
        FakePage b = p.load(2);
        p.sample();
        p.use(a, false);
        p.use(b, true);
        assertEquals(2, p.sample());
        assertEquals(0, p.sample());
        p.use(b, false);
        p.sample();
        assertEquals(2, drain(p).size());
        p.sample();
    }

    /** The policy decides the same with the future unknown (-1) or known; only the rules are checked. */
    @Test
    public void randomEventsNeverBreakTheRules() {
        for (int frames : new int[] {1, 2, 3, 5, 8}) {
            for (long seed = 1; seed <= 3; seed++) {
                for (boolean future : new boolean[] {false, true}) {
                    CheckedReplacement p = attached(seed);
                    randomRun(p, seed * 131 + frames, frames, 2 * frames + 3, 1500, future);
                }
            }
        }
    }

    /** The same seed and the same events give the same victims. */
    @Test
    public void decisionsAreDeterministic() {
        for (boolean future : new boolean[] {false, true}) {
            CheckedReplacement a = attached(77);
            randomRun(a, 77, 4, 11, 2000, future);
            CheckedReplacement b = attached(77);
            randomRun(b, 77, 4, 11, 2000, future);
            assertEquals(a.victims(), b.victims());
        }
    }

    // ---- hot swap ----

    /** A policy attached with resident pages decides as one that saw them loaded, in the same order. */
    @Test
    public void seededAtAttachBehavesAsIfItHadSeenEveryLoad() {
        for (int frames : new int[] {1, 3, 6}) {
            for (boolean future : new boolean[] {false, true}) {
                FakeReplacementContext ca = new FakeReplacementContext(5);
                CheckedReplacement a = new CheckedReplacement(newPolicy(), ca);
                for (FakePage page : seedPages(frames)) {
                    ca.now(page.loadedAt());
                    a.load(page);
                }
                ca.now(frames * CYCLES_PER_ACCESS);
                randomRun(a, 99, frames, 2 * frames + 2, 1000, future);

                FakeReplacementContext cb = new FakeReplacementContext(5).now(frames * CYCLES_PER_ACCESS);
                CheckedReplacement b = new CheckedReplacement(newPolicy(), cb, seedPages(frames));
                randomRun(b, 99, frames, 2 * frames + 2, 1000, future);
                assertEquals(a.victims(), b.victims(), "seeded policy decided differently with " + frames
                        + " frames" + (future ? ", future known" : ""));
            }
        }
    }

    // ---- helpers ----

    /** Evicts until nothing is resident; returns the victims' vpns in order. */
    protected static List<Long> drain(CheckedReplacement p) {
        List<Long> got = new ArrayList<>();
        while (p.size() > 0) {
            got.add(p.evict().vpn());
        }
        return got;
    }

    /** Pages 0..n-1 in frames 0..n-1, loaded one access apart, each referenced once at load. */
    protected static List<FakePage> seedPages(int n) {
        List<FakePage> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = i * CYCLES_PER_ACCESS;
            pages.add(new FakePage(i, i).loadedAt(t).touch(t, false));
        }
        return pages;
    }

    /**
     * Drives p as the mechanism would over a random reference string of
     * length accesses over vpns 0..vpns-1 with frames frames, starting from
     * the pages already resident: a hit is accessed() (30% writes), a miss
     * loads (evicting when full), and before 4% of the accesses a random
     * resident page is removed. When future, the context's nextAccess knows
     * the string (the position of a page's next access, Long.MAX_VALUE for
     * never); otherwise it answers -1.
     */
    protected static void randomRun(CheckedReplacement p, long seed, int frames, int vpns, int accesses,
            boolean future) {
        Random r = new Random(seed);
        long[] refs = new long[accesses];
        for (int i = 0; i < accesses; i++) {
            refs[i] = r.nextInt(vpns);
        }
        FakeReplacementContext ctx = p.context();
        long base = ctx.now();
        int[] position = {0};
        if (future) {
            ctx.future(page -> {
                for (int j = position[0] + 1; j < refs.length; j++) {
                    if (refs[j] == page.vpn()) {
                        return j;
                    }
                }
                return Long.MAX_VALUE;
            });
        } else {
            ctx.future(null);
        }
        long period = p.policy().tickPeriod();
        long nextTick = period > 0 && period < Long.MAX_VALUE ? base + period : Long.MAX_VALUE;
        long samplePeriod = p.policy().accessSamplePeriod();
        long nextSample = samplePeriod > 0 && samplePeriod < Long.MAX_VALUE ? base + samplePeriod : Long.MAX_VALUE;
        for (int i = 0; i < accesses; i++) {
            position[0] = i;
            long now = base + (i + 1) * CYCLES_PER_ACCESS;
            while (nextTick <= now) {
                ctx.now(nextTick);
                p.tick();
                nextTick = nextTick + period < nextTick ? Long.MAX_VALUE : nextTick + period;
            }
            while (nextSample <= now) {
                ctx.now(nextSample);
                p.sample();
                nextSample = nextSample + samplePeriod < nextSample ? Long.MAX_VALUE : nextSample + samplePeriod;
            }
            ctx.now(now);
            if (p.size() > 0 && r.nextInt(100) < 4) {
                p.remove(p.resident().get(r.nextInt(p.size())));
            }
            boolean write = r.nextInt(100) < 30;
            p.reference(refs[i], write, frames);
        }
        ctx.future(null);
    }
}
