package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** io:mode over a configuration kept in a map, the launcher having said vdb=pio. */
class IoModeCommandsTest {
    private final Map<String, Object> config = new HashMap<>();
    private final IoModeCommands io = new IoModeCommands(new IoModeCommands.Store() {
        @Override
        public Map<String, Object> read() {
            return new HashMap<>(config);
        }

        @Override
        public void write(Map<String, Object> properties) {
            config.clear();
            config.putAll(properties);
        }
    }, "vdb=pio");

    @Test
    void showsAndChangesOneDevicesMode() {
        assertEquals("vda dma,interrupt,coalesce_count=1,coalesce_cycles=0,pio_cycles_per_word=400,"
                + "interrupt_cycles=2000,poll_interval=1000\n", io.modeText("vda"));
        assertTrue(io.modeText("vdb").startsWith("vdb pio,interrupt,"), "the launcher's --io-mode");
        assertEquals("io:mode: vda pio,poll,coalesce_count=1,coalesce_cycles=0,pio_cycles_per_word=400,"
                + "interrupt_cycles=2000,poll_interval=500 from its next request\n",
                io.modeText("vda", "pio", "poll,poll_interval=500"));
        assertArrayEquals(new String[] {"vda=pio,poll,coalesce_count=1,coalesce_cycles=0,pio_cycles_per_word=400,"
            + "interrupt_cycles=2000,poll_interval=500"}, (String[]) config.get("modes"));
        assertTrue(io.modeText("vdb", "dma").startsWith("io:mode: vdb dma,interrupt,"), "over the launcher's");
        String all = io.modeText();
        assertTrue(all.contains("vda") && all.contains("pio,poll") && all.contains("vdb") && all.contains("dma,"),
                all);
    }

    @Test
    void badInputIsOneLineAndChangesNothing() {
        assertEquals("io:mode: unknown driver mode 'fast' (dma, pio, interrupt, poll, or coalesce_count=N,"
                + " coalesce_cycles=N, pio_cycles_per_word=N, interrupt_cycles=N, poll_interval=N)\n",
                io.modeText("vda", "fast"));
        assertEquals("io:mode: 'VDA!' is not a device name (e.g. vda)\n", io.modeText("VDA!", "pio"));
        assertEquals(Map.of(), config);
        assertEquals("io:mode: no disks (attach one with --disk FILE)\n",
                new IoModeCommands(new IoModeCommands.Store() {
                    @Override
                    public Map<String, Object> read() {
                        return Map.of();
                    }

                    @Override
                    public void write(Map<String, Object> properties) {
                        throw new AssertionError("nothing to write");
                    }
                }, null).modeText());
    }
}
