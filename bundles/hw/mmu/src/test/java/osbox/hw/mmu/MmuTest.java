package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;
import osbox.api.hw.TranslationUnit;
import osbox.hw.memory.FrameStore;

class MmuTest {
    private final FrameStore mem = new FrameStore(1 << 20);

    private static MmuComponent.Config config(int entries) {
        return config(entries, 1, true, "hardware");
    }

    static MmuComponent.Config config(int entries, int ways, boolean asids, String refill) {
        return new MmuComponent.Config() {
            @Override
            public int tlb_entries() {
                return entries;
            }

            @Override
            public int tlb_ways() {
                return ways;
            }

            @Override
            public boolean tlb_asids() {
                return asids;
            }

            @Override
            public String tlb_refill() {
                return refill;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MmuComponent.Config.class;
            }
        };
    }

    @Test
    void makesOneUnitPerHartOfTheConfiguredSize() {
        Sv39Mmu mmu = new Sv39Mmu(128);
        TranslationUnit a = mmu.createUnit(0, mem);
        TranslationUnit b = mmu.createUnit(1, mem);
        assertInstanceOf(Sv39TranslationUnit.class, a);
        assertNotSame(a.readTags(), b.readTags());
        assertEquals(127, a.tlbMask());
        assertEquals(128, a.readTags().length);
        assertEquals(1, b.hartId());
        assertEquals("Sv39, TLB 128 entries direct-mapped, ASIDs", mmu.describe());
    }

    @Test
    void acceptsPowersOfTwoFromOneTo65536Only() {
        assertEquals(0, new Sv39Mmu(1).createUnit(0, mem).tlbMask());
        assertEquals(65535, new Sv39Mmu(65536).createUnit(0, mem).tlbMask());
        for (int bad : new int[] {0, -1, 3, 100, 131072, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> new Sv39Mmu(bad), "size " + bad);
            assertThrows(IllegalArgumentException.class, () -> new Sv39TranslationUnit(0, mem, bad), "size " + bad);
        }
    }

    @Test
    void componentDelegatesAndValidatesItsConfiguration() {
        MmuComponent c = new MmuComponent(config(256));
        assertEquals("Sv39, TLB 256 entries direct-mapped, ASIDs", c.describe());
        assertEquals(255, c.createUnit(2, mem).tlbMask());
        assertEquals(2, c.createUnit(2, mem).hartId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MmuComponent(config(300)));
        assertEquals("osbox.hw.mmu: entries must be a power of two from 1 to 65536, not 300", e.getMessage());
    }

    @Test
    void componentTakesWaysAsidsAndRefillFromConfigAndTheFrameworkPropertyWins() {
        MmuComponent c = new MmuComponent(config(64, 4, false, "software"));
        assertEquals(new TlbConfig(64, 4, false, true), c.config());
        assertEquals("software-managed TLB 64 entries 4-way LRU, flush on switch, misses trap", c.describe());
        TranslationUnit u = c.createUnit(0, mem);
        assertEquals(15, u.tlbMask());
        assertEquals(4, u.tlbWays());
        assertEquals(64, u.readTags().length);
        assertEquals(false, u.asids());
        assertEquals(true, u.softwareManaged());

        MmuComponent p = new MmuComponent(config(64, 4, false, "software"), "16x16,refill=hardware");
        assertEquals(new TlbConfig(16, 16, false, false), p.config());
        assertEquals("Sv39, TLB 16 entries fully associative LRU, flush on switch", p.describe());
        assertEquals(new TlbConfig(64, 4, false, true),
                new MmuComponent(config(64, 4, false, "software"), "  ").config(), "blank property: config only");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MmuComponent(config(64, 1, true, "magic")));
        assertEquals("osbox.hw.mmu: refill must be hardware or software, not 'magic'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MmuComponent(config(64, 128, true, "hardware")));
        assertEquals("osbox.hw.mmu: more ways (128) than entries (64); ways=64 or full is fully associative", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MmuComponent(config(64, 1, true, "hw"), "64x3"));
        assertEquals("osbox.tlb 64x3: ways must be a power of two (1 = direct-mapped), not 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MmuComponent(config(64, 1, true, "hw"), "64x4,"));
        assertEquals(true, e.getMessage().startsWith("osbox.tlb 64x4,: empty item"), e.getMessage());
    }

    @Test
    void sv39MmuTakesAConfigAndKeepsTheSizeConstructor() {
        assertEquals(TlbConfig.directMapped(32), new Sv39Mmu(32).config());
        Sv39Mmu m = new Sv39Mmu(new TlbConfig(64, 64, true, false));
        assertEquals("Sv39, TLB 64 entries fully associative LRU, ASIDs", m.describe());
        TranslationUnit u = m.createUnit(0, mem);
        assertEquals(0, u.tlbMask(), "fully associative: one set, the fast path checks entry 0");
        assertEquals(64, u.tlbWays());
        assertThrows(IllegalStateException.class, () -> u.install(0x1000, 0, 5, true, false, false),
                "install needs a software-managed TLB");
    }
}
