package osbox.testkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoPriorityClass;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.testkit.policy.PolicyProviderContract;

/**
 * The contract every I/O-scheduler policy must pass. Subclass it in your
 * bundle's tests, implement {@link #provider()} and say what the policy
 * promises against starvation with {@link #waitBound()}.
 *
 * <p>It checks that every queued request is dispatched exactly once (none
 * lost, none twice, none after it was cancelled), also when the policy is
 * swapped for a fresh one mid-stream and re-seeded with the queue; that the
 * same input gives the same order; and the starvation bound on
 * {@link #starvationRun}: process 1 keeps {@value #STREAM_DEPTH} reads
 * queued in a narrow band of sectors near the head while process 2 waits for
 * one read far away.
 */
public abstract class IoSchedulingPolicyContract extends PolicyProviderContract<IoSchedulingPolicy> {
    /** The disk of the contract's runs, in sectors. */
    public static final long CAPACITY = 1_000_000;
    /** The starvation run's band: process 1 reads sectors [BAND_START, BAND_START + BAND_WIDTH). */
    public static final long BAND_START = 1_000;
    /** Width of the band, in sectors. */
    public static final long BAND_WIDTH = 100;
    /** How many reads process 1 keeps queued. */
    public static final int STREAM_DEPTH = 8;
    /** How many dispatches process 1 keeps its stream going. */
    public static final int STREAM_LENGTH = 3_000;
    /** The far sector process 2 reads. */
    public static final long FAR_SECTOR = 900_000;
    /** Cycles each dispatch takes in the contract's runs. */
    public static final long SERVICE_CYCLES = 10_000;

    /** The provider under test. */
    @Override
    protected abstract IoSchedulingPolicyProvider provider();

    /**
     * The most dispatches any request may wait in {@link #starvationRun}
     * (with {@link #options()}), or -1 when the policy promises no bound (then
     * the contract shows that the far request starves while the stream lasts).
     */
    protected abstract long waitBound();

    /** A fresh policy driven on the contract's disk, head at {@code head}. */
    protected IoDriver driver(long head) {
        return new IoDriver(newPolicy(), new FakeIoContext(0, CAPACITY), head, SERVICE_CYCLES);
    }

    // ---- the provider (and the checks of PolicyProviderContract) ----

    /** Each create(...) gives a new instance that shares no state with the others. */
    @Test
    public void instancesShareNoState() {
        IoDriver a = driver(0);
        IoDriver b = driver(0);
        assertNotSame(a, b);
        a.add(FakeRequest.read(1, 10));
        assertNull(b.dispatch(), "a request added to one instance was dispatched by another");
        assertEquals(1, a.dispatch().id());
    }

    // ---- exactly once ----

    /** Nothing queued: dispatch answers null. */
    @Test
    public void dispatchesNothingWhenNothingIsQueued() {
        assertNull(driver(500).dispatch());
    }

    /** Each of a static queue is dispatched once, then null. */
    @Test
    public void dispatchesEachQueuedRequestOnce() {
        IoDriver d = IoDriver.serve(newPolicy(), 200, 53, 98, 183, 37, 122, 14, 124, 65, 67);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), sorted(d.dispatchedIds()));
    }

    /** A random mix (reads, writes, flushes, processes, classes, cancellations): each request once. */
    @Test
    public void dispatchesEveryRequestOfAMixExactlyOnce() {
        Mix mix = mixedRun(11, 0);
        assertEquals(mix.expected, sorted(mix.driver.dispatchedIds()), "dispatched ids");
    }

    /**
     * Swapped for a fresh instance every 37 dispatches and re-seeded with
     * the queue: still each request once, none lost or duplicated.
     */
    @Test
    public void survivesReseedingMidStream() {
        Mix mix = mixedRun(13, 37);
        assertEquals(mix.expected, sorted(mix.driver.dispatchedIds()), "dispatched ids across swaps");
    }

    /** The same input gives the same order (also with swaps). */
    @Test
    public void isDeterministic() {
        assertEquals(mixedRun(17, 0).driver.dispatchedIds(), mixedRun(17, 0).driver.dispatchedIds());
        assertEquals(mixedRun(19, 50).driver.dispatchedIds(), mixedRun(19, 50).driver.dispatchedIds());
    }

    // ---- starvation ----

    /**
     * The starvation run: the policy's bound holds for every request; a
     * policy without one (SSTF) leaves the far read waiting while the
     * stream lasts.
     */
    @Test
    public void boundsTheWaitOrShowsStarvation() {
        IoDriver d = starvationRun();
        long far = d.waitOf(STREAM_LENGTH + 1_000_000L);
        long worst = d.waits().stream().mapToLong(Long::longValue).max().orElseThrow();
        if (waitBound() < 0) {
            assertTrue(far >= STREAM_LENGTH - STREAM_DEPTH,
                    "the policy promises no bound, but the far read was served after " + far + " dispatches");
        } else {
            assertTrue(worst <= waitBound(), "a request waited " + worst + " dispatches, past the bound "
                    + waitBound() + " (far read: " + far + ")");
        }
    }

    /**
     * Process 1 keeps {@value #STREAM_DEPTH} one-sector reads queued in the
     * band near the head ({@value #STREAM_LENGTH} dispatches, then the queue
     * drains); process 2's one read of {@value #FAR_SECTOR} (id
     * STREAM_LENGTH + 1000000) is queued after the first stream reads.
     */
    protected IoDriver starvationRun() {
        IoDriver d = driver(BAND_START);
        SplittableRandom random = new SplittableRandom(42);
        long id = 1;
        for (int i = 0; i < STREAM_DEPTH; i++) {
            d.add(FakeRequest.read(id++, BAND_START + random.nextLong(BAND_WIDTH)).at(d.now()));
        }
        d.add(FakeRequest.read(STREAM_LENGTH + 1_000_000L, FAR_SECTOR).by(2).at(d.now()));
        for (int step = 0; step < STREAM_LENGTH; step++) {
            d.dispatch();
            d.add(FakeRequest.read(id++, BAND_START + random.nextLong(BAND_WIDTH)).at(d.now()));
        }
        d.drain();
        return d;
    }

    /** A driver's run over a random mix and the ids it must dispatch (sorted). */
    protected record Mix(IoDriver driver, List<Long> expected) {
    }

    /**
     * 600 steps from {@code seed}: each adds 0 to 3 requests (reads and
     * writes of 1 to 8 sectors anywhere, a flush now and then, from 4
     * processes in every I/O class), sometimes cancels one, and dispatches
     * one; then the queue drains. With {@code swapEvery} above 0 the policy
     * is replaced by a fresh instance every that many dispatches.
     */
    protected Mix mixedRun(long seed, int swapEvery) {
        IoDriver d = driver(0);
        SplittableRandom random = new SplittableRandom(seed);
        IoPriorityClass[] classes = IoPriorityClass.values();
        List<Long> expected = new ArrayList<>();
        long id = 1;
        for (int step = 0; step < 600; step++) {
            int adds = random.nextInt(4);
            for (int i = 0; i < adds; i++) {
                long sector = random.nextLong(CAPACITY - 8);
                FakeRequest r = random.nextInt(3) == 0 ? FakeRequest.write(id, sector) : FakeRequest.read(id, sector);
                if (random.nextInt(20) == 0) {
                    r = r.flush();
                } else {
                    r = r.sectors(1 + random.nextInt(8));
                }
                r = r.by(1 + random.nextInt(4)).priority(classes[random.nextInt(classes.length)], random.nextInt(8))
                        .at(d.now());
                d.add(r);
                expected.add(id++);
            }
            if (random.nextInt(10) == 0 && d.queuedCount() > 0) {
                BlockRequest victim = d.queued().get(random.nextInt(d.queuedCount()));
                d.remove(victim.id());
                expected.remove(victim.id());
            }
            d.dispatch();
            if (swapEvery > 0 && (step + 1) % swapEvery == 0) {
                d.swap(newPolicy());
            }
        }
        d.drain();
        return new Mix(d, sorted(expected));
    }

    /** The ids in increasing order, duplicates kept (so a duplicate shows). */
    static List<Long> sorted(List<Long> ids) {
        List<Long> out = new ArrayList<>(ids);
        out.sort(null);
        assertEquals(out.size(), new TreeSet<>(out).size(), "an id appears twice: " + out);
        return out;
    }
}
