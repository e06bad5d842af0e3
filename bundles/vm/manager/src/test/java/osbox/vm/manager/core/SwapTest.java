package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/** Page-out to swap and page-in on fault: contents survive, slots are freed and copied as they must. */
class SwapTest {
    static final long HEAP = 0x11000;
    static final long PAGE = VmFixture.PAGE;

    // A space with one text page and a heap of n pages.
    static PagedAddressSpace program(VmFixture f, int n) {
        PagedAddressSpace s = f.space();
        s.loadSegment(0x10000, new byte[] {1, 2, 3}, 0, 3, 3, Pte.R | Pte.X);
        s.initHeap(0x10003);
        s.brk(HEAP + n * PAGE);
        return s;
    }

    static void writeAll(VmFixture f, PagedAddressSpace s, int n, long base) {
        CopyMemory u = new CopyMemory(f.mem, s);
        for (int i = 0; i < n; i++) {
            assertTrue(u.writeLong(HEAP + i * PAGE + 8 * (i % 100), base + i), "write page " + i);
        }
    }

    static void checkAll(VmFixture f, PagedAddressSpace s, int n, long base) {
        CopyMemory u = new CopyMemory(f.mem, s);
        long[] v = new long[1];
        for (int i = 0; i < n; i++) {
            assertTrue(u.readLong(HEAP + i * PAGE + 8 * (i % 100), v), "read page " + i);
            assertEquals(base + i, v[0], "page " + i);
        }
    }

    @Test
    void aWorkingSetSeveralTimesMemoryKeepsItsContents() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = program(f, 40);
        writeAll(f, s, 40, 1000);
        assertTrue(f.vm.pageOuts() >= 40 - 9, "pages went to swap: " + f.vm.pageOuts());
        assertEquals(40, s.residentPages() + s.swappedPages());
        assertEquals(s.swappedPages(), f.vm.swap().used());
        assertTrue(f.frames.used() <= 12);
        // the first page went out first (FIFO): its PTE is invalid, marked swapped, and holds the slot
        long pte = s.pte(HEAP);
        assertEquals(0, pte & Pte.V);
        assertTrue(Pte.isSwapped(pte));
        assertTrue(f.vm.swap().inUse(Pte.ppn(pte)));
        assertEquals(Pte.R | Pte.W, pte & (Pte.R | Pte.W | Pte.X), "the permissions are kept");
        checkAll(f, s, 40, 1000);
        assertTrue(s.majorFaults() >= 31, "pages came back from swap: " + s.majorFaults());
        assertEquals(f.vm.pageIns(), s.majorFaults());
        assertEquals(40, s.residentPages() + s.swappedPages());
        assertTrue(f.vm.takeCycles() > 0, "transfers cost cycles");
        assertEquals(0, f.vm.takeCycles());
    }

    @Test
    void aPageComesBackWithAccessedSetAndDirtyClear() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = program(f, 20);
        writeAll(f, s, 20, 0);
        assertTrue(Pte.isSwapped(s.pte(HEAP)));
        assertEquals(PagedAddressSpace.SERVED, s.handleFault(HEAP, Access.READ));
        long pte = s.pte(HEAP);
        assertEquals(Pte.V | Pte.A, pte & (Pte.V | Pte.A | Pte.D));
        assertEquals(0, pte & Pte.SWAPPED);
    }

    @Test
    void shrinkingTheHeapFreesSwapSlots() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = program(f, 30);
        writeAll(f, s, 30, 0);
        assertTrue(f.vm.swap().used() > 0);
        s.brk(HEAP);
        assertEquals(0, f.vm.swap().used());
        assertEquals(0, s.swappedPages());
        assertEquals(0, s.residentPages());
        assertEquals(0, f.vm.resident().size());
    }

    @Test
    void destroyFreesEveryFrameAndSlot() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = program(f, 30);
        writeAll(f, s, 30, 0);
        s.destroy();
        assertEquals(0, f.vm.swap().used());
        assertEquals(0, f.frames.used());
        assertEquals(0, f.vm.resident().size());
    }

    @Test
    void forkSharesEachSwappedPagesSlotAndTheFirstToFaultItInGetsItsOwnCopy() {
        VmFixture f = new VmFixture(0, 64, 1 << 20);
        PagedAddressSpace parent = program(f, 10);
        writeAll(f, parent, 10, 500);
        for (int i = 0; i < 4; i++) {
            assertTrue(f.vm.evictOne());
        }
        assertEquals(4, parent.swappedPages());
        PagedAddressSpace child = parent.fork();
        assertNotNull(child);
        assertEquals(4, child.swappedPages());
        assertEquals(4, f.vm.swap().used(), "no page is copied at fork: the slots are shared");
        long slot = Pte.ppn(parent.pte(HEAP));
        assertTrue(Pte.isSwapped(parent.pte(HEAP)), "the heap's first page was evicted first");
        assertEquals(parent.pte(HEAP), child.pte(HEAP), "both PTEs point at one slot");
        assertEquals(2, f.vm.swap().references(slot));
        assertEquals(parent.residentPages(), f.vm.resident().size(),
                "shared pages stay evictable (one record per frame, found through the reverse map)");
        checkAll(f, child, 10, 500);
        new CopyMemory(f.mem, child).writeLong(HEAP, 999);
        assertEquals(1, f.vm.swap().references(slot), "the child's fault took its own copy: the parent keeps the slot");
        checkAll(f, parent, 10, 500);
        parent.destroy();
        long[] v = new long[1];
        assertTrue(new CopyMemory(f.mem, child).readLong(HEAP, v));
        assertEquals(999, v[0]);
        child.destroy();
        assertEquals(0, f.vm.swap().used());
        assertEquals(0, f.frames.used());
    }

    @Test
    void withoutSwapAFullMemoryIsOutOfMemory() {
        VmFixture f = new VmFixture(0, 8, 0);
        PagedAddressSpace s = program(f, 20);
        int served = 0;
        int r;
        while ((r = s.handleFault(HEAP + served * PAGE, Access.WRITE)) == PagedAddressSpace.SERVED) {
            served++;
        }
        assertEquals(PagedAddressSpace.OOM, r);
        assertEquals(5, served, "8 frames: 3 page tables and 5 pages");
        assertEquals(0, f.vm.pageOuts());
        assertTrue(f.vm.evictionFailures() > 0);
    }

    @Test
    void aFullSwapIsOutOfMemoryToo() {
        VmFixture f = new VmFixture(0, 8, 3 * PAGE);
        PagedAddressSpace s = program(f, 20);
        int served = 0;
        while (s.handleFault(HEAP + served * PAGE, Access.WRITE) == PagedAddressSpace.SERVED) {
            served++;
        }
        assertEquals(8, served, "5 in memory, 3 in swap");
        assertEquals(3, f.vm.swap().used());
    }

    // ---- the replacement policy slot ----

    /** A policy that remembers what it was told and evicts the newest page (MRU), or misbehaves. */
    static final class Recording implements ReplacementPolicy {
        final List<PageView> pages = new ArrayList<>();
        List<PageView> seeded;
        ReplacementContext context;
        String misbehave = "";

        @Override
        public void attach(ReplacementContext c, List<PageView> resident) {
            context = c;
            seeded = List.copyOf(resident);
            pages.addAll(resident);
        }

        @Override
        public void loaded(PageView page) {
            pages.add(page);
        }

        @Override
        public void removed(PageView page) {
            pages.removeIf(p -> p.id() == page.id());
        }

        @Override
        public PageView victim() {
            if (misbehave.equals("throw")) {
                throw new IllegalStateException("boom");
            }
            if (misbehave.equals("stranger")) {
                return new PageView() {
                    public long id() { return 123456; }
                    public int pid() { return 0; }
                    public long vpn() { return 0; }
                    public long loadedAt() { return 0; }
                    public long lastAccess() { return 0; }
                    public long accesses() { return 0; }
                };
            }
            return pages.remove(pages.size() - 1);
        }
    }

    static ReplacementPolicyProvider provider(Recording r) {
        return new ReplacementPolicyProvider() {
            public String describe() { return "test"; }
            public Map<String, String> defaults() { return Map.of(); }
            public ReplacementPolicy create(Map<String, String> options) { return r; }
        };
    }

    @Test
    void aNewPolicyIsSeededWithEveryResidentPageAndDecides() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = program(f, 9);
        s.setPid(42);
        writeAll(f, s, 5, 0);
        Recording mru = new Recording();
        f.vm.addProvider("mru", provider(mru));
        assertTrue(f.vm.select("mru", Map.of()));
        assertEquals(5, mru.seeded.size());
        for (int i = 0; i < 5; i++) {
            assertEquals((HEAP >>> 12) + i, mru.seeded.get(i).vpn(), "oldest first");
            assertEquals(42, mru.seeded.get(i).pid());
        }
        // the context reads and clears the A bit through the page table
        PageView first = mru.seeded.get(0);
        assertTrue(mru.context.referenced(first));
        assertTrue(mru.context.dirty(first));
        f.tlb.pages.clear();
        mru.context.clearReferenced(first);
        assertFalse(mru.context.referenced(first));
        assertEquals(List.of(HEAP), f.tlb.pageAddresses(), "its TLB entries are dropped");
        assertEquals(-1, mru.context.nextAccess(first));
        // memory is full at 9 resident pages (3 tables): the fifth write's successor evicts the newest
        writeAll(f, s, 9, 0);
        long before = f.vm.pageOuts();
        assertEquals(PagedAddressSpace.SERVED, s.handleFault(0x10000, Access.READ));
        assertEquals(before + 1, f.vm.pageOuts());
        assertTrue(Pte.isSwapped(s.pte(HEAP + 8 * PAGE)), "the newest page went: the policy decided");
        assertFalse(Pte.isSwapped(s.pte(HEAP)));
    }

    @Test
    void aPolicyThatThrowsIsEjectedAndFifoTakesOver() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = program(f, 40);
        Recording bad = new Recording();
        bad.misbehave = "throw";
        f.vm.addProvider("bad", provider(bad));
        assertTrue(f.vm.select("bad", Map.of()));
        writeAll(f, s, 40, 7);
        assertTrue(f.vm.slot().isFallback());
        assertEquals(1, f.vm.slot().ejections().size());
        assertTrue(f.vm.slot().ejections().get(0).reason().contains("victim() threw"),
                f.vm.slot().ejections().get(0).reason());
        checkAll(f, s, 40, 7);
    }

    @Test
    void aPolicyNamingAPageThatIsNotResidentIsEjected() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = program(f, 40);
        Recording bad = new Recording();
        bad.misbehave = "stranger";
        f.vm.addProvider("bad", provider(bad));
        assertTrue(f.vm.select("bad", Map.of()));
        writeAll(f, s, 40, 3);
        assertTrue(f.vm.slot().isFallback());
        assertTrue(f.vm.slot().ejections().get(0).reason().contains("not a resident page"));
        checkAll(f, s, 40, 3);
    }
}
