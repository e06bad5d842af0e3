package osbox.hw.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

/** The launcher's --harts (framework property osbox.harts) against the configured number of harts. */
class HartCountTest {
    // A configuration with {@code harts} and every other value at its default.
    private static MachineComponent.Config config(int harts) {
        return new MachineComponent.Config() {
            @Override public Class<? extends Annotation> annotationType() { return MachineComponent.Config.class; }
            @Override public int harts() { return harts; }
            @Override public long frequency_mhz() { return 1000; }
            @Override public long slice_cycles() { return 100_000; }
            @Override public long trap_cycles() { return 100; }
            @Override public int trace_capacity() { return 1000; }
        };
    }

    @Test
    void thePropertyWinsOverTheConfigurationWhenSet() {
        assertEquals(3, MachineComponent.hartCount(config(3), null));
        assertEquals(3, MachineComponent.hartCount(config(3), " "));
        assertEquals(2, MachineComponent.hartCount(config(3), "2"));
        assertEquals(64, MachineComponent.hartCount(config(1), " 64 "));
    }

    @Test
    void aBadPropertyIsOneLineNamingIt() {
        for (String bad : new String[] {"0", "65", "two", "2.5"}) {
            assertEquals("osbox.harts " + bad + ": not a number of harts (1..64)",
                    assertThrows(IllegalArgumentException.class,
                            () -> MachineComponent.hartCount(config(1), bad)).getMessage());
        }
    }
}
