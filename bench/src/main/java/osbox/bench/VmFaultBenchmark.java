package osbox.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;
import osbox.hw.memory.FrameStore;
import osbox.vm.manager.core.PagedAddressSpace;
import osbox.vm.manager.core.AsidAllocator;
import osbox.vm.manager.core.FrameAllocator;
import osbox.vm.manager.core.SwapArea;
import osbox.vm.manager.core.TlbShootdown;
import osbox.vm.manager.core.VirtualMemory;

/**
 * The kernel's page-fault paths on their own (no CPU, no machine loop): an
 * {@link PagedAddressSpace} over a 64 MiB {@link FrameStore} with a
 * {@link VirtualMemory} and a 64 MiB {@link SwapArea}, as the kernel-core
 * tests build one. Each invocation handles {@value #PAGES} faults (or
 * evictions) over a 4 MiB heap, and the score is ns per page. What undoes
 * an invocation (brk back down, destroying the fork child, paging back in)
 * runs in per-invocation setup/teardown, outside the measured time.
 * <ul>
 * <li>{@code zeroFill}: a write fault on each page of a fresh heap (region
 * check, a frame, zeroing 4 KiB, the PTE, page-table pages the first time
 * in each 2 MiB; the replacement policy is told).</li>
 * <li>{@code cowCopy}: the parent's 1 024 written pages are shared with a
 * fork child; a write fault on each page in the child copies it (new frame,
 * 4 KiB copy, PTE, shootdown of the page).</li>
 * <li>{@code cowReclaim}: the child has exited before the parent writes,
 * so each write fault finds the frame unshared and takes it back (no copy).</li>
 * <li>{@code pageOut}: {@link VirtualMemory#evictOne()} with the built-in
 * FIFO: a victim, 4 KiB to a swap slot, the PTE, a shootdown.</li>
 * <li>{@code pageIn}: a read fault on each swapped page: a frame, 4 KiB back
 * from the slot, the PTE, the slot freed.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VmFaultBenchmark {
    static final int PAGES = 1024;
    static final long PAGE = PagedAddressSpace.PAGE;
    static final long HEAP = 0x20000;

    /** No harts to flush: counts the calls so they are not optimised away. */
    static final class CountingShootdown implements TlbShootdown {
        long flushes;

        @Override
        public void flushPage(long va, int asid) {
            flushes++;
        }

        @Override
        public void flushAsid(int asid) {
            flushes++;
        }
    }

    /** The memory, the paging mechanism and the parent space with PAGES written heap pages. */
    @State(Scope.Thread)
    public static class Vm {
        FrameStore mem;
        VirtualMemory vm;
        CountingShootdown tlb;
        PagedAddressSpace space;

        @Setup(Level.Trial)
        public void build() {
            mem = new FrameStore(64L << 20);
            FrameAllocator frames = new FrameAllocator(0, (64L << 20) / PAGE);
            vm = new VirtualMemory(mem, frames, new SwapArea(64L << 20, 10), () -> 0, 7, null);
            tlb = new CountingShootdown();
            space = PagedAddressSpace.create(vm, new AsidAllocator(), tlb);
            space.loadSegment(0x10000, new byte[] {1, 2, 3}, 0, 3, 3, Pte.R | Pte.X);
            space.initHeap(HEAP);
            space.brk(HEAP + PAGES * PAGE);
            for (int i = 0; i < PAGES; i++) {
                fault(space, HEAP + i * PAGE, Access.WRITE);
                mem.store(Pte.ppn(space.pte(HEAP + i * PAGE)) << 12, 8, i + 1);
            }
        }
    }

    static void fault(PagedAddressSpace s, long va, int access) {
        int r = s.handleFault(va, access);
        if (r != PagedAddressSpace.SERVED) {
            throw new IllegalStateException("fault at 0x" + Long.toHexString(va) + ": " + r);
        }
    }

    // ---- zero-fill ----

    /** For zeroFill: a second space whose empty heap of PAGES pages is released (brk down) after each invocation. */
    @State(Scope.Thread)
    public static class Fresh {
        PagedAddressSpace fresh;

        @Setup(Level.Trial)
        public void make(Vm v) {
            fresh = PagedAddressSpace.create(v.vm, new AsidAllocator(), v.tlb);
            fresh.initHeap(HEAP);
        }

        @TearDown(Level.Invocation)
        public void releaseHeap() {
            fresh.brk(HEAP);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public long zeroFill(Fresh f) {
        PagedAddressSpace s = f.fresh;
        s.brk(HEAP + PAGES * PAGE);
        for (int i = 0; i < PAGES; i++) {
            fault(s, HEAP + i * PAGE, Access.WRITE);
        }
        return s.residentPages();
    }

    // ---- copy-on-write ----

    /** State for cowCopy: a fresh fork child per invocation, destroyed after it. */
    @State(Scope.Thread)
    public static class Forked {
        Vm v;
        PagedAddressSpace child;

        @Setup(Level.Trial)
        public void bind(Vm v) {
            this.v = v;
        }

        @Setup(Level.Invocation)
        public void fork() {
            child = v.space.fork();
            if (child == null) {
                throw new IllegalStateException("fork failed");
            }
        }

        @TearDown(Level.Invocation)
        public void exit() {
            child.destroy();
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public long cowCopy(Forked f) {
        PagedAddressSpace c = f.child;
        for (int i = 0; i < PAGES; i++) {
            fault(c, HEAP + i * PAGE, Access.WRITE);
        }
        if (c.cowCopies() != PAGES) {
            throw new IllegalStateException("copies " + c.cowCopies());
        }
        return c.cowCopies();
    }

    /** State for cowReclaim: fork then the child exits, so the parent's pages are copy-on-write but unshared. */
    @State(Scope.Thread)
    public static class ForkedAndExited {
        Vm v;

        @Setup(Level.Trial)
        public void bind(Vm v) {
            this.v = v;
        }

        @Setup(Level.Invocation)
        public void forkAndExit() {
            PagedAddressSpace c = v.space.fork();
            if (c == null) {
                throw new IllegalStateException("fork failed");
            }
            c.destroy();
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public long cowReclaim(ForkedAndExited f) {
        PagedAddressSpace space = f.v.space;
        long before = space.cowReclaimed();
        for (int i = 0; i < PAGES; i++) {
            fault(space, HEAP + i * PAGE, Access.WRITE);
        }
        long n = space.cowReclaimed() - before;
        if (n != PAGES) {
            throw new IllegalStateException("reclaimed " + n);
        }
        return n;
    }

    // ---- swap ----

    /** State for pageOut: after the invocation every page is read back in. */
    @State(Scope.Thread)
    public static class Resident {
        Vm v;

        @Setup(Level.Trial)
        public void bind(Vm v) {
            this.v = v;
        }

        @TearDown(Level.Invocation)
        public void pageBackIn() {
            for (int i = 0; i < PAGES; i++) {
                fault(v.space, HEAP + i * PAGE, Access.READ);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public long pageOut(Resident r) {
        Vm v = r.v;
        VirtualMemory vm = v.vm;
        long before = vm.pageOuts();
        for (int i = 0; i < PAGES; i++) {
            if (!vm.evictOne()) {
                throw new IllegalStateException("nothing to evict");
            }
        }
        if (v.space.swappedPages() != PAGES) {
            throw new IllegalStateException("swapped " + v.space.swappedPages());
        }
        return vm.pageOuts() - before;
    }

    /** State for pageIn: every heap page is evicted before the invocation. */
    @State(Scope.Thread)
    public static class Swapped {
        Vm v;

        @Setup(Level.Trial)
        public void bind(Vm v) {
            this.v = v;
        }

        @Setup(Level.Invocation)
        public void pageAllOut() {
            for (int i = 0; i < PAGES; i++) {
                if (!v.vm.evictOne()) {
                    throw new IllegalStateException("nothing to evict");
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public long pageIn(Swapped s) {
        Vm v = s.v;
        VirtualMemory vm = v.vm;
        PagedAddressSpace space = v.space;
        long before = vm.pageIns();
        for (int i = 0; i < PAGES; i++) {
            fault(space, HEAP + i * PAGE, Access.READ);
        }
        long n = vm.pageIns() - before;
        if (n != PAGES || v.mem.load(Pte.ppn(space.pte(HEAP + 5 * PAGE)) << 12, 8) != 6) {
            throw new IllegalStateException("paged in " + n);
        }
        return n;
    }
}
