package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;
import osbox.api.hw.TranslationUnit;
import osbox.api.memory.AddressSpace;
import osbox.testkit.hw.FakeTranslationUnit;

/** The hashed page table in simulated memory, and the software TLB refill from it. */
class HashedPageTableTest {
    private static final long PAGE = VmFixture.PAGE;
    private final VmFixture f = new VmFixture();

    @Test
    void anEmptyTableIsOneBucketFrameAndFindsNothing() {
        long before = f.frames.used();
        HashedPageTable t = HashedPageTable.create(f.vm, 5);
        assertEquals(1, t.pages());
        assertEquals(before + 1, f.frames.used());
        assertEquals(512, t.buckets());
        assertEquals(-1, t.slot(0x10000, false));
        assertEquals(0, t.entries());
        assertEquals(PageTable.Organisation.HASHED, t.organisation());
    }

    @Test
    void insertedWordsAreFoundAgainAtTheSameAddress() {
        HashedPageTable t = HashedPageTable.create(f.vm, 1);
        long a = t.slot(0x10000, true);
        long b = t.slot(0x11000, true);
        assertNotEquals(a, b);
        assertEquals(0, f.mem.load(a, 8), "a new word reads 0");
        f.mem.store(a, 8, Pte.make(77, Pte.V | Pte.R | Pte.U));
        assertEquals(a, t.slot(0x10000, false));
        assertEquals(a, t.slot(0x10fff, true), "any address in the page, no second entry");
        assertEquals(b, t.slot(0x11000, false));
        assertEquals(77, Pte.ppn(f.mem.load(t.slot(0x10000, false), 8)));
        assertEquals(2, t.entries());
        assertEquals(2, t.pages(), "a bucket frame and an entry frame");
    }

    @Test
    void collidingPagesChainInOneBucket() {
        HashedPageTable t = HashedPageTable.create(f.vm, 3);
        // find pages that hash to the bucket of page 0x10000
        int target = t.bucket(t.tag(0x10000));
        List<Long> same = new ArrayList<>();
        for (long vpn = 0x10; same.size() < 4; vpn++) {
            if (t.bucket(t.tag(vpn << 12)) == target) {
                same.add(vpn << 12);
            }
        }
        Map<Long, Long> slots = new HashMap<>();
        for (long va : same) {
            long s = t.slot(va, true);
            f.mem.store(s, 8, Pte.make(va >>> 12, Pte.V | Pte.R | Pte.U));
            slots.put(va, s);
        }
        assertEquals(4, new HashSet<>(slots.values()).size());
        long probesBefore = t.probes();
        for (long va : same) {
            assertEquals(slots.get(va), t.slot(va, false));
            assertEquals(va >>> 12, Pte.ppn(f.mem.load(t.slot(va, false), 8)));
        }
        // new entries go to the head: the first one inserted is the last on the chain (4 probes);
        // two lookups per page above
        assertEquals(2 * (4 + 3 + 2 + 1), t.probes() - probesBefore);
        // a page of the same bucket that is absent walks the whole chain
        long absent = 0;
        for (long vpn = (same.get(3) >>> 12) + 1;; vpn++) {
            if (t.bucket(t.tag(vpn << 12)) == target) {
                absent = vpn << 12;
                break;
            }
        }
        assertEquals(-1, t.slot(absent, false));
    }

    @Test
    void theBucketsDoubleWhenTheLoadFactorPassesOneAndNoEntryMoves() {
        long before = f.frames.used();
        HashedPageTable t = HashedPageTable.create(f.vm, 9);
        long[] slot = new long[1500];
        for (int i = 0; i < slot.length; i++) {
            slot[i] = t.slot(0x10000 + i * PAGE, true);
            f.mem.store(slot[i], 8, Pte.make(1000 + i, Pte.V | Pte.R | Pte.W | Pte.U));
            assertTrue(t.entries() <= t.buckets(), "load factor at most 1");
        }
        assertEquals(2048, t.buckets());
        assertEquals(1500, t.entries());
        // 4 bucket frames, ceil(1500 / 128) = 12 entry frames
        assertEquals(4 + 12, t.pages());
        assertEquals(before + 16, f.frames.used());
        for (int i = 0; i < slot.length; i++) {
            assertEquals(slot[i], t.slot(0x10000 + i * PAGE, false), "entry " + i + " did not move");
            assertEquals(1000 + i, Pte.ppn(f.mem.load(slot[i], 8)));
        }
        assertTrue(t.probes() < 3L * t.lookups(), "short chains: " + t.probes() + " probes in " + t.lookups());
        t.release();
        assertEquals(before, f.frames.used(), "release frees every table frame");
        assertEquals(0, t.pages());
    }

    @Test
    void unmappedEntriesAreReusedAndReclaimedOnGrowth() {
        HashedPageTable t = HashedPageTable.create(f.vm, 2);
        long a = t.slot(0x10000, true);
        f.mem.store(a, 8, Pte.make(5, Pte.V | Pte.R | Pte.U));
        f.mem.store(a, 8, 0); // unmapped: the entry stays, dead
        assertEquals(a, t.slot(0x10000, false), "a dead entry still answers for its page (word 0: absent)");
        // another page of the same bucket takes the dead entry over
        int target = t.bucket(t.tag(0x10000));
        long other = 0;
        for (long vpn = 0x11;; vpn++) {
            if (t.bucket(t.tag(vpn << 12)) == target) {
                other = vpn << 12;
                break;
            }
        }
        assertEquals(a, t.slot(other, true));
        f.mem.store(a, 8, Pte.make(6, Pte.V | Pte.R | Pte.U));
        assertEquals(-1, t.slot(0x10000, false));
        assertEquals(1, t.entries());
        // dead entries are dropped when the buckets are rebuilt
        for (int i = 0; i < 400; i++) {
            f.mem.store(t.slot(0x4000_0000L + i * PAGE, true), 8, Pte.make(9, Pte.V | Pte.R | Pte.U));
        }
        for (int i = 0; i < 300; i++) {
            f.mem.store(t.slot(0x4000_0000L + i * PAGE, false), 8, 0);
        }
        long live = 1 + 100;
        for (int i = 0; t.buckets() == 512; i++) {
            f.mem.store(t.slot(0x8000_0000L + i * PAGE, true), 8, Pte.make(9, Pte.V | Pte.R | Pte.U));
            live++;
        }
        assertEquals(1024, t.buckets());
        assertEquals(live, t.entries(), "only live pages are on the chains after the rebuild");
        long s = t.slot(0x900000_000L, true);
        assertTrue(s >= 0);
        assertEquals(s, t.slot(0x900000_000L, false));
    }

    @Test
    void theLeafWalkSeesPresentAndSwappedPagesOnlyWithTheirAddresses() {
        HashedPageTable t = HashedPageTable.create(f.vm, 4);
        long top = AddressSpace.STACK_TOP - PAGE;
        f.mem.store(t.slot(0x10000, true), 8, Pte.make(3, Pte.V | Pte.R | Pte.U));
        f.mem.store(t.slot(top, true), 8, Pte.swapped(7, Pte.R | Pte.W | Pte.U));
        t.slot(0x20000, true); // word 0: no page
        Set<Long> seen = new HashSet<>();
        assertTrue(t.forEachLeaf((va, slot) -> {
            assertEquals(slot, t.slot(va, false));
            return seen.add(va);
        }));
        assertEquals(Set.of(0x10000L, top), seen);
        assertTrue(!t.forEachLeaf((va, slot) -> false), "the visitor can stop the walk");
    }

    @Test
    void theLayoutIsDeterministic() {
        HashedPageTable a = HashedPageTable.create(f.vm, 6);
        HashedPageTable b = HashedPageTable.create(f.vm, 6);
        for (int i = 0; i < 700; i++) {
            long va = 0x10000 + (i * 7919L % 5000) * PAGE;
            assertEquals(a.slot(va, true) >= 0, b.slot(va, true) >= 0);
        }
        assertEquals(a.probes(), b.probes());
        assertEquals(a.buckets(), b.buckets());
        assertEquals(a.bucket(a.tag(0x12345000L)), b.bucket(b.tag(0x12345000L)));
    }

    // ---- the software refill ----

    /** The software-managed TLB the misses are served into. */
    private final FakeTranslationUnit fakeTlb = new FakeTranslationUnit(0);
    /** What was installed in it, in order, as "va/asid->ppn rwx" (a view of its installs). */
    private final List<String> installs = new AbstractList<>() {
        @Override
        public String get(int i) {
            return fakeTlb.installs().get(i).toString();
        }

        @Override
        public int size() {
            return fakeTlb.installs().size();
        }
    };

    private TranslationUnit softwareTlb() {
        fakeTlb.setSoftwareManaged(true);
        return fakeTlb;
    }

    private PagedAddressSpace hashedSpace() {
        return PagedAddressSpace.create(f.vm, f.asids, f.tlb, PageTable.Organisation.HASHED);
    }

    @Test
    void aMissOnAnUntouchedPageIsAFaultThenAnInstall() {
        PagedAddressSpace s = hashedSpace();
        TranslationUnit tlb = softwareTlb();
        s.initHeap(0x20000);
        s.brk(0x22000);
        assertEquals(AddressSpace.SERVED, s.handleTlbMiss(tlb, 0x20010, Access.READ));
        long pte = s.pte(0x20000);
        assertEquals(1, installs.size());
        assertEquals(String.format("20000/%d->%d r--", s.asid(), Pte.ppn(pte)), installs.get(0),
                "clean: installed without write");
        assertEquals(0, s.softwareRefills(), "a fault, not a refill");
        assertEquals(Pte.A, pte & (Pte.A | Pte.D));
        // the first store to the clean page misses again: D is set, write installed
        assertEquals(AddressSpace.REFILLED, s.handleTlbMiss(tlb, 0x20018, Access.WRITE));
        assertEquals(String.format("20000/%d->%d rw-", s.asid(), Pte.ppn(pte)), installs.get(1));
        assertEquals(Pte.A | Pte.D, s.pte(0x20000) & (Pte.A | Pte.D));
        // a later read miss (after a flush) installs it writable straight away: it is dirty
        assertEquals(AddressSpace.REFILLED, s.handleTlbMiss(tlb, 0x20000, Access.READ));
        assertEquals(String.format("20000/%d->%d rw-", s.asid(), Pte.ppn(pte)), installs.get(2));
        assertEquals(2, s.softwareRefills());
        assertEquals(1, s.minorFaults());
    }

    @Test
    void missesOutsideTheRegionsOrAgainstPermissionsAreSegv() {
        PagedAddressSpace s = hashedSpace();
        TranslationUnit tlb = softwareTlb();
        s.loadSegment(0x10000, new byte[] {0x13, 0, 0, 0}, 0, 4, PAGE, Pte.R | Pte.X);
        assertEquals(AddressSpace.SEGV, s.handleTlbMiss(tlb, 0x5000, Access.READ), "no region");
        assertEquals(AddressSpace.SEGV, s.handleTlbMiss(tlb, -4096, Access.READ), "kernel half");
        assertEquals(AddressSpace.SERVED, s.handleTlbMiss(tlb, 0x10000, Access.EXECUTE));
        assertEquals(AddressSpace.SEGV, s.handleTlbMiss(tlb, 0x10000, Access.WRITE), "text is not writable");
        assertEquals(1, installs.size());
        assertTrue(installs.get(0).endsWith("r-x"), installs.get(0));
    }

    @Test
    void aStoreToACopyOnWritePageCopiesItThenInstallsTheCopyWritable() {
        PagedAddressSpace parent = hashedSpace();
        TranslationUnit tlb = softwareTlb();
        parent.initHeap(0x20000);
        parent.brk(0x21000);
        assertTrue(new CopyMemory(f.mem, parent).writeLong(0x20000, 42));
        PagedAddressSpace child = parent.fork();
        assertEquals(PageTable.Organisation.HASHED, child.pageTable().organisation());
        long shared = Pte.ppn(child.pte(0x20000));
        assertEquals(shared, Pte.ppn(parent.pte(0x20000)));
        assertEquals(AddressSpace.REFILLED, child.handleTlbMiss(tlb, 0x20000, Access.READ));
        assertTrue(installs.get(0).endsWith("->" + shared + " r--"), installs.get(0));
        assertEquals(AddressSpace.SERVED, child.handleTlbMiss(tlb, 0x20000, Access.WRITE));
        long copy = Pte.ppn(child.pte(0x20000));
        assertNotEquals(shared, copy);
        assertTrue(installs.get(1).endsWith("->" + copy + " rw-"), installs.get(1));
        assertEquals(1, child.cowCopies());
        long[] v = new long[1];
        assertTrue(new CopyMemory(f.mem, child).readLong(0x20000, v));
        assertEquals(42, v[0]);
        long used = f.frames.used();
        child.destroy();
        parent.destroy();
        assertTrue(f.frames.used() < used);
        assertEquals(0, parent.tablePages());
    }

    @Test
    void theVmManagerPicksTheOrganisationFromTheMmu() {
        // no machine here: the rule itself
        assertEquals(PageTable.Organisation.HASHED, PageTable.Organisation.valueOf("HASHED"));
        assertEquals(PageTable.Organisation.SV39, Sv39PageTable.create(f.vm).organisation());
    }
}
