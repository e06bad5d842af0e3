package osbox.api.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiskSpecTest {

    @Test
    void aFileAloneIsAWritableHdd() {
        DiskSpec d = DiskSpec.parse("disk.img");
        assertEquals("disk.img", d.file());
        assertEquals(DiskSpec.HDD, d.model());
        assertFalse(d.readOnly());
    }

    @Test
    void modelAndReadOnlyInAnyOrder() {
        assertEquals(new DiskSpec("a.img", "ssd", true), DiskSpec.parse("a.img,ro,model=ssd"));
        assertEquals(new DiskSpec("a.img", "ssd", false), DiskSpec.parse("a.img,model=SSD,ro,rw"));
    }

    @Test
    void badSpecsSayWhy() {
        assertEquals("needs an image file; syntax " + DiskSpec.SYNTAX,
                assertThrows(IllegalArgumentException.class, () -> DiskSpec.parse(",ro")).getMessage());
        assertEquals("no such model 'tape' (known: hdd, ssd)",
                assertThrows(IllegalArgumentException.class, () -> DiskSpec.parse("a.img,model=tape")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DiskSpec.parse("a.img,fast"))
                .getMessage().startsWith("unknown item 'fast'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DiskSpec.parse("a.img,"))
                .getMessage().startsWith("empty item"));
    }

    @Test
    void thePropertyRoundTripsInOrder() {
        List<DiskSpec> disks = List.of(new DiskSpec("/a.img", "hdd", false), new DiskSpec("/b.img", "ssd", true));
        assertEquals(disks, DiskSpec.parseList(DiskSpec.toProperty(disks)));
        assertEquals("/a.img,model=hdd\n/b.img,model=ssd,ro", DiskSpec.toProperty(disks));
        assertEquals(List.of(), DiskSpec.parseList(null));
        assertEquals(List.of(), DiskSpec.parseList(" "));
    }

    @Test
    void devicesAreNamedVdaOnwards() {
        assertEquals("vda", DiskSpec.deviceName(0));
        assertEquals("vdz", DiskSpec.deviceName(25));
        assertThrows(IllegalArgumentException.class, () -> DiskSpec.deviceName(26));
    }

    @Test
    void aDiskInMemoryHasASizeInWholeSectors() {
        assertEquals(16L << 20, DiskSpec.parse("memory:16M,model=ssd").memoryBytes());
        assertEquals(-1, DiskSpec.parse("a.img").memoryBytes());
        assertEquals("memory disk size: not a size (use e.g. 4096K, 64M, 1G)",
                assertThrows(IllegalArgumentException.class, () -> DiskSpec.parse("memory:lots")).getMessage());
        assertEquals("memory disk size: must be a whole number of 512-byte sectors, at least one",
                assertThrows(IllegalArgumentException.class, () -> DiskSpec.parse("memory:100")).getMessage());
        assertEquals("memory disk size: too large (at most 1G)",
                assertThrows(IllegalArgumentException.class, () -> DiskSpec.parse("memory:2G")).getMessage());
    }
}
