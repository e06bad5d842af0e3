package osbox.api.memory;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import osbox.api.hw.TranslationUnit;

/**
 * One process's virtual memory, made by {@link MemoryManager#createAddressSpace}:
 * a page table the MMU walks and the regions (image, heap, stack, anonymous
 * mappings) that say which pages may exist and with what permissions.
 * Simulation thread only; after {@link #destroy} only the counters may be
 * read.
 *
 * <p>Layout (the Sv39 user half is [0, 2^38)): the executable's segments
 * from 0x10000 (page 0 is never mapped), the heap after them (brk),
 * anonymous mappings top-down from {@link #MMAP_TOP}, the stack below
 * {@link #STACK_TOP} (at most {@link #STACK_LIMIT}).
 */
@ProviderType
public interface AddressSpace {
    /** Top of the user stack (exclusive). */
    long STACK_TOP = 0x40_0000_0000L;
    /** Largest stack. */
    long STACK_LIMIT = 8L << 20;
    /** Top (exclusive) of the area anonymous mappings are placed in. */
    long MMAP_TOP = 0x3e_0000_0000L;
    /** Page size. */
    long PAGE = 4096;

    /** {@link #handleFault} served the fault: the instruction can run again. */
    int SERVED = 0;
    /** {@link #handleFault}: the access is not allowed (the process gets SIGSEGV). */
    int SEGV = 1;
    /** {@link #handleFault}: allowed, but no frame could be found (memory and swap full). */
    int OOM = 2;
    /**
     * {@link #handleTlbMiss}: the page table had the page; it is in the
     * TLB now and no fault was taken.
     *
     * @since 1.1
     */
    int REFILLED = 3;
    /**
     * {@link #handleFault} (or {@link #handleTlbMiss}): the fault needs I/O
     * first (a page-in from a swap disk, or a frame still being written
     * back): the kernel puts the faulting thread to sleep, asks
     * {@link #onFaultReady} to wake it, and runs the instruction again then
     * (it may fault again, and wait again).
     *
     * @since 2.2
     */
    int WAIT = 4;

    /** Permission bits, as Linux's PROT_* values. */
    int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;

    /** The owning process (0 until set), for policies, traces and reports. */
    int pid();

    /** Names the owning process; the kernel calls it when the pid is known (spawn, fork, exec). */
    void setPid(int pid);

    /** The satp value that selects this space; the kernel writes it to a hart's MMU before running it. */
    long satp();

    /** Its address-space identifier (tags its TLB entries). */
    int asid();

    /** Whether switching to this space needs a full TLB flush (it shares ASID 0 when ASIDs ran out). */
    boolean needsFlushOnSwitch();

    /**
     * Adds one executable segment: [vaddr, vaddr+memSize) becomes an image
     * region with {@code prot}; its pages are filled on first touch from
     * {@code fileSize} bytes of {@code data} at {@code off} (the rest is
     * zero). The caller must not change {@code data} afterwards. Throws
     * IllegalStateException when the segment overlaps another region.
     */
    void loadSegment(long vaddr, byte[] data, int off, int fileSize, long memSize, int prot);

    /** Sets up the heap to start at the page boundary at or above {@code end} (after the last segment). */
    void initHeap(long end);

    /** Creates the stack region below {@link #STACK_TOP} and maps its top {@code pages} pages now; false when out of memory. */
    boolean initStack(int pages);

    /**
     * Serves a page fault at {@code va} for {@code access} (an
     * {@link osbox.api.hw.Access} kind): demand zero, image fill, swap-in or
     * copy-on-write as the region allows. Returns {@link #SERVED},
     * {@link #SEGV} or {@link #OOM}; the caller kills the process on SEGV and
     * applies its OOM policy on OOM.
     */
    int handleFault(long va, int access);

    /**
     * Right after {@link #handleFault} answered {@link #WAIT}: runs
     * {@code wake} once, on the simulation thread, when the I/O the fault
     * waits for has completed (the same I/O for every fault on the page).
     * The default, for spaces that never wait, runs it at once.
     *
     * @since 2.2
     */
    default void onFaultReady(Runnable wake) {
        wake.run();
    }

    /**
     * Software-managed TLB only ({@link TranslationUnit#softwareManaged()}):
     * the hart whose TLB is {@code mmu} missed on {@code va} for
     * {@code access} (causes 24-26). Looks the page up in this space's page
     * table and installs it in {@code mmu} ({@link #REFILLED}); when the
     * table does not permit the access, serves it as {@link #handleFault}
     * would and installs the page afterwards ({@link #SERVED}), or returns
     * {@link #SEGV} or {@link #OOM}. The caller resumes the hart without
     * advancing pc. The default treats every miss as a fault (it installs
     * nothing, so the instruction would miss again): implementations that
     * can run on a software-managed TLB override it.
     *
     * @since 1.1
     */
    default int handleTlbMiss(TranslationUnit mmu, long va, int access) {
        return handleFault(va, access);
    }

    /**
     * TLB misses answered from this space's page table without a fault
     * ({@link #REFILLED}); 0 on a hardware-refilled TLB.
     *
     * @since 1.1
     */
    default long softwareRefills() {
        return 0;
    }

    /**
     * Moves the program break (brk semantics): returns the new break, or the
     * old one when the request is refused (below the heap start, into
     * another region, or out of memory).
     */
    long brk(long requested);

    /** The program break now. */
    long currentBrk();

    /**
     * Creates an anonymous mapping of {@code len} bytes (page-rounded) with
     * PROT_* bits {@code prot}: at {@code hint} if it is free (or always,
     * with {@code fixed}, replacing what was there; the caller checks a fixed
     * hint is page aligned and below {@link #MMAP_TOP}), else top-down below
     * {@link #MMAP_TOP}. Returns the address, or -1 when there is no room.
     */
    long mapAnonymous(long hint, long len, int prot, boolean fixed);

    /**
     * A shared anonymous mapping (MAP_SHARED|MAP_ANONYMOUS), placed as by
     * {@link #mapAnonymous}: its pages are one shared memory object, which a
     * child inherits at {@link #fork} as the very same pages (not
     * copy-on-write), so every process mapping it sees every write; a page
     * is zero-filled on the first touch by any of them. Unmapping, exit and
     * exec drop this space's reference; the object goes with the last one.
     * Returns the address, or -1 when there is no room.
     *
     * @since 1.1
     */
    long mapShared(long hint, long len, int prot, boolean fixed);

    /**
     * Attaches {@code object} (made by this space's {@link MemoryManager})
     * whole, with PROT_* bits {@code prot}: at {@code hint} if it is free
     * (or always, with {@code fixed}, replacing what was there; the caller
     * checks a fixed hint is page aligned and the range below
     * {@link #MMAP_TOP}), else top-down below {@link #MMAP_TOP}, as
     * {@link #mapAnonymous}. Every page maps the object's own frame; fork
     * gives the child the same attachment. Returns the address, or -1 when
     * there is no room or this space cannot attach the object (the default).
     *
     * @since 2.1
     */
    default long attach(SharedMemoryObject object, long hint, int prot, boolean fixed) {
        return -1;
    }

    /**
     * Detaches the attachment that starts at {@code va} (shmdt): unmaps
     * every range of [va, va + the object's size) that still maps the
     * object at the offset it was attached with, and nothing else. Returns
     * the object, or null when no attachment of a {@link SharedMemoryObject}
     * starts at va (nothing changes then; always, by default).
     *
     * @since 2.1
     */
    default SharedMemoryObject detach(long va) {
        return null;
    }

    /** Unmaps every page of [start, start+len) and cuts the regions there; start must be page aligned. */
    void unmap(long start, long len);

    /**
     * Changes the permissions of [start, start+len) to PROT_* bits
     * {@code prot}; false (nothing changed) when part of the range is not
     * mapped by a region. Start must be page aligned.
     */
    boolean protect(long start, long len, int prot);

    /**
     * The physical address the kernel may use for {@code va} on the
     * process's behalf with user permissions for {@code access}, faulting
     * in demand, swapped and copy-on-write pages as the process would; -1
     * when the process itself could not make that access, or when the page
     * needs a frame and none can be found ({@link #userCopy} tells the two
     * apart).
     */
    long translateForKernel(long va, int access);

    /**
     * copyin/copyout for this space (checked through its page table; never
     * throws on a bad pointer, never calls back into the kernel: each copy
     * answers a {@link UserCopy} result).
     *
     * @since 2.0
     */
    UserCopy userCopy();

    /**
     * A copy-on-write copy for a forked child (pid 0 until set), or null
     * when memory runs out (nothing changes then).
     */
    AddressSpace fork();

    /** Frees every page, swap slot and table and the ASID; the caller must not use the space afterwards. */
    void destroy();

    /** Regions in address order, for reports. */
    List<MemoryRegion> memoryRegions();

    /**
     * The page table's entry for the page containing {@code va} now (see
     * {@link PageEntry}): present in a frame, in swap with its slot, or
     * absent (a PTE of 0). Reads only; faults nothing in. Null when the
     * implementation cannot tell (the default).
     *
     * @since 1.2
     */
    default PageEntry page(long va) {
        return null;
    }

    /**
     * The regions, in address order as {@link #memoryRegions}, each with its
     * pages resident and in swap now. The default does not know the counts
     * (-1).
     *
     * @since 1.2
     */
    default List<RegionUsage> regionUsage() {
        return memoryRegions().stream().map(r -> new RegionUsage(r, -1, -1)).toList();
    }

    /** User pages mapped to a frame now. */
    long residentPages();

    /** The largest {@link #residentPages} seen. */
    long peakResidentPages();

    /** Pages in the swap area now. */
    long swappedPages();

    /** Page-table pages now. */
    long tablePages();

    /** Demand-zero faults served. */
    long minorFaults();

    /** Faults filled from the executable. */
    long imageFaults();

    /** Faults that read the page back from swap. */
    long majorFaults();

    /** Writes to a copy-on-write page. */
    long cowFaults();

    /** Copy-on-write faults that copied the frame. */
    long cowCopies();

    /** Pages of this space written to swap. */
    long pageOuts();
}
