package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.Pte;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.kernel.support.PolicySlot;

/**
 * The paging mechanism shared by every address space: the one path through
 * which user and page-table frames are allocated (evicting a page to swap
 * when the frame allocator is empty), the registry of evictable pages, the
 * swap area, and the page-replacement policy slot. The mechanism owns the
 * truth (which pages are resident, their PTE bits, the swap slots); the
 * active {@link ReplacementPolicy} only names the victim. Every call into the
 * policy is guarded: one that throws, or names a page that is not a
 * registered resident page, is ejected and the built-in FIFO takes over,
 * seeded with every resident page. A no-progress watchdog ejects it too when
 * its victims keep a process from making progress: the page a fault just
 * brought in is evicted before the faulting instruction retired and then
 * faulted in again, {@link #NO_PROGRESS_LIMIT} times in a row, or one frame
 * needed more than {@link #VICTIM_BUDGET} victims.
 *
 * <p>Access sampling: for a policy whose {@link ReplacementPolicy#accessSamplePeriod()}
 * is finite, every resident page's PTE A bit is scanned at that period (load
 * order), {@code accessed} is reported for each referenced page, and the bit
 * is cleared and the page dropped from the TLBs, so its next use refills and
 * sets it again. The scan runs from a machine event while a hart runs a
 * process (see {@link Host}; with every hart idle the event is dropped, and
 * the next trap schedules it again), and lazily at allocations. Simulation
 * thread only.
 */
public final class VirtualMemory {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualMemory.class);
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
    private final Tracer tracer;
    private final ResidentPages resident = new ResidentPages();
    private final PolicySlot<ReplacementPolicy, ReplacementPolicyProvider> slot;
    private final Context context;
    final byte[] scratch = new byte[(int) PagedAddressSpace.PAGE];
    private long pendingCycles;
    private long nextTick = Long.MAX_VALUE;
    private long pageOuts;
    private long pageIns;
    private long evictionFailures;
    private Host host;
    // access sampling
    private long samplePeriod = Long.MAX_VALUE;
    private long nextSample = Long.MAX_VALUE;
    private long sampleEvent;
    private long samples;
    private long sampledReferenced;
    // the no-progress watchdog: the page most recently brought in, the one evicted before its instruction retired
    private PageRecord lastLoaded;
    private long lastLoadedProgress = -1;
    private final PagedAddressSpace[] stalledSpace = new PagedAddressSpace[4];
    private final long[] stalledVa = new long[4];
    private final long[] stalledProgress = new long[4];
    private int stalledNext;
    private int noProgress;
    // a space whose instruction cannot progress even under the fallback: memory is too small for it
    private PagedAddressSpace starved;
    private long starvations;
    private int victimsThisFrame;
    private final java.util.LinkedHashSet<PagedAddressSpace> live = new java.util.LinkedHashSet<>();

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
        this.tracer = tracer;
        this.context = new Context(seed);
        this.slot = new PolicySlot<>("page replacement", new BuiltinFifo(), this::handOver);
    }

    /**
     * Connects the machine: access sampling then runs from timed events, and
     * the no-progress watchdog can see instructions retire. Without it both
     * are limited (sampling at allocations only, no progress watchdog).
     */
    public void useHost(Host host) {
        this.host = host;
        ensureSampling();
    }

    /** No swap, time 0, no trace: for address spaces made outside a kernel (tests, tools). */
    public static VirtualMemory withoutSwap(PhysicalMemory mem, FrameAllocator frames) {
        return new VirtualMemory(mem, frames, SwapArea.none(), () -> 0, 0, null);
    }

    public PhysicalMemory memory() {
        return mem;
    }

    public FrameAllocator frames() {
        return frames;
    }

    public SwapArea swap() {
        return swap;
    }

    public ResidentPages resident() {
        return resident;
    }

    /** The replacement policy slot: selection, providers, ejections. */
    public PolicySlot<ReplacementPolicy, ReplacementPolicyProvider> slot() {
        return slot;
    }

    long now() {
        return clock.getAsLong();
    }

    // ---- frames ----

    /**
     * A frame (one reference, contents undefined), evicting resident pages to
     * swap while the allocator is empty; -1 when no frame can be freed (no
     * evictable page, or swap full or absent).
     */
    public long allocateFrame() {
        tickIfDue();
        sampleIfDue();
        long f = frames.allocate();
        victimsThisFrame = 0;
        while (f < 0) {
            if (!evictOne()) {
                return -1;
            }
            f = frames.allocate();
        }
        return f;
    }

    /** Evicts one page chosen by the policy; false when nothing can be evicted. */
    public boolean evictOne() {
        if (resident.size() == 0 || swap.available() == 0) {
            evictionFailures++;
            return false;
        }
        if (++victimsThisFrame > VICTIM_BUDGET && !slot.isFallback()) {
            eject("victim() was asked " + victimsThisFrame + " times for one frame (budget " + VICTIM_BUDGET
                    + ")");
        }
        PageRecord r = victim();
        if (r == null) {
            evictionFailures++;
            return false;
        }
        noteEviction(r);
        r = evictRecord(r);
        if (r == null) {
            evictionFailures++;
            return false;
        }
        pageOuts++;
        traceMemory(TraceKind.PAGE_OUT, r.space, r.va, r.space.residentPages());
        pendingCycles += swap.cycles();
        return true;
    }

    // ---- the reverse map: evicting pages several spaces map ----

    /** Page {@code index} of a shared memory object, resident in a frame. */
    private record SharedPage(SharedMemory shm, long index) {
    }

    /** Frames of shared memory objects: lookups by frame only (never iterated, so hashing order never shows). */
    private final Map<Long, SharedPage> sharedFrames = new java.util.HashMap<>();
    /** The space whose fork is walking its page table now (its pages stay registered while they become shared). */
    private PagedAddressSpace forking;

    /** fork of parent starts (parent) or ends (null): see {@link #removed}. */
    void forking(PagedAddressSpace parent) {
        forking = parent;
    }

    // Pages the victim out, whoever maps it: privately (one PTE), copy-on-write or image pages shared
    // after fork (every mapping points to one slot), or a page of a shared memory object (the object
    // keeps the slot, every mapping is cleared).
    // Returns the record evicted: r, or another one when r cannot go now; null when none can.
    private PageRecord evictRecord(PageRecord r) {
        SharedPage sp = sharedFrames.get(r.ppn);
        if (sp != null && forking != null) {
            // fork's table walk may be holding a PTE of it: take the oldest page of no shared object instead
            ReplacementPolicy p = slot.active();
            tell("loaded", () -> p.loaded(r));
            PageRecord other = null;
            for (PageRecord q : resident.inLoadOrder()) {
                if (!sharedFrames.containsKey(q.ppn)) {
                    other = q;
                    break;
                }
            }
            if (other == null) {
                return null;
            }
            PageRecord o = other;
            tell("removed", () -> p.removed(o));
            return evictRecord(o);
        }
        resident.remove(r.ppn);
        if (sp != null) {
            evictSharedObjectPage(r, sp);
        } else if (frames.references(r.ppn) > 1) {
            evictSharedFrame(r);
        } else {
            lastSlot = r.space.swapping().evict(r.va, r.ppn);
        }
        return r;
    }

    // A frame several spaces map at the same va (fork shares pages at their address): written to one
    // slot once, every mapping's PTE points at it (the slot counts one reference per PTE).
    private void evictSharedFrame(PageRecord r) {
        List<PagedAddressSpace> mappers = mappersOf(r.ppn, r.va, null);
        if (mappers.size() != frames.references(r.ppn)) {
            // cannot happen (fork shares pages at their own address): leave it resident, unregistered
            LOG.error("frame {} has {} references but {} mappings at 0x{}: not evicted", r.ppn,
                    frames.references(r.ppn), mappers.size(), Long.toHexString(r.va));
            return;
        }
        mem.read(r.ppn << 12, scratch, 0, scratch.length);
        long s = swap.pageOut(scratch);
        if (s < 0) {
            throw new IllegalStateException("swap full while evicting");
        }
        for (int k = 1; k < mappers.size(); k++) {
            swap.share(s);
        }
        for (PagedAddressSpace m : mappers) {
            m.swapping().evictMapping(r.va, r.ppn, s);
        }
        lastSlot = s;
        sharedEvictions++;
    }

    // A page of a shared memory object: every mapping of it is cleared, the object keeps the slot; the
    // next fault by any mapper brings it back into the object, shared again.
    private void evictSharedObjectPage(PageRecord r, SharedPage sp) {
        for (SharedMemory.Mapping m : sp.shm().mappers()) {
            long va = sharedVa(m, sp);
            if (va >= 0) {
                m.space().swapping().dropSharedMapping(va, r.ppn);
            }
        }
        if (frames.references(r.ppn) != 1) {
            throw new IllegalStateException("shared page in frame " + r.ppn + " still has "
                    + (frames.references(r.ppn) - 1) + " mappings after every mapper dropped it");
        }
        mem.read(r.ppn << 12, scratch, 0, scratch.length);
        long s = swap.pageOut(scratch);
        if (s < 0) {
            throw new IllegalStateException("swap full while evicting");
        }
        sp.shm().setSlot(sp.index(), s);
        lastSlot = s;
        sharedFrames.remove(r.ppn);
        frames.release(r.ppn);
        mem.unmarkCode(r.ppn);
        sharedEvictions++;
    }

    // Where mapping m maps page sp.index of its object, or -1 when its region does not cover it.
    private static long sharedVa(SharedMemory.Mapping m, SharedPage sp) {
        Region g = m.region();
        if (g.shared != sp.shm()) {
            return -1;
        }
        long va = g.start + (sp.index() - g.sharedFirst) * PagedAddressSpace.PAGE;
        return g.contains(va) ? va : -1;
    }

    // The live spaces (oldest first) whose PTE at va maps frame ppn, but except.
    private List<PagedAddressSpace> mappersOf(long ppn, long va, PagedAddressSpace except) {
        List<PagedAddressSpace> out = new ArrayList<>();
        for (PagedAddressSpace s : live) {
            if (s != except) {
                long pte = s.pte(va);
                if ((pte & Pte.V) != 0 && Pte.ppn(pte) == ppn) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    // Another mapping of the record's frame than space's, to own the record; null when none.
    private Owner otherOwner(PageRecord r, PagedAddressSpace space) {
        SharedPage sp = sharedFrames.get(r.ppn);
        if (sp == null) {
            List<PagedAddressSpace> m = mappersOf(r.ppn, r.va, space);
            return m.isEmpty() ? null : new Owner(m.get(0), r.va);
        }
        for (SharedMemory.Mapping m : sp.shm().mappers()) {
            long va = m.space() == space ? -1 : sharedVa(m, sp);
            if (va >= 0) {
                long pte = m.space().pte(va);
                if ((pte & Pte.V) != 0 && Pte.ppn(pte) == r.ppn) {
                    return new Owner(m.space(), va);
                }
            }
        }
        return null;
    }

    private record Owner(PagedAddressSpace space, long va) {
    }

    /** The swap slot of the last eviction (-1: none). */
    private long lastSlot = -1;

    /** Shared pages (several mappings, or of a shared memory object) evicted. */
    private long sharedEvictions;

    /** Pages evicted that several mappings shared (each written once, every mapping pointed at it). */
    public long sharedEvictions() {
        return sharedEvictions;
    }

    // ---- the no-progress watchdog ----

    // The victim is the page brought in last, and its process retired no instruction since: remember it.
    private void noteEviction(PageRecord r) {
        if (host == null || r != lastLoaded || lastLoadedProgress < 0) {
            return;
        }
        long progress = host.progress(r.space);
        if (progress == lastLoadedProgress) {
            int i = stalledNext;
            stalledNext = (i + 1) % stalledSpace.length;
            stalledSpace[i] = r.space;
            stalledVa[i] = r.va;
            stalledProgress[i] = progress;
        }
    }

    // A page came back from swap: if it is the one evicted before its instruction retired, and still no
    // instruction retired, the process is not progressing; enough of these in a row eject the policy.
    private void checkProgress(PagedAddressSpace space, long va) {
        if (host == null) {
            return;
        }
        boolean stalled = false;
        long progress = host.progress(space);
        for (int i = 0; i < stalledSpace.length; i++) {
            if (stalledSpace[i] == space && stalledVa[i] == va) {
                stalled = progress >= 0 && stalledProgress[i] == progress;
                stalledSpace[i] = null;
            }
        }
        if (!stalled) {
            noProgress = 0;
            return;
        }
        if (++noProgress >= NO_PROGRESS_LIMIT && slot.isFallback()) {
            // no policy to blame: one instruction needs more frames than the others leave it; the fault is
            // reported as out of memory, so the OOM policy frees frames by killing a process
            noProgress = 0;
            starved = space;
            starvations++;
            LOG.warn("pid {} cannot progress: page 0x{} was evicted before its instruction retired {} times in a"
                    + " row under the built-in policy; treating the fault as out of memory", space.pid(),
                    Long.toHexString(va), NO_PROGRESS_LIMIT);
            return;
        }
        if (noProgress >= NO_PROGRESS_LIMIT) {
            int times = noProgress;
            noProgress = 0;
            eject("no progress: pid " + space.pid() + " faulted page 0x" + Long.toHexString(va)
                    + " in again after victim() evicted it before the faulting instruction retired, " + times
                    + " times in a row");
        }
    }

    /**
     * Whether space was found unable to progress (its faulting instruction
     * needs more frames than it can keep even under the built-in policy);
     * clears the finding. The caller reports the fault as out of memory.
     */
    boolean takeStarved(PagedAddressSpace space) {
        if (starved != space) {
            return false;
        }
        starved = null;
        return true;
    }

    /** Faults turned into out-of-memory because their instruction could not progress under the fallback. */
    public long starvations() {
        return starvations;
    }

    // The policy's victim, checked; an invalid answer ejects it and the fallback answers.
    private PageRecord victim() {
        for (int attempt = 0; attempt < 2; attempt++) {
            ReplacementPolicy p = slot.active();
            PageView v = ask("victim()", p::victim, null);
            if (slot.active() != p) {
                continue; // it threw and was ejected: ask the fallback
            }
            PageRecord r = v == null ? null : resident.get(v.id());
            if (r != null) {
                return r;
            }
            if (slot.isFallback()) {
                // the built-in FIFO lost track (cannot happen): take the oldest page
                return resident.oldest();
            }
            eject(v == null ? "victim() named no page while " + resident.size() + " are resident"
                    : "victim() named " + v.id() + ", which is not a resident page");
        }
        return resident.oldest();
    }

    /** Cycles of swap transfers not yet charged to a hart; resets them. */
    public long takeCycles() {
        // called after every trap: sampling goes on while a process runs; with every hart idle it stops, so
        // that a pending event does not move an idle machine's clock, and it resumes at the next trap
        if (host != null) {
            if (host.running()) {
                ensureSampling();
            } else if (sampleEvent != 0) {
                host.cancel(sampleEvent);
                sampleEvent = 0;
            }
        }
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
        if (tracer != null && space.pid() != 0) {
            tracer.record(kind, -1, space.pid(), a, b);
        }
    }

    /** A space was made with frames from here: it counts as live until destroyed. */
    void spaceCreated(PagedAddressSpace space) {
        live.add(space);
    }

    /** A space was destroyed: it no longer counts as live. */
    void spaceDestroyed(PagedAddressSpace space) {
        live.remove(space);
    }

    /** The spaces not destroyed yet, oldest first (for counters summed over live processes). */
    public List<PagedAddressSpace> liveSpaces() {
        return new ArrayList<>(live);
    }

    /** A private page became resident in frame ppn at va of space: the policy is told. */
    void loaded(PagedAddressSpace space, long va, long ppn) {
        if (resident.get(ppn) != null) {
            return;
        }
        PageRecord r = new PageRecord(ppn, space, va, now());
        resident.add(r);
        lastLoaded = r;
        lastLoadedProgress = host == null ? -1 : host.progress(space);
        ReplacementPolicy p = slot.active();
        tell("loaded", () -> p.loaded(r));
    }

    /** The page in frame ppn of space stops being evictable (unmapped, exit, shared at fork). */
    void removed(PagedAddressSpace space, long ppn) {
        PageRecord r = resident.get(ppn);
        if (r == null || space == forking) {
            return; // fork shares the page: still evictable, through the reverse map
        }
        if (r.space != space) {
            // another mapping owns the record; it stays, unless this was the frame's last reference
            if (sharedFrames.containsKey(ppn) || frames.references(ppn) > 1) {
                return;
            }
        } else if (sharedFrames.containsKey(ppn) || frames.references(ppn) > 1) {
            // the owner's mapping goes: another mapper owns the record from now on
            Owner other = otherOwner(r, space);
            if (other != null) {
                r.space = other.space();
                r.va = other.va();
                return;
            }
            // no other PTE maps it (a shared object's page no one has mapped since): not evictable
            // until a mapper faults it in again
        }
        resident.remove(ppn);
        ReplacementPolicy p = slot.active();
        tell("removed", () -> p.removed(r));
    }

    /**
     * Page i of the shared memory object shm became resident in frame ppn,
     * brought in by space's fault at va.
     */
    void sharedLoaded(SharedMemory shm, long i, long ppn, PagedAddressSpace space, long va) {
        sharedFrames.put(ppn, new SharedPage(shm, i));
        loaded(space, va, ppn);
    }

    /** The shared memory object shm is freeing its frame ppn (its last mapper is gone). */
    void sharedFrameFreed(SharedMemory shm, long ppn) {
        sharedFrames.remove(ppn);
        PageRecord r = resident.remove(ppn);
        if (r != null) {
            ReplacementPolicy p = slot.active();
            tell("removed", () -> p.removed(r));
        }
    }

    /** The kernel touched the page in frame ppn on the process's behalf. */
    void accessed(long ppn) {
        PageRecord r = resident.get(ppn);
        if (r == null) {
            return;
        }
        r.lastAccess = now();
        r.accesses++;
        ReplacementPolicy p = slot.active();
        tell("accessed", () -> p.accessed(r));
    }

    /** A page came back from swap slot into space at va. */
    void pagedIn(PagedAddressSpace space, long va, long slotNumber) {
        pageIns++;
        pendingCycles += swap.cycles();
        checkProgress(space, va);
    }

    // ---- the policy slot ----

    /** Chooses the replacement policy by name with options (see {@link PolicySlot#select}). */
    public boolean select(String name, Map<String, String> options) {
        return slot.select(name, options);
    }

    public void addProvider(String name, ReplacementPolicyProvider provider) {
        slot.addProvider(name, provider);
    }

    public void removeProvider(String name, ReplacementPolicyProvider provider) {
        slot.removeProvider(name, provider);
    }

    // Runs a policy call; on a throw, ejects the policy and answers 'otherwise'.
    private <T> T ask(String what, Supplier<T> call, T otherwise) {
        return slot.guard(what, call, otherwise, this::eject);
    }

    private void tell(String what, Runnable call) {
        slot.guard(what, call, this::eject);
    }

    private void eject(String reason) {
        if (slot.isFallback()) {
            LOG.error("the built-in page replacement policy failed: {}", reason);
            return;
        }
        if (tracer != null) {
            tracer.record(TraceKind.NOTE, -1, 0, 0, 0, "page replacement policy " + slot.activeName()
                    + " ejected: " + reason);
        }
        slot.eject(now(), reason);
    }

    // Detaches the old policy and seeds the new one with every resident page, oldest first.
    private void handOver(ReplacementPolicy from, ReplacementPolicy to) {
        try {
            from.detach();
        } catch (RuntimeException e) {
            // no longer called either way
        }
        if (tracer != null) {
            tracer.record(TraceKind.NOTE, -1, 0, slot.swaps(), 0, "page replacement policy " + slot.activeName());
        }
        List<PageView> seeds = new ArrayList<>(resident.inLoadOrder());
        try {
            to.attach(context, seeds);
        } catch (RuntimeException e) {
            eject("attach threw " + e);
            return;
        }
        long period = ask("tickPeriod", to::tickPeriod, Long.MAX_VALUE);
        nextTick = period <= 0 || period == Long.MAX_VALUE ? Long.MAX_VALUE : now() + period;
        long sp = ask("accessSamplePeriod", to::accessSamplePeriod, Long.MAX_VALUE);
        samplePeriod = sp <= 0 ? Long.MAX_VALUE : sp;
        nextSample = samplePeriod == Long.MAX_VALUE ? Long.MAX_VALUE : now() + samplePeriod;
        noProgress = 0;
        java.util.Arrays.fill(stalledSpace, null);
        if (host != null && sampleEvent != 0) {
            host.cancel(sampleEvent);
            sampleEvent = 0;
        }
        ensureSampling();
    }

    // ---- access sampling ----

    // Samples when the period has elapsed (lazily, at an allocation).
    private void sampleIfDue() {
        if (now() >= nextSample) {
            sample();
        }
    }

    /**
     * Samples the reference bits now (see the class comment): every resident
     * page, oldest loaded first; each referenced one is reported accessed,
     * its A bit cleared and its TLB entries dropped. The next sampling is a
     * period from now.
     */
    public void sample() {
        long now = now();
        nextSample = samplePeriod == Long.MAX_VALUE ? Long.MAX_VALUE : now + samplePeriod;
        samples++;
        ReplacementPolicy p = slot.active();
        for (PageRecord r : resident.inLoadOrder()) {
            if (slot.active() != p) {
                return; // ejected meanwhile: the fallback samples nothing
            }
            if (resident.get(r.ppn) != r || (r.space.pte(r.va) & Pte.A) == 0) {
                continue;
            }
            r.lastAccess = now;
            r.accesses++;
            r.space.clearAccessed(r.va);
            sampledReferenced++;
            tell("accessed", () -> p.accessed(r));
        }
    }

    // Keeps one sampling event pending while the policy wants sampling and a process runs.
    private void ensureSampling() {
        if (host == null || sampleEvent != 0 || samplePeriod == Long.MAX_VALUE || !host.running()) {
            return;
        }
        sampleEvent = host.schedule(Math.max(nextSample, now()), this::sampleEvent);
    }

    // The sampling event: samples and goes on while a process runs; an idle machine waits for a trap
    // (takeCycles) to resume it.
    private void sampleEvent() {
        sampleEvent = 0;
        if (samplePeriod == Long.MAX_VALUE || !host.running()) {
            return;
        }
        if (now() >= nextSample) {
            sample();
        }
        ensureSampling();
    }

    // Periodic policy work (aging) runs lazily, at the first allocation after its period elapsed.
    private void tickIfDue() {
        long now = now();
        if (now < nextTick) {
            return;
        }
        ReplacementPolicy p = slot.active();
        tell("tick", p::tick);
        if (slot.active() == p) {
            long period = ask("tickPeriod", p::tickPeriod, Long.MAX_VALUE);
            nextTick = period <= 0 || period == Long.MAX_VALUE ? Long.MAX_VALUE : now + period;
        }
    }

    // ---- counters ----

    /** Pages written to swap by eviction. */
    public long pageOuts() {
        return pageOuts;
    }

    /** Pages read back from swap by faults. */
    public long pageIns() {
        return pageIns;
    }

    /** Times a frame was needed and nothing could be evicted. */
    public long evictionFailures() {
        return evictionFailures;
    }

    /** Samplings of the reference bits done for the policy. */
    public long samples() {
        return samples;
    }

    /** Pages found referenced by those samplings (each cleared and shot down from the TLBs). */
    public long sampledReferenced() {
        return sampledReferenced;
    }

    /** The active policy's sampling period in cycles, or Long.MAX_VALUE when it asks for none. */
    public long samplePeriod() {
        return samplePeriod;
    }

    /** What the mechanism offers policies: time, seeded randomness, A and D bits through the page tables. */
    private final class Context implements ReplacementContext {
        private final SplittableRandom random;

        Context(long seed) {
            this.random = new SplittableRandom(seed ^ 0x5A5A_0F0FL);
        }

        @Override
        public long now() {
            return VirtualMemory.this.now();
        }

        @Override
        public long random(long bound) {
            return bound <= 0 ? 0 : random.nextLong(bound);
        }

        @Override
        public boolean referenced(PageView page) {
            PageRecord r = page == null ? null : resident.get(page.id());
            return r != null && (r.space.pte(r.va) & Pte.A) != 0;
        }

        @Override
        public void clearReferenced(PageView page) {
            PageRecord r = page == null ? null : resident.get(page.id());
            if (r != null) {
                r.space.clearAccessed(r.va);
            }
        }

        @Override
        public boolean dirty(PageView page) {
            PageRecord r = page == null ? null : resident.get(page.id());
            return r != null && (r.space.pte(r.va) & Pte.D) != 0;
        }

        @Override
        public long nextAccess(PageView page) {
            return -1;
        }
    }
}
