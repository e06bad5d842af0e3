package osbox.vm.manager.core;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.PhysicalMemory;
import osbox.api.trace.TraceKind;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * Eviction: one victim, named by the policy and checked by the slot, paged
 * out to swap whoever maps it. A private page goes through its space's
 * {@link PageSwap}; a frame several spaces share after fork is written to
 * one slot that every mapping's PTE then points at; a page of a shared
 * memory object is written to a slot the object keeps, and every mapping
 * of it is cleared. One frame allocation may take at most
 * {@link VirtualMemory#VICTIM_BUDGET} victims before the policy is ejected.
 * Simulation thread only.
 */
final class Eviction {
    // the paging mechanism's logger, as before eviction was a class of its own
    private static final Logger LOG = LoggerFactory.getLogger(VirtualMemory.class);

    private final PhysicalMemory mem;
    private final FrameAllocator frames;
    private final SwapArea swap;
    private final ResidentPages resident;
    private final ReplacementSlot slot;
    private final ProgressWatchdog watchdog;
    private final ReverseMap rmap;
    private final PagingTrace trace;
    private final SwapTransfer transfer;
    private int victimsThisFrame;
    private long pageOuts;
    private long evictionFailures;
    private long sharedEvictions;

    /** Eviction of the {@code resident} pages to {@code swap}, pages written through {@code transfer}. */
    Eviction(PhysicalMemory mem, FrameAllocator frames, SwapArea swap, ResidentPages resident, ReplacementSlot slot,
            ProgressWatchdog watchdog, ReverseMap rmap, PagingTrace trace, SwapTransfer transfer) {
        this.mem = mem;
        this.frames = frames;
        this.swap = swap;
        this.resident = resident;
        this.slot = slot;
        this.watchdog = watchdog;
        this.rmap = rmap;
        this.trace = trace;
        this.transfer = transfer;
    }

    /** A new frame is wanted: its victims are counted against the budget from zero. */
    void newFrame() {
        victimsThisFrame = 0;
    }

    /**
     * Evicts one page chosen by the policy (a PAGE_OUT event of its owner);
     * false, counted as a failure, when nothing can be evicted (nothing
     * resident, swap full or absent, or no victim can go now).
     */
    boolean evictOne() {
        if (resident.size() == 0 || swap.available() == 0) {
            evictionFailures++;
            return false;
        }
        if (++victimsThisFrame > VirtualMemory.VICTIM_BUDGET && !slot.isFallback()) {
            slot.eject("victim() was asked " + victimsThisFrame + " times for one frame (budget "
                    + VirtualMemory.VICTIM_BUDGET + ")");
        }
        PageRecord r = slot.victim();
        if (r == null) {
            evictionFailures++;
            return false;
        }
        watchdog.evicting(r);
        r = evict(r);
        if (r == null) {
            evictionFailures++;
            return false;
        }
        pageOuts++;
        trace.memory(TraceKind.PAGE_OUT, r.space, r.va, r.space.residentPages());
        return true;
    }

    /** Pages written to swap by eviction. */
    long pageOuts() {
        return pageOuts;
    }

    /** Times a frame was needed and nothing could be evicted. */
    long evictionFailures() {
        return evictionFailures;
    }

    /** Shared pages (several mappings, or of a shared memory object) evicted. */
    long sharedEvictions() {
        return sharedEvictions;
    }

    // Pages the victim out, whoever maps it: privately (one PTE), copy-on-write or image pages shared
    // after fork (every mapping points to one slot), or a page of a shared memory object (the object
    // keeps the slot, every mapping is cleared).
    // Returns the record evicted: r, or another one when r cannot go now; null when none can.
    private PageRecord evict(PageRecord r) {
        ReverseMap.SharedPage sp = rmap.sharedPage(r.ppn);
        if (sp != null && rmap.isForking()) {
            // fork's table walk may be holding a PTE of it: take the oldest page of no shared object instead
            ReplacementPolicy p = slot.active();
            slot.tell("loaded", () -> p.loaded(r));
            PageRecord other = null;
            for (PageRecord q : resident.inLoadOrder()) {
                if (rmap.sharedPage(q.ppn) == null) {
                    other = q;
                    break;
                }
            }
            if (other == null) {
                return null;
            }
            PageRecord o = other;
            slot.tell("removed", () -> p.removed(o));
            return evict(o);
        }
        resident.remove(r.ppn);
        if (sp != null) {
            evictSharedObjectPage(r, sp);
        } else if (frames.references(r.ppn) > 1) {
            evictSharedFrame(r);
        } else {
            r.space.swapping().evict(r.va, r.ppn);
        }
        return r;
    }

    // A frame several spaces map at the same va (fork shares pages at their address): written to one
    // slot once, every mapping's PTE points at it (the slot counts one reference per PTE).
    private void evictSharedFrame(PageRecord r) {
        List<PagedAddressSpace> mappers = rmap.mappersOf(r.ppn, r.va, null);
        if (mappers.size() != frames.references(r.ppn)) {
            // cannot happen (fork shares pages at their own address): leave it resident, unregistered
            LOG.error("frame {} has {} references but {} mappings at 0x{}: not evicted", r.ppn,
                    frames.references(r.ppn), mappers.size(), Long.toHexString(r.va));
            return;
        }
        long s = transfer.pageOut(r.ppn);
        for (int k = 1; k < mappers.size(); k++) {
            swap.share(s);
        }
        for (PagedAddressSpace m : mappers) {
            m.swapping().evictMapping(r.va, r.ppn, s);
        }
        sharedEvictions++;
    }

    // A page of a shared memory object: every mapping of it is cleared, the object keeps the slot; the
    // next fault by any mapper brings it back into the object, shared again.
    private void evictSharedObjectPage(PageRecord r, ReverseMap.SharedPage sp) {
        for (SharedMemory.Mapping m : sp.shm().mappers()) {
            long va = ReverseMap.sharedVa(m, sp);
            if (va >= 0) {
                m.space().swapping().dropSharedMapping(va, r.ppn);
            }
        }
        if (frames.references(r.ppn) != 1) {
            throw new IllegalStateException("shared page in frame " + r.ppn + " still has "
                    + (frames.references(r.ppn) - 1) + " mappings after every mapper dropped it");
        }
        long s = transfer.pageOut(r.ppn);
        sp.shm().setSlot(sp.index(), s);
        rmap.sharedGone(r.ppn);
        frames.release(r.ppn);
        mem.unmarkCode(r.ppn);
        sharedEvictions++;
    }
}
