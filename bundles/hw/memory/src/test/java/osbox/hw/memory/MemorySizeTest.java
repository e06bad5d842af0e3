package osbox.hw.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The framework property osbox.mem: sizes with suffixes. */
class MemorySizeTest {
    @Test
    void suffixesArePowersOf1024() {
        assertEquals(64L << 20, PhysicalMemoryComponent.parseSize("64M"));
        assertEquals(1L << 30, PhysicalMemoryComponent.parseSize("1g"));
        assertEquals(512L << 10, PhysicalMemoryComponent.parseSize("512KiB"));
        assertEquals(2L << 20, PhysicalMemoryComponent.parseSize(" 2MB "));
        assertEquals(1 << 20, PhysicalMemoryComponent.parseSize("1048576"));
    }

    @Test
    void nonsenseIsRefusedWithTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhysicalMemoryComponent.parseSize("lots"));
        assertEquals(true, e.getMessage().contains("lots"));
        assertThrows(IllegalArgumentException.class, () -> PhysicalMemoryComponent.parseSize("0"));
        assertThrows(IllegalArgumentException.class, () -> PhysicalMemoryComponent.parseSize("-4M"));
    }
}
