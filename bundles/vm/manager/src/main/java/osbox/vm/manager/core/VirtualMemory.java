package osbox.vm.manager.core;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import osbox.api.hw.PhysicalMemory;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.kernel.support.PolicySlot;

/**
 * The paging mechanism shared by every address space: the one path through
 * which user and page-table frames are allocated (evicting a page to swap
 * when the frame allocator is empty), the registry of evictable pages, the
 * swap area, and the page-replacement policy slot. The mechanism owns the
 * truth (which pages are resident, their PTE bits, the swap slots); the
 * active {@link ReplacementPolicy} only names the victim.
 *
 * <p>This class is the mechanism's face (to the VM manager, the address
 * spaces and tests) and its registry: spaces report here every page that
 * becomes resident or stops being evictable, and the policy is told. The
 * work is done by one part per mechanism:
 * <pre>
 *   Eviction          one victim paged out, whoever maps it; the victim budget
 *   ReverseMap        who maps a shared frame; the live spaces; the fork in progress
 *   ReplacementSlot   the policy slot, its guards and ejections, the tick   (PolicyContext: the policy's view)
 *   AccessSampling    the A-bit scans for policies that ask for them
 *   ProgressWatchdog  ejects a policy whose victims keep a process from progressing
 *   PagingTrace       where memory events and slot notes are recorded
 *   SwapTransfer      page bytes between frames and swap slots
 * </pre>
 * Every call into the policy is guarded: one that throws, or names a page
 * that is not a registered resident page, is ejected and the built-in FIFO
 * takes over, seeded with every resident page. The no-progress watchdog
 * ejects it too ({@link #NO_PROGRESS_LIMIT}), and so does a frame that
 * needed more than {@link #VICTIM_BUDGET} victims. Simulation thread only.
 */
public final class VirtualMemory {
    /** Times in a row a fault's page may be evicted before its instruction retired and faulted in again. */
    public static final int NO_PROGRESS_LIMIT = 8;
    /** Victims one frame allocation may take. */
    public static final int VICTIM_BUDGET = 16;

    /**
     * What the machine offers the paging mechanism: timed events (for access
     * sampling between allocations) and the progress of the process using an
     * address space (for the no-progress watchdog).
     */
    public interface Host {
        /** Schedules action at absolute cycle at; returns an id for {@link #cancel}. */
        long schedule(long at, Runnable action);

        /** Cancels a scheduled event. */
        void cancel(long id);

        /** Whether some hart runs a process now (the sampling event is pending only then). */
        boolean running();

        /** Instructions retired by the hart running space, or -1 when it runs nowhere. */
        long progress(PagedAddressSpace space);
    }

    private final PhysicalMemory mem;
    private final FrameAllocator frames;
    private final SwapArea swap;
    private final LongSupplier clock;
    private final PagingTrace trace;
    private final ResidentPages resident = new ResidentPages();
    private final ReverseMap rmap;
    private final ReplacementSlot slot;
    private final AccessSampling sampling;
    private final ProgressWatchdog watchdog;
    private final Eviction eviction;
    private final SwapTransfer transfer;
    private final SwapIo swapIo;
    private long pendingCycles;
    private long pageIns;

    /**
     * @param clock  simulated time (cycles)
     * @param seed   seed of the policies' random numbers
     * @param tracer where page-outs, page-ins and ejections are traced (null: nowhere)
     */
    public VirtualMemory(PhysicalMemory mem, FrameAllocator frames, SwapArea swap, LongSupplier clock, long seed,
            Tracer tracer) {
        this.mem = mem;
        this.frames = frames;
        this.swap = swap;
        this.clock = clock;
        this.trace = new PagingTrace(tracer);
        this.rmap = new ReverseMap(frames);
        this.slot = new ReplacementSlot(resident, clock, trace, seed, this::attached);
        this.sampling = new AccessSampling(slot, resident, clock);
        this.watchdog = new ProgressWatchdog(slot);
        this.transfer = new SwapTransfer(mem, swap);
        this.swapIo = new SwapIo(mem, frames, swap, clock);
        this.eviction = new Eviction(mem, frames, swap, resident, slot, watchdog, rmap, trace, transfer);
    }

    /**
     * Connects the machine: access sampling then runs from timed events, and
     * the no-progress watchdog can see instructions retire. Without it both
     * are limited (sampling at allocations only, no progress watchdog).
     */
    public void useHost(Host host) {
        watchdog.useHost(host);
        sampling.useHost(host);
    }

    /** No swap, time 0, no trace: for address spaces made outside a kernel (tests, tools). */
    public static VirtualMemory withoutSwap(PhysicalMemory mem, FrameAllocator frames) {
        return new VirtualMemory(mem, frames, SwapArea.none(), () -> 0, 0, null);
    }

    /** The physical memory every frame is in. */
    public PhysicalMemory memory() {
        return mem;
    }

    /** The frame allocator (the free frames, and each frame's references). */
    public FrameAllocator frames() {
        return frames;
    }

    /** The swap area. */
    public SwapArea swap() {
        return swap;
    }

    /** Page transfers between frames and swap slots (for the spaces' page-outs and page-ins). */
    SwapTransfer transfer() {
        return transfer;
    }

    /** Swap through a device: writeback, page-ins a thread waits for, the swap cache. */
    SwapIo swapIo() {
        return swapIo;
    }

    /**
     * Puts swap on a device (at boot, before anything is paged out): the
     * swap area takes its size, and user faults page out and in through it
     * (see {@link SwapIo}). IllegalStateException when pages are in swap.
     */
    public void useSwapDevice(SwapBackend backend) {
        swapIo.use(backend);
    }

    /** The device swap is on, or null when swap is host memory only. */
    public SwapBackend swapDevice() {
        return swapIo.backend();
    }

    /** The registry of evictable resident pages. */
    public ResidentPages resident() {
        return resident;
    }

    /** The replacement policy slot: selection, providers, ejections. */
    public PolicySlot<ReplacementPolicy, ReplacementPolicyProvider> slot() {
        return slot.slot();
    }

    // ---- frames ----

    /**
     * A frame (one reference, contents undefined), evicting resident pages to
     * swap while the allocator is empty; -1 when no frame can be freed (no
     * evictable page, or swap full or absent). The policy's tick and a due
     * access sampling run first.
     */
    public long allocateFrame() {
        slot.tickIfDue();
        sampling.sampleIfDue();
        long f = frames.allocate();
        eviction.newFrame();
        while (f < 0) {
            if (!evictOne()) {
                return -1;
            }
            f = frames.allocate();
            if (f < 0 && swapIo.asynchronous() && swapIo.writebacks() > 0) {
                return -1; // the victim's frame is under writeback: the user fault waits for it (SwapIo)
            }
        }
        return f;
    }

    /** Evicts one page chosen by the policy (its swap transfer charged); false when nothing can be evicted. */
    public boolean evictOne() {
        if (swap.available() == 0) {
            long cached = swapIo.dropOne(); // a slot the swap cache keeps is worth less than a page-out
            if (cached >= 0) {
                swap.free(cached);
            }
        }
        long byDevice = swapIo.diskPageOuts() + swapIo.cacheHits();
        if (!eviction.evictOne()) {
            return false;
        }
        if (swapIo.diskPageOuts() + swapIo.cacheHits() == byDevice) {
            pendingCycles += swap.cycles(); // a write to the host area: charged now; a device's takes its time
        }
        return true;
    }

    /** Cycles of swap transfers not yet charged to a hart; resets them. Called after every trap. */
    public long takeCycles() {
        sampling.trapped();
        long c = pendingCycles;
        pendingCycles = 0;
        return c;
    }

    // ---- what address spaces report ----

    /**
     * Records a memory event of {@code space} (see TraceKind's memory
     * events): pid = its owner, hart -1; nothing when there is no tracer or
     * the space has no owner yet.
     */
    void traceMemory(TraceKind kind, PagedAddressSpace space, long a, long b) {
        trace.memory(kind, space, a, b);
    }

    /** A space was made with frames from here: it counts as live until destroyed. */
    void spaceCreated(PagedAddressSpace space) {
        rmap.spaceCreated(space);
    }

    /** A space was destroyed: it no longer counts as live. */
    void spaceDestroyed(PagedAddressSpace space) {
        rmap.spaceDestroyed(space);
    }

    /** The spaces not destroyed yet, oldest first (for counters summed over live processes). */
    public List<PagedAddressSpace> liveSpaces() {
        return rmap.liveSpaces();
    }

    /** fork of parent starts (parent) or ends (null): its pages stay registered while they become shared. */
    void forking(PagedAddressSpace parent) {
        rmap.forking(parent);
    }

    /** A private page became resident in frame ppn at va of space: registered, and the policy is told. */
    void loaded(PagedAddressSpace space, long va, long ppn) {
        if (resident.get(ppn) != null) {
            return;
        }
        PageRecord r = new PageRecord(ppn, space, va, clock.getAsLong());
        resident.add(r);
        watchdog.loaded(r);
        ReplacementPolicy p = slot.active();
        slot.tell("loaded", () -> p.loaded(r));
    }

    /**
     * The page in frame ppn of space stops being evictable (unmapped, exit,
     * shared at fork), unless another mapping keeps it so (see
     * {@link ReverseMap#staysEvictable}); the policy is told when it goes.
     */
    void removed(PagedAddressSpace space, long ppn) {
        long cached = swapIo.uncache(ppn);
        if (cached >= 0) {
            swap.free(cached); // the page leaves (or is shared): the slot it kept in the swap cache goes
        }
        PageRecord r = resident.get(ppn);
        if (r == null || rmap.staysEvictable(r, space)) {
            return;
        }
        forget(r);
    }

    /**
     * Page i of the shared memory object shm became resident in frame ppn,
     * brought in by space's fault at va.
     */
    void sharedLoaded(SharedMemory shm, long i, long ppn, PagedAddressSpace space, long va) {
        rmap.sharedLoaded(shm, i, ppn);
        loaded(space, va, ppn);
    }

    /** The shared memory object shm is freeing its frame ppn (its last mapper is gone). */
    void sharedFrameFreed(SharedMemory shm, long ppn) {
        rmap.sharedGone(ppn);
        PageRecord r = resident.get(ppn);
        if (r != null) {
            forget(r);
        }
    }

    /** The kernel touched the page in frame ppn on the process's behalf: the policy is told. */
    void accessed(long ppn) {
        PageRecord r = resident.get(ppn);
        if (r == null) {
            return;
        }
        r.lastAccess = clock.getAsLong();
        r.accesses++;
        ReplacementPolicy p = slot.active();
        slot.tell("accessed", () -> p.accessed(r));
    }

    /** A page came back from swap slot into space at va: counted, its transfer charged, the watchdog told. */
    void pagedIn(PagedAddressSpace space, long va, long slotNumber) {
        pageIns++;
        pendingCycles += swap.cycles();
        watchdog.pagedIn(space, va);
    }

    /** A page came back from the swap device into space at va: counted, the watchdog told (the thread waited). */
    void pagedInFromDevice(PagedAddressSpace space, long va) {
        pageIns++;
        watchdog.pagedIn(space, va);
    }

    /**
     * Whether space was found unable to progress (see
     * {@link ProgressWatchdog#takeStarved}); clears the finding. The caller
     * reports the fault as out of memory.
     */
    boolean takeStarved(PagedAddressSpace space) {
        return watchdog.takeStarved(space);
    }

    // Unregisters r; the policy is told.
    private void forget(PageRecord r) {
        resident.remove(r.ppn);
        ReplacementPolicy p = slot.active();
        slot.tell("removed", () -> p.removed(r));
    }

    // ---- the policy slot ----

    /** Chooses the replacement policy by name with options (see {@link PolicySlot#select}). */
    public boolean select(String name, Map<String, String> options) {
        return slot.select(name, options);
    }

    /** A replacement policy provider arrived under {@code name}. */
    public void addProvider(String name, ReplacementPolicyProvider provider) {
        slot.addProvider(name, provider);
    }

    /** A replacement policy provider left; if it was active the built-in FIFO takes over. */
    public void removeProvider(String name, ReplacementPolicyProvider provider) {
        slot.removeProvider(name, provider);
    }

    // After a policy attached (see ReplacementSlot): its sampling period, a fresh watchdog, the sampling
    // event re-armed for it.
    private void attached(ReplacementPolicy to) {
        sampling.usePeriod(slot.ask("accessSamplePeriod", to::accessSamplePeriod, Long.MAX_VALUE));
        watchdog.reset();
        sampling.rearm();
    }

    /** Samples the reference bits now (see {@link AccessSampling#sample}). */
    public void sample() {
        sampling.sample();
    }

    // ---- counters ----

    /** Pages written to swap by eviction. */
    public long pageOuts() {
        return eviction.pageOuts();
    }

    /** Pages read back from swap by faults. */
    public long pageIns() {
        return pageIns;
    }

    /** Times a frame was needed and nothing could be evicted. */
    public long evictionFailures() {
        return eviction.evictionFailures();
    }

    /** Pages evicted that several mappings shared (each written once, every mapping pointed at it). */
    public long sharedEvictions() {
        return eviction.sharedEvictions();
    }

    /** Faults turned into out-of-memory because their instruction could not progress under the fallback. */
    public long starvations() {
        return watchdog.starvations();
    }

    /** Samplings of the reference bits done for the policy. */
    public long samples() {
        return sampling.samples();
    }

    /** Pages found referenced by those samplings (each cleared and shot down from the TLBs). */
    public long sampledReferenced() {
        return sampling.referenced();
    }

    /** The active policy's sampling period in cycles, or Long.MAX_VALUE when it asks for none. */
    public long samplePeriod() {
        return sampling.period();
    }
}
