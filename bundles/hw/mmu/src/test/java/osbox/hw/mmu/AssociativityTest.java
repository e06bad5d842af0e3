package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.hw.mmu.PageTables.A;
import static osbox.hw.mmu.PageTables.D;
import static osbox.hw.mmu.PageTables.KIB4;
import static osbox.hw.mmu.PageTables.R;
import static osbox.hw.mmu.PageTables.U;
import static osbox.hw.mmu.PageTables.V;
import static osbox.hw.mmu.PageTables.W;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.TlbStatistics;
import osbox.hw.memory.FrameStore;

/** Set-associative lookup, LRU order within a set, and exact statistics. */
class AssociativityTest {
    private static final long RW = V | R | W | U | A | D;
    private final FrameStore mem = new FrameStore(16 << 20);
    private final PageTables pt = new PageTables(mem, 16);

    /** Pages 0x10, 0x20, 0x30... (va 0x10000 apart): all in set 0 of a TLB with 16 or fewer sets. */
    private static long page(int k) {
        return 0x10000L * (k + 1);
    }

    private Sv39TranslationUnit unit(int entries, int ways) {
        for (int k = 0; k < 40; k++) {
            pt.map(page(k), 0x400 + k, RW, KIB4);
        }
        Sv39TranslationUnit u = new Sv39TranslationUnit(0, mem, new TlbConfig(entries, ways, true, false));
        u.setSatp(pt.satp(1));
        return u;
    }

    // A read as the CPU does it: way 0 of the set, else refill. Returns true on a fast-path hit.
    private static boolean read(Sv39TranslationUnit u, long va) {
        int i = (int) (va >>> 12) & u.tlbMask();
        if (u.readTags()[i] == ((va >>> 12) | u.asidTag())) {
            u.countAccesses(1);
            return true;
        }
        assertTrue(u.refill(va, Access.READ), "refill of 0x" + Long.toHexString(va));
        assertEquals((va >>> 12) | u.asidTag(), u.readTags()[i], "refill leaves the translation in way 0");
        assertEquals(0x400 + (va / 0x10000 - 1), u.ppns()[i]);
        return false;
    }

    @Test
    void twoConflictingPagesThrashADirectMappedTlbButHitInTwoWays() {
        Sv39TranslationUnit direct = unit(16, 1);
        Sv39TranslationUnit twoWay = unit(32, 2);
        assertEquals(15, twoWay.tlbMask(), "16 sets of 2 ways");
        for (int round = 0; round < 10; round++) {
            read(direct, page(0));
            read(direct, page(1));
            read(twoWay, page(0));
            read(twoWay, page(1));
        }
        assertEquals(new TlbStatistics(20, 20, 20, 0, 0, 0, 0), direct.statistics(), "every access walks");
        // two-way: 2 cold misses; the other 18 accesses find their page in way 1 (set hits) and swap it to way 0
        assertEquals(new TlbStatistics(20, 2, 2, 0, 0, 18, 0), twoWay.statistics());
        assertEquals(18, twoWay.statistics().hits());
    }

    @Test
    void wayZeroHitsStayOnTheFastPath() {
        Sv39TranslationUnit u = unit(32, 2);
        assertFalse(read(u, page(0)));
        assertTrue(read(u, page(0)));
        assertTrue(read(u, page(0)));
        assertEquals(new TlbStatistics(3, 1, 1, 0, 0, 0, 0), u.statistics());
    }

    @Test
    void evictsTheLeastRecentlyUsedWayOfTheSet() {
        Sv39TranslationUnit u = unit(16, 4);                // 4 sets of 4 ways; pages 0.. all in set 0
        for (int k = 0; k < 4; k++) {
            read(u, page(k));                               // set 0, MRU->LRU: 3 2 1 0
        }
        read(u, page(0));                                   // set hit: 0 3 2 1
        read(u, page(4));                                   // miss, evicts LRU page 1: 4 0 3 2
        assertEquals(6, u.statistics().misses() + u.statistics().setHits());
        assertEquals(5, u.statistics().misses());
        long walks = u.statistics().walks();
        read(u, page(2));                                   // set hit: 2 4 0 3
        read(u, page(3));                                   // set hit: 3 2 4 0
        read(u, page(0));                                   // set hit: 0 3 2 4
        assertEquals(walks, u.statistics().walks(), "pages 0, 2, 3 were still in the set");
        read(u, page(1));                                   // page 1 was evicted: walk, evicts 4
        assertEquals(walks + 1, u.statistics().walks());
        assertEquals(4, u.validEntries());
        // MRU->LRU is now 1 0 3 2: check the ways directly (way w of set 0 is entry w * 4)
        long[] tags = u.readTags();
        long asid = u.asidTag();
        long[] expected = {page(1), page(0), page(3), page(2)};
        for (int w = 0; w < 4; w++) {
            assertEquals((expected[w] >>> 12) | asid, tags[w * 4], "way " + w);
        }
    }

    @Test
    void emptyWaysAreFilledBeforeAnythingIsEvicted() {
        Sv39TranslationUnit u = unit(8, 4);                 // 2 sets of 4 ways
        for (int k = 0; k < 4; k++) {
            read(u, page(k));
        }
        u.flushPage(page(2), 1);                            // a hole in the middle of the set
        read(u, page(5));                                   // fills the hole; pages 0, 1, 3 stay
        long walks = u.statistics().walks();
        read(u, page(0));
        read(u, page(1));
        read(u, page(3));
        assertEquals(walks, u.statistics().walks());
    }

    @Test
    void fullyAssociativeHoldsAnyPagesUpToItsSize() {
        Sv39TranslationUnit u = unit(32, 32);
        assertEquals(0, u.tlbMask());
        for (int k = 0; k < 32; k++) {
            read(u, page(k));
        }
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 32; k++) {
                read(u, page(k));
            }
        }
        TlbStatistics s = u.statistics();
        assertEquals(32, s.misses(), "only the cold misses walked");
        assertEquals(32, s.walks());
        assertEquals(128, s.accesses());
        assertEquals(96, s.hits());
        // one page more than fits, in a loop: LRU thrashes completely (the classic LRU worst case)
        read(u, page(32));
        long misses = u.statistics().misses();
        for (int k = 0; k <= 32; k++) {
            read(u, page(k));
        }
        assertEquals(misses + 33, u.statistics().misses());
    }

    @Test
    void aLargeFullyAssociativeTlbWorks() {
        Sv39TranslationUnit u = new Sv39TranslationUnit(0, mem, new TlbConfig(4096, 4096, true, false));
        u.setSatp(0);                                       // Bare: identity, any page of the 16 MiB
        for (int p = 0; p < 4096; p++) {
            assertTrue(u.refill((long) p << 12, Access.READ));
        }
        assertEquals(4096, u.validEntries());
        for (int p = 0; p < 4096; p++) {
            assertTrue(u.refill((long) p << 12, Access.READ));
        }
        assertEquals(new TlbStatistics(8192, 4096, 4096, 0, 0, 4096, 0), u.statistics(),
                "the second pass finds every page in the set: each was the LRU way when asked for");
    }

    @Test
    void aPermissionMissInAnotherWayWalksAndReplacesThatEntryWithoutDuplicating() {
        pt.map(page(0), 0x400, V | R | W | U | A, KIB4);   // writable, clean
        Sv39TranslationUnit u = unit(8, 4);
        pt.map(page(0), 0x400, V | R | W | U | A, KIB4);
        read(u, page(0));                                   // read-only entry (clean page)
        read(u, page(1));                                   // page 0 is now in way 1
        assertTrue(u.refill(page(0), Access.WRITE));        // walk sets D, replaces way 1's entry
        assertEquals(page(0) >>> 12 | u.asidTag(), u.writeTags()[0]);
        assertEquals(2, u.validEntries(), "no second entry for page 0");
        assertTrue((pt.pte(page(0), 0) & D) != 0);
        assertEquals(3, u.statistics().walks());
    }

    @Test
    void statisticsAreExactOnAScriptedSequence() {
        Sv39TranslationUnit u = unit(8, 2);                 // 4 sets of 2 ways
        read(u, page(0));                                   // miss, walk
        read(u, page(0));                                   // fast hit
        read(u, page(4));                                   // miss, walk (same set 0)
        read(u, page(0));                                   // set hit
        read(u, page(8));                                   // miss, walk, evicts page 4
        read(u, page(4));                                   // miss, walk, evicts page 0
        u.refill(0x7fff_0000L, Access.READ);                // unmapped: miss, walk, fault
        u.translate(page(0), Access.READ);                  // walk
        u.flushAll();
        read(u, page(0));                                   // miss, walk
        assertEquals(new TlbStatistics(8, 6, 7, 1, 1, 1, 0), u.statistics());
        assertEquals(2, u.statistics().hits());
    }
}
