package osbox.hw.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The framework property osbox.mem, read by the API's MemorySize, and the configured size. */
class MemorySizeTest {
    @Test
    void thePropertyWinsAndTakesEverySizeUpTo4T() {
        assertEquals(64L << 20, PhysicalMemoryComponent.bytes("64M", 256));
        assertEquals(512L << 10, PhysicalMemoryComponent.bytes("512KiB", 256));
        assertEquals(4L << 40, PhysicalMemoryComponent.bytes(" 4T ", 256));
        assertEquals(256L << 20, PhysicalMemoryComponent.bytes(null, 256));
        assertEquals(16L << 20, PhysicalMemoryComponent.bytes(" ", 16));
    }

    @Test
    void aBadSizeIsOneLineNamingTheProperty() {
        assertEquals("osbox.mem lots: not a size (use e.g. 4096K, 64M, 1G)", message("lots", 256));
        assertEquals("osbox.mem 0: must be more than 0 (use e.g. 4096K, 64M, 1G)", message("0", 256));
        assertEquals("osbox.mem 5T: too large (at most 4T)", message("5T", 256));
        assertEquals("osbox.hw.memory size.mib 0: must be 1 to 4194304", message(null, 0));
    }

    private static String message(String property, int sizeMib) {
        return assertThrows(IllegalArgumentException.class, () -> PhysicalMemoryComponent.bytes(property, sizeMib))
                .getMessage();
    }
}
