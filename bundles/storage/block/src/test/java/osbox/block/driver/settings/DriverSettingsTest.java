package osbox.block.driver.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.block.driver.settings.DriverSettings.Completion;
import osbox.block.driver.settings.DriverSettings.Transfer;

class DriverSettingsTest {
    @Test
    void wordsAndNumbersOverTheDefaults() {
        DriverSettings s = DriverSettings.parse("pio, poll,poll_interval=250");
        assertEquals(Transfer.PIO, s.transfer());
        assertEquals(Completion.POLL, s.completion());
        assertEquals(250, s.pollInterval());
        assertEquals(DriverSettings.DEFAULT_PIO_CYCLES_PER_WORD, s.pioCyclesPerWord());
        assertEquals(s, DriverSettings.parse(s.text()), "the text form round-trips");
        DriverSettings c = DriverSettings.parse("irq,coalesce_count=8,coalesce_cycles=20000");
        assertTrue(c.coalescing());
        assertEquals(Transfer.DMA, c.transfer());
    }

    @Test
    void badTextGetsOneLineNamingWhatIsValid() {
        assertEquals("unknown driver mode 'fast' (dma, pio, interrupt, poll, or coalesce_count=N, coalesce_cycles=N,"
                + " pio_cycles_per_word=N, interrupt_cycles=N, poll_interval=N)",
                assertThrows(IllegalArgumentException.class, () -> DriverSettings.parse("dma,fast")).getMessage());
        assertEquals("driver setting poll_interval must be 1..100000000, not 0",
                assertThrows(IllegalArgumentException.class, () -> DriverSettings.parse("poll_interval=0"))
                        .getMessage());
        assertEquals("driver setting coalesce_count must be a number, not 'many'",
                assertThrows(IllegalArgumentException.class, () -> DriverSettings.parse("coalesce_count=many"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DriverSettings.parse("coalesce_count=4"))
                .getMessage().contains("needs coalesce_cycles above 0"));
        assertThrows(IllegalArgumentException.class, () -> DriverSettings.parse(" "));
    }

    @Test
    void propertiesGiveTheDefaultsThenTheLauncherThenTheDevicesEntry() {
        Map<String, Object> p = Map.of(DriverSettings.DEFAULTS, "pio", DriverSettings.MODES,
                new String[] {"vda=poll", "vdb=dma,interrupt_cycles=5000"},
                DriverSettings.LAUNCH_PROPERTY, "vdb=poll");
        DriverSettings vda = DriverSettings.fromProperties(p, "vda");
        assertEquals(Transfer.PIO, vda.transfer());
        assertEquals(Completion.POLL, vda.completion());
        DriverSettings vdb = DriverSettings.fromProperties(p, "vdb");
        assertEquals(Transfer.DMA, vdb.transfer());
        assertEquals(5000, vdb.interruptCycles());
        assertEquals(Completion.POLL, vdb.completion(), "from the launcher");
        DriverSettings vdc = DriverSettings.fromProperties(Map.of(DriverSettings.LAUNCH_PROPERTY, "vdc=pio",
                DriverSettings.MODES, new String[] {"vdc=dma"}), "vdc");
        assertEquals(Transfer.DMA, vdc.transfer(), "io:mode at run time wins over --io-mode");
        assertEquals(DriverSettings.DEFAULT, DriverSettings.fromProperties(Map.of(), "vdc"));
    }

    @Test
    void deviceListsAreCheckedWhole() {
        assertEquals(Map.of("vda", "pio,poll", "vdb", "dma"), DriverSettings.deviceModes("vda=pio,poll; vdb=dma"));
        assertEquals("bad device mode 'pio' (DEV=MODE[,MODE...], e.g. vda=pio,poll)",
                assertThrows(IllegalArgumentException.class, () -> DriverSettings.deviceModes("pio")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DriverSettings.deviceModes("vda=sideways"));
    }
}
