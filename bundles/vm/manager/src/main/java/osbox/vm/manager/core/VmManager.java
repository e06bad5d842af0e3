package osbox.vm.manager.core;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import osbox.api.hw.Hart;
import osbox.api.hw.Machine;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;
import osbox.api.memory.FrameUsage;
import osbox.api.memory.MemoryManager;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.kernel.support.PolicySlot;
import osbox.kernel.support.Whiteboard;
import osbox.kernel.support.WhiteboardKind;

/**
 * The VM manager, plain Java: it owns the frame allocator, the ASIDs, the
 * TLB shootdown across the machine's harts, and the paging mechanism every
 * address space shares ({@link VirtualMemory}: swap, resident pages, the
 * page-replacement policy slot). The kernel reaches it as a
 * {@link MemoryManager}; the component and the harness reach the policy slot
 * through {@link #select} and {@link #slot}, and plug providers in through
 * its {@link #whiteboard()}. Simulation thread only (the whiteboard: any).
 */
public final class VmManager implements MemoryManager {
    /**
     * VM settings fixed at boot.
     *
     * @param swapBytes  size of the swap area (0: no swap)
     * @param swapCycles cycles one page transfer to or from swap costs (charged to the faulting hart)
     * @param seed       seed of the replacement policies' random numbers
     * @param kernelFrames frames reserved at boot for {@link #allocateKernelFrame} (0: none), taken from
     *                   the top of physical memory, so the user frame allocator manages the rest
     */
    public record Settings(long swapBytes, long swapCycles, long seed, int kernelFrames) {
        /** Cycles a page transfer to or from swap costs by default: 50 microseconds at 1 GHz (an SSD). */
        public static final long SWAP_CYCLES = 50_000;
        /** The kernel's default seed, so policies draw the same numbers as when the kernel owned them. */
        public static final long SEED = 0x05B0C5L;

        /** Checks sizes and costs are not negative. */
        public Settings {
            if (swapBytes < 0 || swapCycles < 0 || kernelFrames < 0) {
                throw new IllegalArgumentException("swap size, cost and kernel frames must not be negative: "
                        + swapBytes + ", " + swapCycles + ", " + kernelFrames);
            }
        }

        /** No kernel frame pool (a machine without disk drivers: every frame is the users'). */
        public Settings(long swapBytes, long swapCycles, long seed) {
            this(swapBytes, swapCycles, seed, 0);
        }

        /** No swap, the default transfer cost and seed. */
        public static Settings defaults() {
            return new Settings(0, SWAP_CYCLES, SEED);
        }
    }

    private final Machine machine;
    private final FrameAllocator frames;
    private final KernelFramePool kernelFrames;
    /** User frames lent to the kernel when its pool had none left (allocateKernelFrame), to check what comes back. */
    private final java.util.TreeSet<Long> lentToKernel = new java.util.TreeSet<>();
    private final AsidAllocator asids = new AsidAllocator();
    private final TlbShootdown shootdown;
    private final VirtualMemory vm;
    private final PageTable.Organisation organisation;
    private final Whiteboard whiteboard;
    /** The System V segments made here and not yet released, by handle (pruned as new ones are made). */
    private final TreeMap<Long, SharedMemory> segments = new TreeMap<>();
    private long lastSegmentHandle;
    private LongSupplier kernelClock;
    private long oomKills;

    /** Builds the VM manager over the machine's physical memory and harts. Simulation thread. */
    public VmManager(Machine machine, Settings settings) {
        this.machine = machine;
        PhysicalMemory memory = machine.memory();
        long kernel = settings.kernelFrames();
        if (kernel > memory.frameCount() / 2) {
            throw new IllegalArgumentException("kernel frames " + kernel + " would leave users less than half of "
                    + memory.frameCount() + " frames");
        }
        this.frames = new FrameAllocator(0, memory.frameCount() - kernel);
        this.kernelFrames = new KernelFramePool(memory, memory.frameCount() - kernel, (int) kernel);
        this.shootdown = new TlbShootdown() {
            @Override
            public void flushPage(long va, int asid) {
                for (int i = 0; i < machine.hartCount(); i++) {
                    machine.hart(i).mmu().flushPage(va, asid);
                }
            }

            @Override
            public void flushAsid(int asid) {
                for (int i = 0; i < machine.hartCount(); i++) {
                    machine.hart(i).mmu().flushAsid(asid);
                }
            }
        };
        this.organisation = organisationFor(machine);
        this.vm = new VirtualMemory(memory, frames, new SwapArea(settings.swapBytes(), settings.swapCycles()),
                this::now, settings.seed(), machine.tracer());
        vm.useHost(new VirtualMemory.Host() {
            private long ours;

            @Override
            public long schedule(long at, Runnable action) {
                ours = machine.events().schedule(at, () -> {
                    ours = 0;
                    action.run();
                });
                return ours;
            }

            @Override
            public void cancel(long id) {
                machine.events().cancel(id);
                if (id == ours) {
                    ours = 0;
                }
            }

            @Override
            public boolean running() {
                for (int i = 0; i < machine.hartCount(); i++) {
                    if (machine.hart(i).context() != null) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public long progress(PagedAddressSpace space) {
                long satp = space.satp();
                for (int i = 0; i < machine.hartCount(); i++) {
                    Hart h = machine.hart(i);
                    if (h.context() != null && h.mmu().satp() == satp) {
                        return h.instret();
                    }
                }
                return -1;
            }
        });
        // the VM manager's whiteboard table: page-replacement policy providers, by name
        this.whiteboard = new Whiteboard("VM manager", machine, List.of(
                WhiteboardKind.named(ReplacementPolicyProvider.class, ReplacementPolicyProvider.NAME,
                        this::addProvider, this::removeProvider)));
    }

    /**
     * The page-table organisation the machine's MMUs need: Sv39 trees for a
     * hardware-refilled TLB, hashed tables for a software-managed one. Every
     * hart must agree (IllegalStateException otherwise).
     */
    static PageTable.Organisation organisationFor(Machine machine) {
        boolean software = machine.hartCount() > 0 && machine.hart(0).mmu().softwareManaged();
        for (int i = 1; i < machine.hartCount(); i++) {
            if (machine.hart(i).mmu().softwareManaged() != software) {
                throw new IllegalStateException("harts disagree on TLB refill (hart 0 "
                        + (software ? "software" : "hardware") + ", hart " + i + " not)");
            }
        }
        return software ? PageTable.Organisation.HASHED : PageTable.Organisation.SV39;
    }

    /** The page-table organisation every address space uses (fixed at boot). */
    public PageTable.Organisation organisation() {
        return organisation;
    }

    // The kernel's clock when it gave one, else the machine's.
    private long now() {
        LongSupplier c = kernelClock;
        return c != null ? c.getAsLong() : machine.now();
    }

    @Override
    public PagedAddressSpace createAddressSpace(int pid) {
        PagedAddressSpace space = PagedAddressSpace.create(vm, asids, shootdown, organisation);
        if (space != null) {
            space.assignPid(pid);
        }
        return space;
    }

    /** A System V segment of pages pages, in no space yet; null when pages is not in 1 .. 2^31-1. */
    @Override
    public SharedMemory createSharedMemory(long pages) {
        if (pages <= 0 || pages > Integer.MAX_VALUE) {
            return null;
        }
        SharedMemory s = SharedMemory.segment(pages, vm);
        s.setHandle(++lastSegmentHandle);
        segments.values().removeIf(SharedMemory::released);
        segments.put(s.handle(), s);
        return s;
    }

    /** The segment made with this handle, while its creator has not released it; else null. */
    @Override
    public SharedMemory sharedMemory(long handle) {
        SharedMemory s = segments.get(handle);
        if (s != null && s.released()) {
            segments.remove(handle);
            return null;
        }
        return s;
    }

    /** The oldest live space named {@code pid} (during exec, the one the process still runs in), or null. */
    @Override
    public PagedAddressSpace addressSpace(int pid) {
        if (pid <= 0) {
            return null;
        }
        for (PagedAddressSpace space : vm.liveSpaces()) {
            if (space.pid() == pid) {
                return space;
            }
        }
        return null;
    }

    /**
     * A zeroed frame for the kernel (never a user's, never evicted): from the
     * pool reserved at boot, or, when the pool is exhausted or there is none
     * (a machine booted without disks), a free frame of the users' allocator
     * lent until it comes back (nothing is evicted for it); -1 when neither
     * has one.
     */
    @Override
    public long allocateKernelFrame() {
        long ppn = kernelFrames.allocate();
        if (ppn >= 0) {
            return ppn;
        }
        ppn = frames.allocate();
        if (ppn >= 0) {
            machine.memory().zeroFrame(ppn);
            lentToKernel.add(ppn);
        }
        return ppn;
    }

    /** Gives back a kernel frame; IllegalStateException for a frame that was not handed out. */
    @Override
    public void freeKernelFrame(long ppn) {
        if (lentToKernel.remove(ppn)) {
            frames.release(ppn);
        } else {
            kernelFrames.free(ppn);
        }
    }

    @Override
    public void useClock(LongSupplier clock) {
        this.kernelClock = clock;
    }

    @Override
    public long takeSwapCycles() {
        return vm.takeCycles();
    }

    @Override
    public void outOfMemoryKill(int pid) {
        oomKills++;
    }

    /** Processes the kernel killed because memory and swap ran out (the one count; the kernel reads it). */
    @Override
    public long oomKills() {
        return oomKills;
    }

    @Override
    public FrameUsage frames() {
        return new FrameUsage(frames.total(), frames.used(), frames.available(), frames.peakUsed());
    }

    @Override
    public long pageOuts() {
        return vm.pageOuts();
    }

    @Override
    public long pageIns() {
        return vm.pageIns();
    }

    @Override
    public long swapSlots() {
        return vm.swap().slots();
    }

    @Override
    public long swapSlotsUsed() {
        return vm.swap().used();
    }

    @Override
    public Map<String, Long> statistics() {
        Map<String, Long> s = new TreeMap<>();
        s.put("frames.total", frames.total());
        s.put("frames.used", frames.used());
        s.put("frames.free", frames.available());
        s.put("frames.peak", frames.peakUsed());
        // the kernel's pool (outside frames.total): its size and the frames handed out now
        s.put("frames.kernel", (long) kernelFrames.total());
        s.put("frames.kernel.used", (long) kernelFrames.used());
        s.put("pages.evictable", (long) vm.resident().size());
        s.put("page.ins", vm.pageIns());
        s.put("page.outs", vm.pageOuts());
        s.put("eviction.failures", vm.evictionFailures());
        s.put("starvations", vm.starvations());
        s.put("swap.slots.total", vm.swap().slots());
        s.put("swap.slots.used", vm.swap().used());
        s.put("swap.slots.peak", vm.swap().peakUsed());
        s.put("oom.kills", oomKills);
        SwapBackend device = vm.swapDevice();
        if (device != null) {
            // swap on a device (only then, so the keys of a run without one are those of before)
            SwapIo io = vm.swapIo();
            s.put("swap.disk.page.outs", io.diskPageOuts());
            s.put("swap.disk.page.ins", io.diskPageIns());
            s.put("swap.cache.hits", io.cacheHits());
            s.put("swap.cache.pages", (long) io.cached());
            s.put("swap.wait.faults", io.waits());
            s.put("swap.wait.frame", io.frameWaits());
            s.put("swap.read.cycles", io.readCycles());
            s.put("swap.write.cycles", io.writeCycles());
            s.put("swap.io.errors", io.errors());
        }
        s.put("policy.changes", vm.slot().swaps());
        s.put("policy.ejections", (long) vm.slot().ejections().size());
        s.put("access.samples", vm.samples());
        s.put("access.referenced", vm.sampledReferenced());
        // per address space counters, summed over the spaces alive now (a process's, until it exits)
        long resident = 0;
        long swapped = 0;
        long tables = 0;
        long minor = 0;
        long image = 0;
        long cow = 0;
        long major = 0;
        long refills = 0;
        for (PagedAddressSpace space : vm.liveSpaces()) {
            refills += space.softwareRefills();
            resident += space.residentPages();
            swapped += space.swappedPages();
            tables += space.tablePages();
            minor += space.minorFaults();
            image += space.imageFaults();
            cow += space.cowFaults();
            major += space.majorFaults();
        }
        s.put("pages.resident", resident);
        s.put("pages.swapped", swapped);
        s.put("pages.tables", tables);
        s.put("faults.minor", minor);
        s.put("faults.image", image);
        s.put("faults.cow", cow);
        s.put("faults.major", major);
        // software-managed TLB: misses the kernel refilled from its (hashed) page tables without a fault
        // (live spaces, like the counters above); pagetable.hashed is 1 when the tables are hashed, 0 for Sv39
        s.put("tlb.refills.software", refills);
        s.put("pagetable.hashed", organisation == PageTable.Organisation.HASHED ? 1L : 0L);
        // the TLB design of hart 0 (all harts are built alike): entries, ways, ASIDs (1) or flush on switch (0),
        // software-managed (1) or hardware-refilled (0)
        if (machine.hartCount() > 0) {
            TranslationUnit mmu = machine.hart(0).mmu();
            s.put("tlb.entries", (long) (mmu.tlbMask() + 1) * mmu.tlbWays());
            s.put("tlb.ways", (long) mmu.tlbWays());
            s.put("tlb.asids", mmu.asids() ? 1L : 0L);
            s.put("tlb.software", mmu.softwareManaged() ? 1L : 0L);
        }
        return Collections.unmodifiableMap(s);
    }

    // ---- the page-replacement policy slot ----

    /** Chooses the replacement policy by name with options (see {@link PolicySlot#select}). */
    public boolean select(String name, Map<String, String> options) {
        return vm.select(name, options);
    }

    /**
     * The VM manager's whiteboard (replacement policy providers named by
     * {@value ReplacementPolicyProvider#NAME}): the component's trackers and
     * the harness hand providers to it; any thread.
     */
    public Whiteboard whiteboard() {
        return whiteboard;
    }

    /** A replacement policy provider arrived (whiteboard) under {@code name}. */
    public void addProvider(String name, ReplacementPolicyProvider provider) {
        vm.addProvider(name, provider);
    }

    /** A replacement policy provider left; if it was active the built-in FIFO takes over. */
    public void removeProvider(String name, ReplacementPolicyProvider provider) {
        vm.removeProvider(name, provider);
    }

    /** The replacement policy slot: selection, providers, ejections. */
    public PolicySlot<ReplacementPolicy, ReplacementPolicyProvider> slot() {
        return vm.slot();
    }

    /** The paging mechanism (for tests and tools). */
    public VirtualMemory vm() {
        return vm;
    }

    /**
     * Puts swap on a device (BlockSwapBackend over the block layer) at boot,
     * before any page-out: the swap area takes its size, user faults page
     * in and out through it. IllegalStateException when pages are in swap.
     */
    public void useSwapDevice(SwapBackend device) {
        vm.useSwapDevice(device);
    }

    /** The kernel's frame pool (for tests and tools). */
    public KernelFramePool kernelFramePool() {
        return kernelFrames;
    }

    /** The frame allocator (for tests and tools). */
    public FrameAllocator frameAllocator() {
        return frames;
    }
}
