package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The framework JVM's heap, from --mem and --swap, unless the user chose one. */
class HeapSizeTest {

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    private static String heap(Map<String, String> env, long host, long defaultHeap, String... args) {
        return HeapSize.option(CommandLine.parse(args), env, () -> host, defaultHeap);
    }

    @Test
    void theDefaultMachineKeepsTheJvmsDefault() {
        assertNull(heap(Map.of(), 16 * GIB, 4 * GIB, "run", "p.elf"), "256M fits a 4G default");
    }

    @Test
    void aLargerMachineGetsBasePlusNineEighthsOfMemoryAndSwap() {
        // 256M + 9/8 * (2G + 1G) = 256M + 3456M
        assertEquals("-Xmx3712m", heap(Map.of(), 16 * GIB, 512 * MIB, "run", "--mem", "2G", "--swap", "1G", "p.elf"));
        assertEquals("-Xmx" + (256 + 1152) + "m", heap(Map.of(), 16 * GIB, 256 * MIB, "--mem", "1G"), "the shell too");
    }

    @Test
    void neverMoreThanThreeQuartersOfTheHost() {
        assertEquals("-Xmx12288m", heap(Map.of(), 16 * GIB, 4 * GIB, "run", "--mem", "4T", "p.elf"));
        assertEquals("-Xmx" + ((256 + (4L << 20) * 9 / 8)) + "m", heap(Map.of(), 0, 4 * GIB, "--mem", "4T"),
                "host unknown: no bound");
    }

    @Test
    void aHeapTheUserChoseWins() {
        for (String env : HeapSize.ENVIRONMENT) {
            assertNull(heap(Map.of(env, "-Dx=y -Xmx64m"), 16 * GIB, 256 * MIB, "run", "--mem", "8G", "p.elf"), env);
        }
        assertNull(heap(Map.of("JAVA_TOOL_OPTIONS", "-XX:MaxHeapSize=1g"), 16 * GIB, 256 * MIB, "--mem", "8G"));
        assertNull(heap(Map.of("OSBOX_JAVA_OPTS", "-XX:MaxRAMPercentage=50"), 16 * GIB, 256 * MIB, "--mem", "8G"));
        assertEquals("-Xmx9472m", heap(Map.of("OSBOX_JAVA_OPTS", "-Xss4m"), 16 * GIB, 256 * MIB, "--mem", "8G"));
    }
}
