package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import osbox.api.hw.PhysicalMemory;

/**
 * Swap through a device ({@link SwapBackend}): the page-outs and page-ins
 * of user faults take the device's time while the faulting thread sleeps.
 * <ul>
 * <li>A page-out writes the victim's frame to its slot; the frame is "under
 * writeback" and becomes free only when the write completes.</li>
 * <li>A page-in reserves a frame and reads the slot into it; the fault
 * answers WAIT, the kernel puts the thread to sleep, and the completion
 * maps the page and wakes it (a second fault on the slot waits on the same
 * read; a fault on a slot still being written waits for the write).</li>
 * <li>A fault that finds no free frame while writebacks are in flight
 * waits for the next one to complete.</li>
 * <li>The swap cache: a page read back keeps its slot while it stays clean
 * (its PTE's D bit), so evicting it again writes nothing.</li>
 * </ul>
 * Only faults of a user thread (which can sleep) go this way: the kernel's
 * own accesses (a system call touching a swapped-out page), fork copies and
 * shared-memory pages take the synchronous path through the swap area's
 * host copy of every slot, charged {@link SwapArea#cycles()} as before. A
 * slot with I/O in flight is busy: never handed out again until the I/O
 * completes. Simulation thread only.
 */
final class SwapIo {
    /** One I/O in flight on a slot, and the faults waiting for it. */
    static final class Pending {
        final long slot;
        final long frame;
        final long submitted;
        final List<Runnable> waiters = new ArrayList<>();

        Pending(long slot, long frame, long submitted) {
            this.slot = slot;
            this.frame = frame;
            this.submitted = submitted;
        }
    }

    private final PhysicalMemory mem;
    private final FrameAllocator frames;
    private final SwapArea swap;
    private final LongSupplier clock;
    private SwapBackend backend;
    private int userFaults;
    private final TreeMap<Long, Pending> reads = new TreeMap<>();
    private final TreeMap<Long, Pending> writes = new TreeMap<>();
    private final List<Runnable> frameWaiters = new ArrayList<>();
    /** The waiters of the I/O the last WAIT answer waits for (see {@link #onFaultReady}). */
    private List<Runnable> lastWait;
    /** The swap cache: frame of a clean page read back from swap -> the slot still holding its bytes. */
    private final TreeMap<Long, Long> cache = new TreeMap<>();
    private long diskPageOuts;
    private long diskPageIns;
    private long cacheHits;
    private long readCycles;
    private long writeCycles;
    private long waits;
    private long frameWaits;
    private long errors;

    SwapIo(PhysicalMemory mem, FrameAllocator frames, SwapArea swap, LongSupplier clock) {
        this.mem = mem;
        this.frames = frames;
        this.swap = swap;
        this.clock = clock;
    }

    /**
     * Puts swap on {@code backend} (at boot, before anything was paged
     * out): the swap area takes the device's size. IllegalStateException
     * when pages are in swap already.
     */
    void use(SwapBackend b) {
        swap.resize(b.slots());
        this.backend = b;
    }

    /** The device swap is on, or null (host memory only). */
    SwapBackend backend() {
        return backend;
    }

    /** A user thread's fault is being served (it may sleep): page transfers go through the device. */
    void beginUserFault() {
        userFaults++;
    }

    /** The user fault is served. */
    void endUserFault() {
        userFaults--;
    }

    /** Whether the transfer being decided now goes through the device (a user fault, swap on a device). */
    boolean asynchronous() {
        return backend != null && userFaults > 0;
    }

    // ---- page-out ----

    /**
     * Frame ppn's page has been given slot (its bytes are in the swap
     * area's copy already) and its PTE points there: the device write
     * starts; the frame is freed when it completes.
     */
    void writeBack(long slot, long ppn) {
        Pending w = new Pending(slot, ppn, clock.getAsLong());
        writes.put(slot, w);
        swap.setBusy(slot, true);
        diskPageOuts++;
        backend.write(slot, ppn, errno -> written(w, errno));
    }

    // The write of w completed: its frame is free, its waiters (and those waiting for any frame) wake.
    private void written(Pending w, int errno) {
        writes.remove(w.slot);
        swap.setBusy(w.slot, false);
        writeCycles += clock.getAsLong() - w.submitted;
        if (errno != 0) {
            errors++; // the swap area's copy still holds the page: a later page-in falls back to it
        }
        if (frames.release(w.frame)) {
            mem.unmarkCode(w.frame);
        }
        wake(w.waiters);
        wake(frameWaiters);
    }

    /** Frames whose write to the device has not completed. */
    int writebacks() {
        return writes.size();
    }

    // ---- page-in ----

    /**
     * A user fault needs slot's page: the I/O in flight on it to wait for
     * (a read by an earlier fault, or its page-out's write), or null when
     * the caller should start a read.
     */
    Pending inFlight(long slot) {
        Pending r = reads.get(slot);
        return r != null ? r : writes.get(slot);
    }

    /**
     * Starts reading slot into the reserved frame f; {@code arrived} maps it
     * (or gives the frame back when the page is no longer wanted) when the
     * data is there. Returns the read, whose waiters wake after that.
     */
    Pending readIn(long slot, long f, ArrivedHandler arrived) {
        Pending r = new Pending(slot, f, clock.getAsLong());
        reads.put(slot, r);
        swap.setBusy(slot, true);
        backend.read(slot, f, errno -> {
            reads.remove(slot);
            swap.setBusy(slot, false);
            readCycles += clock.getAsLong() - r.submitted;
            if (errno != 0 && swap.inUse(slot)) {
                errors++;
                swap.pageIn(slot, scratch);  // the device failed: the swap area's copy is the page
                mem.write(f << 12, scratch, 0, scratch.length);
            }
            diskPageIns++;
            arrived.arrived(r);
            wake(r.waiters);
        });
        return r;
    }

    private final byte[] scratch = new byte[SwapArea.PAGE];

    /** What a completed page-in does with its frame. */
    @FunctionalInterface
    interface ArrivedHandler {
        void arrived(Pending read);
    }

    // ---- waiting ----

    /** The fault answers WAIT for {@code io}: {@link #onFaultReady} adds to its waiters. */
    void waitFor(Pending io) {
        waits++;
        lastWait = io.waiters;
    }

    /**
     * Whether a fault that found no frame can wait for one (a writeback is
     * in flight); if so it is counted and {@link #onFaultReady} adds to the
     * waiters of the next completed write.
     */
    boolean waitForFrame() {
        if (writes.isEmpty()) {
            return false;
        }
        waits++;
        frameWaits++;
        lastWait = frameWaiters;
        return true;
    }

    /** Right after a WAIT answer: wake runs when that I/O completes (at once when there is none). */
    void onFaultReady(Runnable wake) {
        List<Runnable> w = lastWait;
        lastWait = null;
        if (w == null) {
            wake.run();
        } else {
            w.add(wake);
        }
    }

    // Runs and forgets the waiters, in the order they came.
    private static void wake(List<Runnable> waiters) {
        if (waiters.isEmpty()) {
            return;
        }
        List<Runnable> due = new ArrayList<>(waiters);
        waiters.clear();
        due.forEach(Runnable::run);
    }

    // ---- the swap cache ----

    /** A page read back into frame f keeps slot (one reference) while it stays clean. */
    void cache(long f, long slot) {
        cache.put(f, slot);
    }

    /**
     * Frame f is leaving memory or its page changes owner: the slot it keeps
     * (if any) is taken out of the cache and returned, else -1. The caller
     * reuses it (a clean eviction: a cache hit) or frees it.
     */
    long uncache(long f) {
        Long s = cache.remove(f);
        return s == null ? -1 : s;
    }

    /** A clean page was evicted to the slot it kept: nothing written. */
    void cacheHit() {
        cacheHits++;
    }

    /**
     * Swap is full: the swap cache gives up one slot (of the lowest frame
     * it keeps one for) and returns it for the caller to free; -1 when it
     * keeps none.
     */
    long dropOne() {
        var e = cache.pollFirstEntry();
        return e == null ? -1 : e.getValue();
    }

    /** Pages in memory whose slot the swap cache keeps. */
    int cached() {
        return cache.size();
    }

    // ---- counters ----

    long diskPageOuts() {
        return diskPageOuts;
    }

    long diskPageIns() {
        return diskPageIns;
    }

    long cacheHits() {
        return cacheHits;
    }

    /** Cycles from submission to completion, summed over the device reads. */
    long readCycles() {
        return readCycles;
    }

    /** Cycles from submission to completion, summed over the device writes. */
    long writeCycles() {
        return writeCycles;
    }

    /** Faults answered WAIT (a page-in, a page under writeback, or no free frame). */
    long waits() {
        return waits;
    }

    /** Of those, the faults that waited for a writeback to free a frame. */
    long frameWaits() {
        return frameWaits;
    }

    /** Device transfers that failed (the swap area's copy was used instead). */
    long errors() {
        return errors;
    }
}
