package osbox.vm.manager.core;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The no-progress watchdog: notices when the victims keep a process from
 * making progress. The page a fault just brought in is evicted before the
 * faulting instruction retired, and then faulted in again with still no
 * instruction retired: {@link VirtualMemory#NO_PROGRESS_LIMIT} times in a
 * row ejects the policy. Under the built-in policy there is no one to
 * blame: the process is marked starved, and its next served fault is
 * reported as out of memory, so the kernel's OOM policy frees frames. Needs
 * the machine ({@link VirtualMemory.Host}) to see instructions retire;
 * without it, it never fires. Simulation thread only.
 */
final class ProgressWatchdog {
    // the paging mechanism's logger, as before the watchdog was a class of its own
    private static final Logger LOG = LoggerFactory.getLogger(VirtualMemory.class);

    private final ReplacementSlot slot;
    private VirtualMemory.Host host;
    // the page most recently brought in, and the instructions its process had retired then
    private PageRecord lastLoaded;
    private long lastLoadedProgress = -1;
    // the last few pages evicted before their instruction retired (a ring)
    private final PagedAddressSpace[] stalledSpace = new PagedAddressSpace[4];
    private final long[] stalledVa = new long[4];
    private final long[] stalledProgress = new long[4];
    private int stalledNext;
    private int noProgress;
    // a space whose instruction cannot progress even under the fallback: memory is too small for it
    private PagedAddressSpace starved;
    private long starvations;

    /** A watchdog over the policy active in {@code slot}. */
    ProgressWatchdog(ReplacementSlot slot) {
        this.slot = slot;
    }

    /** Connects the machine, whose harts show instructions retiring. */
    void useHost(VirtualMemory.Host host) {
        this.host = host;
    }

    /** A new policy attached: nothing it did not do counts against it. */
    void reset() {
        noProgress = 0;
        Arrays.fill(stalledSpace, null);
    }

    /** The page of record r was just brought in (registered): remember it and its process's progress. */
    void loaded(PageRecord r) {
        lastLoaded = r;
        lastLoadedProgress = host == null ? -1 : host.progress(r.space);
    }

    /** The victim r is about to be paged out: if it is the page brought in last and its process retired no instruction since, remember it. */
    void evicting(PageRecord r) {
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

    /**
     * Page va of space came back from swap: if it is one evicted before its
     * instruction retired, and still no instruction retired, the process is
     * not progressing; enough of these in a row eject the policy (or, under
     * the fallback, mark the space starved).
     */
    void pagedIn(PagedAddressSpace space, long va) {
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
        if (++noProgress >= VirtualMemory.NO_PROGRESS_LIMIT && slot.isFallback()) {
            // no policy to blame: one instruction needs more frames than the others leave it; the fault is
            // reported as out of memory, so the OOM policy frees frames by killing a process
            noProgress = 0;
            starved = space;
            starvations++;
            LOG.warn("pid {} cannot progress: page 0x{} was evicted before its instruction retired {} times in a"
                    + " row under the built-in policy; treating the fault as out of memory", space.pid(),
                    Long.toHexString(va), VirtualMemory.NO_PROGRESS_LIMIT);
            return;
        }
        if (noProgress >= VirtualMemory.NO_PROGRESS_LIMIT) {
            int times = noProgress;
            noProgress = 0;
            slot.eject("no progress: pid " + space.pid() + " faulted page 0x" + Long.toHexString(va)
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
    long starvations() {
        return starvations;
    }
}
