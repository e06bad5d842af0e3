package osbox.api.memory;

import java.util.Map;
import java.util.function.LongSupplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The VM manager's service to the kernel: it makes address spaces and keeps
 * the paging mechanism they share (frames, swap, resident pages, the
 * page-replacement policy). Simulation thread only.
 */
@ProviderType
public interface MemoryManager {
    /**
     * Makes a new, empty address space (only its root page table; no region)
     * for process {@code pid} (0 when not known yet; see
     * {@link AddressSpace#setPid}). Returns null when no frame can be found
     * for the root table. The caller owns the space and must
     * {@link AddressSpace#destroy} it when done.
     */
    AddressSpace createAddressSpace(int pid);

    /**
     * The live (not destroyed) address space of process {@code pid}, for
     * reports such as the shell's {@code vm:maps}: the oldest live space
     * named {@code pid} (during exec, the one the process still runs in);
     * null when there is none or the manager does not keep track (the
     * default). Simulation thread only; the caller must not change it.
     *
     * @since 1.2
     */
    default AddressSpace addressSpace(int pid) {
        return null;
    }

    /**
     * A new shared memory object of {@code pages} pages, attached to no
     * process yet (see {@link SharedMemoryObject}); its frames are found on
     * first touch, so making it takes no memory. Null when pages is not
     * positive or too large for this manager (more than 2^31 - 1 pages), or
     * when the manager does not make such objects (the default).
     *
     * @since 2.1
     */
    default SharedMemoryObject createSharedMemory(long pages) {
        return null;
    }

    /**
     * The shared memory object {@link #createSharedMemory} made with this
     * {@link SharedMemoryObject#handle}, while it is not released; null for
     * any other handle, or when the manager keeps no handles (the default).
     * Simulation thread.
     *
     * @since 2.1
     */
    default SharedMemoryObject sharedMemory(long handle) {
        return null;
    }

    /**
     * A frame for the kernel's own use (a disk driver's DMA descriptor
     * lists, the bounce buffers of a block device file): its physical page
     * number, zeroed, from a pool the manager reserves at boot or else a free
     * frame, so this never evicts or waits. The frame is never mapped into a
     * user address space nor evicted until {@link #freeKernelFrame}. Returns
     * -1 when no frame is free, or when the manager lends none (the default).
     * Simulation thread. Since 2.2.
     */
    default long allocateKernelFrame() {
        return -1;
    }

    /**
     * Gives back a frame {@link #allocateKernelFrame} returned; throws
     * IllegalStateException for any other frame. Since 2.2.
     */
    default void freeKernelFrame(long ppn) {
        throw new IllegalStateException("frame " + ppn + " is not a kernel frame");
    }

    /**
     * Tells the manager the kernel's clock (cycles), used to time page loads
     * and accesses for replacement policies; the kernel sets it at boot and
     * clears it (null) at shutdown. Until then (or when null) the machine's
     * clock is used. The supplier is called on the simulation thread.
     */
    void useClock(LongSupplier clock);

    /**
     * Cycles of swap transfers done since the last call, and resets them to
     * 0. The kernel calls it after every trap and charges them to the hart
     * that trapped (the process waited for the transfer, as for a disk).
     */
    long takeSwapCycles();

    /**
     * The kernel killed process {@code pid} because a page fault found no
     * frame ({@link AddressSpace#OOM}): counted in the statistics as
     * {@code oom.kills}. The kernel calls it once per such kill.
     */
    void outOfMemoryKill(int pid);

    /**
     * Processes killed because memory and swap ran out: the count of
     * {@link #outOfMemoryKill} calls, {@code oom.kills} in
     * {@link #statistics()}. The VM manager is the one owner of this
     * counter; the kernel reads it here.
     *
     * @since 1.1
     */
    long oomKills();

    /** Frames of physical memory: total, in use, free, and the most ever in use. */
    FrameUsage frames();

    /** Pages written to swap by eviction since boot. */
    long pageOuts();

    /** Pages read back from swap since boot. */
    long pageIns();

    /** Slots of the swap area (0: no swap). */
    long swapSlots();

    /** Slots of the swap area in use now. */
    long swapSlotsUsed();

    /**
     * The paging counters, sorted by name (dotted names): {@code frames.total},
     * {@code frames.used}, {@code frames.free}, {@code frames.peak},
     * {@code pages.evictable}, {@code page.ins}, {@code page.outs},
     * {@code swap.slots.total}, {@code swap.slots.used}, {@code swap.slots.peak},
     * {@code eviction.failures}, {@code starvations} (faults reported as
     * out of memory because their instruction could not keep its pages even
     * under the built-in policy), {@code oom.kills}, {@code policy.changes},
     * {@code policy.ejections} (of the page-replacement slot),
     * {@code access.samples} (samplings of the reference bits for the policy,
     * see {@link osbox.api.vm.replace.ReplacementPolicy#accessSamplePeriod()})
     * and {@code access.referenced} (pages those found referenced: each one's
     * TLB entries were dropped, so each costs a TLB miss at its next use);
     * and, summed over the processes alive now, {@code pages.resident},
     * {@code pages.swapped}, {@code pages.tables}, {@code faults.minor},
     * {@code faults.image}, {@code faults.cow}, {@code faults.major}, and
     * {@code tlb.refills.software} (misses the kernel refilled from hashed
     * page tables); then the design: {@code pagetable.hashed} (1 or 0) and
     * the TLB's ({@code tlb.*}, see docs/tlb.md). These are what the shell's
     * {@code vm:stat} prints.
     */
    Map<String, Long> statistics();
}
