package osbox.vm.manager.core;

import java.util.List;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;
import osbox.api.memory.UserCopy;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.SharedMemoryObject;
import osbox.api.memory.MemoryRegion;
import osbox.api.memory.PageEntry;
import osbox.api.memory.RegionUsage;
import osbox.api.trace.TraceKind;

/**
 * One process's virtual memory: a page table built in simulated physical
 * memory ({@link PageTable}: the Sv39 tree the MMU walks, or a hashed table
 * the kernel consults on software TLB misses), and the regions (image, heap,
 * stack, anonymous mappings) that say which pages may exist and with what
 * permissions. Pages of the heap, stack and anonymous regions are
 * zero-filled on first touch (demand paging); image pages are filled from
 * the executable on first touch.
 *
 * <p>This class is the space's face ({@link AddressSpace} to the kernel, a
 * few package-private calls to the paging mechanism) and its lifecycle
 * (create, fork, destroy). The work is done by one part per mechanism, each
 * reaching only the parts below it (the six with page-level work extend
 * {@link SpacePart}):
 * <pre>
 *   DemandPaging       the fault handler, kernel translation  -> ImageSegments, CopyOnWrite, PageSwap
 *   MappingCalls       brk, mmap, munmap, mprotect, heap and stack
 *   ImageSegments      the executable's segments, image faults
 *   CopyOnWrite        fork's sharing, breaking COW on a write
 *   PageSwap           this space's pages paged out and swapped in
 *   PageMappings       the leaf PTEs (walk, map, unmap, TLB flush)
 *   RegionMap          the regions          SpaceCounters  the counters (state only)
 *   ApiView            PROT_* bits and region reports in the API's terms
 * </pre>
 *
 * <p>Layout (Sv39 user half is [0, 2^38)):
 * <pre>
 *   0x3f_ffff_f000 .. STACK_TOP   stack (grows down, at most STACK_LIMIT)
 *   below it                      an unmapped guard gap
 *   MMAP_TOP downwards            anonymous mmap areas
 *   end of image .. break         heap (brk)
 *   0x10000 ..                    the executable's segments (page 0 is never mapped)
 * </pre>
 */
public final class PagedAddressSpace implements AddressSpace {

    private final PhysicalMemory mem;
    private final VirtualMemory vm;
    private final AsidAllocator asids;
    private final TlbShootdown tlb;
    private final PageTable table;
    private final int asid;
    private final SpaceCounters counters = new SpaceCounters();
    private final RegionMap regions;
    private final PageMappings mappings;
    private final ImageSegments image;
    private final PageSwap swapping;
    private final CopyOnWrite cow;
    private final DemandPaging faults;
    private final MappingCalls calls;
    private final UserAccess user;
    private int pid;
    private boolean destroyed;

    // Builds the parts, each handed the parts below it (see the class comment); the table and ASID are taken.
    private PagedAddressSpace(VirtualMemory vm, AsidAllocator asids, TlbShootdown tlb, PageTable table, int asid) {
        this.vm = vm;
        this.mem = vm.memory();
        this.asids = asids;
        this.tlb = tlb;
        this.table = table;
        this.asid = asid;
        this.regions = new RegionMap(this, vm);
        this.mappings = new PageMappings(this, vm, tlb, table, asid, counters);
        this.image = new ImageSegments(this, vm, regions, mappings, counters);
        this.swapping = new PageSwap(this, vm, mappings, counters);
        this.cow = new CopyOnWrite(this, vm, table, regions, mappings, counters);
        this.faults = new DemandPaging(this, vm, regions, mappings, counters, image, cow, swapping);
        this.calls = new MappingCalls(this, vm, regions, mappings, counters);
        this.user = new UserAccess(mem, this);
    }

    /** A new, empty address space without swap (its own paging mechanism), or null when no frame is left. */
    public static PagedAddressSpace create(PhysicalMemory mem, FrameAllocator frames, AsidAllocator asids,
            TlbShootdown tlb) {
        return create(VirtualMemory.withoutSwap(mem, frames), asids, tlb);
    }

    /**
     * A new, empty address space whose frames come from vm (which may evict
     * pages of any space sharing it to swap), or null when no frame is left
     * for its root table.
     */
    public static PagedAddressSpace create(VirtualMemory vm, AsidAllocator asids, TlbShootdown tlb) {
        return create(vm, asids, tlb, PageTable.Organisation.SV39);
    }

    /** As {@link #create(VirtualMemory, AsidAllocator, TlbShootdown)}, with a page table of organisation {@code org}. */
    public static PagedAddressSpace create(VirtualMemory vm, AsidAllocator asids, TlbShootdown tlb,
            PageTable.Organisation org) {
        int asid = asids.allocate();
        PageTable table = org.create(vm, asid);
        if (table == null) {
            asids.release(asid);
            return null;
        }
        PagedAddressSpace space = new PagedAddressSpace(vm, asids, tlb, table, asid);
        vm.spaceCreated(space);
        return space;
    }

    /** The owning process (0 until the kernel sets it), for replacement policies and reports. */
    public int pid() {
        return pid;
    }

    /** Names the owner and announces the space: a MEMORY event now, and whenever its sets change untraced. */
    public void setPid(int pid) {
        this.pid = pid;
        counters.announced = true;
        vm.traceMemory(TraceKind.MEMORY, this, counters.resident, counters.swapped);
    }

    /** Names the owner without announcing the space (its faults are traced, no MEMORY event yet). */
    void assignPid(int pid) {
        this.pid = pid;
    }

    /** The satp value that selects this address space. */
    public long satp() {
        return TranslationUnit.satp(TranslationUnit.MODE_SV39, asid, table.root());
    }

    /** The address-space identifier its TLB entries are tagged with. */
    public int asid() {
        return asid;
    }

    /** Whether switching to this space needs a full TLB flush (it shares ASID 0). */
    public boolean needsFlushOnSwitch() {
        return asid == AsidAllocator.SHARED;
    }

    // ---- what the paging mechanism (VirtualMemory) and the software refill ask of a space ----

    /** The page table (for the software refill path and tests). */
    PageTable pageTable() {
        return table;
    }

    /** The leaf PTE mapping va, or 0. */
    public long pte(long va) {
        return mappings.pte(va);
    }

    /** This space's side of swap: the paging mechanism pages its pages out through it. */
    PageSwap swapping() {
        return swapping;
    }

    /** Clears the A bit of the page at va and drops it from the TLBs (replacement policies' clearReferenced). */
    void clearAccessed(long va) {
        mappings.clearAccessed(va);
    }

    /** Counts a TLB miss the software refill answered from the table. */
    void countRefill() {
        counters.softwareRefills++;
    }

    // ---- regions and layout ----

    /** The region containing va, or null. */
    public Region regionAt(long va) {
        return regions.at(va);
    }

    /** Whether [start, end) touches no region. */
    public boolean isFree(long start, long end) {
        return regions.isFree(start, end);
    }

    /** Regions in address order (for reports). */
    public List<Region> regions() {
        return regions.list();
    }

    /** Adds one executable segment with R/W/X perms; IllegalStateException on overlap (see {@link ImageSegments#add}). */
    public void loadSegment(long vaddr, byte[] data, int off, int fileSize, long memSize, long perms) {
        image.add(vaddr, data, off, fileSize, memSize, perms);
    }

    /** Sets up the heap to start at the page boundary at or above {@code end}. */
    public void initHeap(long end) {
        calls.initHeap(end);
    }

    /** Creates the stack region (8 MiB below STACK_TOP) and maps its top {@code pages} pages now. */
    public boolean initStack(int pages) {
        return calls.initStack(pages);
    }

    /**
     * Serves a page fault at va for access (an {@link osbox.api.hw.Access}
     * kind): see {@link DemandPaging#handleFault}. Returns SERVED, SEGV or OOM.
     */
    public int handleFault(long va, int access) {
        return faults.handleFault(va, access);
    }

    /** Moves the program break (see {@link MappingCalls#brk}): the new break, or the old one when refused. */
    public long brk(long requested) {
        return calls.brk(requested);
    }

    /** The program break now. */
    public long currentBrk() {
        return calls.currentBrk();
    }

    /** Where the heap starts (set by {@link #initHeap}). */
    public long heapStart() {
        return calls.heapStart();
    }

    /** A private anonymous mapping with R/W/X perms: its address, or -1 (see {@link MappingCalls#mapAnonymous}). */
    public long mapAnonymous(long hint, long len, long perms, boolean fixed) {
        return calls.mapAnonymous(hint, len, perms, fixed, false);
    }

    /** As {@link #mapAnonymous(long, long, long, boolean)}; {@code shared} (MAP_SHARED) makes a shared memory object. */
    public long mapAnonymous(long hint, long len, long perms, boolean fixed, boolean shared) {
        return calls.mapAnonymous(hint, len, perms, fixed, shared);
    }

    /** Removes every mapping in [start, start+len) (page-rounded), freeing frames. */
    public void unmap(long start, long len) {
        calls.unmap(start, len);
    }

    /** Changes permissions of [start, start+len) to R/W/X perms; false (ENOMEM) if part of it is not mapped. */
    public boolean protect(long start, long len, long perms) {
        return calls.protect(start, len, perms);
    }

    // ---- the kernel's way in ----

    /** The physical address for a kernel access on the process's behalf, or -1 (see {@link #kernelTranslate}). */
    @Override
    public long translateForKernel(long va, int access) {
        long pa = kernelTranslate(va, access);
        return pa < 0 ? -1 : pa;
    }

    /**
     * Translates va for a kernel access on the process's behalf (see
     * {@link DemandPaging#kernelTranslate}): the physical address,
     * {@link DemandPaging#NO_ACCESS} or {@link DemandPaging#NO_FRAME}.
     */
    long kernelTranslate(long va, int access) {
        return faults.kernelTranslate(va, access);
    }

    /** copyin/copyout through this space's page table, answering a result code. */
    @Override
    public UserCopy userCopy() {
        return user;
    }

    /**
     * A software-managed TLB missed on va for access on {@code mmu}'s hart:
     * see {@link SoftwareRefill#refill}. Returns {@link #REFILLED},
     * {@link #SERVED} (a fault was served, then the page installed), SEGV or OOM.
     */
    @Override
    public int handleTlbMiss(TranslationUnit mmu, long va, int access) {
        return SoftwareRefill.refill(this, mmu, va, access);
    }

    // ---- lifecycle ----

    /**
     * fork's copy: a new address space with the same regions, break and
     * contents. No page is copied now: both spaces map the same frames, and
     * writable pages become read-only and copy-on-write in both, so a page is
     * copied only when one of them writes it ({@link CopyOnWrite}). Returns
     * null, having freed what it took, when memory for the child's page
     * tables runs out.
     */
    public PagedAddressSpace fork() {
        PagedAddressSpace child = create(vm, asids, tlb, table.organisation());
        if (child == null) {
            return null;
        }
        child.calls.inheritBreak(calls);
        child.image.inherit(image);
        regions.copyInto(child.regions);
        if (!cow.shareWith(child.cow)) {
            child.destroy();
            return null;
        }
        return child;
    }

    /** Whether {@link #destroy} ran. */
    boolean destroyed() {
        return destroyed;
    }

    /** After a WAIT answer: wake runs when the I/O the fault waits for completes. */
    @Override
    public void onFaultReady(Runnable wake) {
        vm.swapIo().onFaultReady(wake);
    }

    /** Frees every frame (user pages and page tables) and the ASID. Idempotent. */
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        table.forEachLeaf(mappings::freeLeaf);
        table.release();
        regions.clear();
        counters.clearSets();
        tlb.flushAsid(asid);
        asids.release(asid);
        vm.spaceDestroyed(this);
        if (counters.announced) {
            vm.traceMemory(TraceKind.MEMORY, this, 0, 0);
        }
    }

    // ---- counters ----

    /** User pages mapped (resident set, in pages). */
    public long residentPages() {
        return counters.resident;
    }

    /** The largest resident set this space had. */
    @Override
    public long peakResidentPages() {
        return counters.peakResident;
    }

    /** User pages in swap. */
    public long swappedPages() {
        return counters.swapped;
    }

    /** Pages of this space written to swap by eviction. */
    public long pageOuts() {
        return counters.pageOuts;
    }

    /** Faults served by reading a page back from swap. */
    public long majorFaults() {
        return counters.majorFaults;
    }

    /** Demand-zero faults served. */
    public long minorFaults() {
        return counters.minorFaults;
    }

    /** Pages of the executable brought in on first touch. */
    public long imageFaults() {
        return counters.imageFaults;
    }

    /** TLB misses this space's table answered without a fault (software-managed TLB). */
    @Override
    public long softwareRefills() {
        return counters.softwareRefills;
    }

    /** Pages this space shared with children at fork. */
    public long sharedAtFork() {
        return counters.sharedAtFork;
    }

    /** Write faults on copy-on-write pages. */
    public long cowFaults() {
        return counters.cowFaults;
    }

    /** Pages copied by those faults. */
    public long cowCopies() {
        return counters.cowCopies;
    }

    /** Copy-on-write pages taken back writable because no one else mapped them any more. */
    public long cowReclaimed() {
        return counters.cowReclaimed;
    }

    /** Frames used by page tables. */
    public long tablePages() {
        return table.pages();
    }

    /** The paging mechanism this space's frames come from. */
    public VirtualMemory vm() {
        return vm;
    }

    // ---- the API's view: PROT_* bits instead of PTE bits ----

    /** Adds an executable segment with PROT_* bits (see the PTE-bits version above). */
    @Override
    public void loadSegment(long vaddr, byte[] data, int off, int fileSize, long memSize, int prot) {
        loadSegment(vaddr, data, off, fileSize, memSize, ApiView.protToPte(prot));
    }

    /** An anonymous mapping with PROT_* bits (see the PTE-bits version above). */
    @Override
    public long mapAnonymous(long hint, long len, int prot, boolean fixed) {
        return mapAnonymous(hint, len, ApiView.protToPte(prot), fixed);
    }

    /** A shared anonymous mapping with PROT_* bits (see the PTE-bits version above). */
    @Override
    public long mapShared(long hint, long len, int prot, boolean fixed) {
        return mapAnonymous(hint, len, ApiView.protToPte(prot), fixed, true);
    }

    /** Attaches a segment of this space's VM with PROT_* bits (see {@link MappingCalls#attach}); -1 for another's object. */
    @Override
    public long attach(SharedMemoryObject object, long hint, int prot, boolean fixed) {
        if (!(object instanceof SharedMemory shm) || !shm.isSegment() || !shm.belongsTo(vm)) {
            return -1;
        }
        if (shm.released() && shm.attachments() == 0) {
            throw new IllegalStateException("attaching " + shm + " after its last reference went");
        }
        return calls.attach(shm, hint, ApiView.protToPte(prot), fixed);
    }

    /** shmdt: see {@link MappingCalls#detach}. */
    @Override
    public SharedMemoryObject detach(long va) {
        return calls.detach(va);
    }

    /** Changes permissions to PROT_* bits (see the PTE-bits version above). */
    @Override
    public boolean protect(long start, long len, int prot) {
        return protect(start, len, ApiView.protToPte(prot));
    }

    /** Regions in address order with PROT_* bits, for reports. */
    @Override
    public List<MemoryRegion> memoryRegions() {
        return ApiView.describe(regions);
    }

    /**
     * The PTE of the page containing va, read through the page table's slot
     * lookup (nothing is created or faulted in); a PTE of 0 when the table
     * has no entry, or after {@link #destroy}.
     */
    @Override
    public PageEntry page(long va) {
        long page = va & -PAGE;
        return PageEntry.of(page, destroyed || va < 0 || va >= STACK_TOP ? 0 : pte(page));
    }

    /** Each region with its resident and swapped pages (see {@link RegionReport#usage}). */
    @Override
    public List<RegionUsage> regionUsage() {
        return ApiView.usage(regions, table, mem, !destroyed);
    }
}
