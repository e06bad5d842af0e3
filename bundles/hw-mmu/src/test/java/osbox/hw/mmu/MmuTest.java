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
        return new MmuComponent.Config() {
            @Override
            public int tlb_entries() {
                return entries;
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
        assertEquals("Sv39, 128-entry direct-mapped TLB, 11-bit ASIDs", mmu.describe());
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
        assertEquals("Sv39, 256-entry direct-mapped TLB, 11-bit ASIDs", c.describe());
        assertEquals(255, c.createUnit(2, mem).tlbMask());
        assertEquals(2, c.createUnit(2, mem).hartId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MmuComponent(config(300)));
        assertEquals("TLB entries must be a power of two between 1 and 65536: 300", e.getMessage());
    }
}
