package osbox.api.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one size parser: every form, every error (the script, the launcher, memory and swap use it). */
class MemorySizeTest {

    @Test
    void readsEveryForm() {
        assertEquals(0, MemorySize.parse("0", Long.MAX_VALUE));
        assertEquals(4096, MemorySize.parse("4096", Long.MAX_VALUE));
        assertEquals(4096, MemorySize.parse("0004096", Long.MAX_VALUE));
        assertEquals(4096 << 10, MemorySize.parse("4096K", Long.MAX_VALUE));
        assertEquals(64L << 20, MemorySize.parse("64M", Long.MAX_VALUE));
        assertEquals(1L << 30, MemorySize.parse(" 1g ", Long.MAX_VALUE));
        assertEquals(2L << 40, MemorySize.parse("2T", Long.MAX_VALUE));
        assertEquals(512L << 10, MemorySize.parse("512KiB", Long.MAX_VALUE));
        assertEquals(64L << 20, MemorySize.parse("64MB", Long.MAX_VALUE));
        assertEquals(64L << 20, MemorySize.parse("64mib", Long.MAX_VALUE));
        assertEquals(4L << 40, MemorySize.parse("4TiB", MemorySize.MAX_MACHINE));
    }

    @Test
    void refusesWhatIsNotASize() {
        for (String bad : new String[] {"12X", "-1", "M", "", " ", "64 M", "1.5G", "64B", "64iB", "iB", "0x10", "+64"}) {
            assertEquals("not a size (use e.g. 4096K, 64M, 1G)", message(() -> MemorySize.parse(bad, Long.MAX_VALUE)),
                    bad);
        }
        assertEquals("not a size (use e.g. 4096K, 64M, 1G)", message(() -> MemorySize.parse(null, Long.MAX_VALUE)));
    }

    @Test
    void theMachineLimitIs4T() {
        assertEquals(4L << 40, MemorySize.machine("4T", false));
        assertEquals(4L << 40, MemorySize.machine("4096G", true));
        assertEquals("too large (at most 4T)", message(() -> MemorySize.machine("5T", false)));
        assertEquals("too large (at most 4T)", message(() -> MemorySize.machine("4097G", false)));
        assertEquals("too large (at most 4T)", message(() -> MemorySize.machine("4398046515200", true)));
        assertEquals("too large (at most 4T)", message(() -> MemorySize.machine("99999999999999999999", false)));
        assertEquals("too large (at most 9223372036854775807)",
                message(() -> MemorySize.parse("8388608T", Long.MAX_VALUE)));
    }

    @Test
    void memoryAndSwapAreWholePagesAndMemoryIsNotEmpty() {
        assertEquals(8192, MemorySize.machine("8192", true));
        assertEquals(0, MemorySize.machine("0", true));
        assertEquals(0, MemorySize.machine("0M", true));
        assertEquals("must be more than 0 (use e.g. 4096K, 64M, 1G)", message(() -> MemorySize.machine("0", false)));
        assertEquals("not a whole number of 4 KiB pages (use e.g. 0, 4096K, 64M, 1G)",
                message(() -> MemorySize.machine("1000", true)));
        assertEquals("not a whole number of 4 KiB pages (use e.g. 4096K, 64M, 1G)",
                message(() -> MemorySize.machine("1K", false)));
        assertEquals("not a size (use e.g. 0, 4096K, 64M, 1G)", message(() -> MemorySize.machine("none", true)));
    }

    @Test
    void formatsInTheLargestUnit() {
        assertEquals("4T", MemorySize.format(4L << 40));
        assertEquals("1536M", MemorySize.format(1536L << 20));
        assertEquals("4K", MemorySize.format(4096));
        assertEquals("1000", MemorySize.format(1000));
        assertEquals("0", MemorySize.format(0));
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
