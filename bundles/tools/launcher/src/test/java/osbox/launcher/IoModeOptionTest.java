package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.launcher.CommandLine.Mode;

/** --io-mode DEV=MODE: checked with the driver's parser, joined, passed as osbox.block.driver.modes. */
class IoModeOptionTest {
    @TempDir
    Path dir;

    @Test
    void modesAreCheckedJoinedAndKept() {
        CommandLine line = CommandLine.parse(new String[] {"run", "--io-mode", "vda=pio,poll", "--io-mode",
            "vdb=dma,coalesce_count=4,coalesce_cycles=20000", "p.elf", "--io-mode", "x"});
        assertEquals(Mode.RUN, line.mode());
        assertEquals("vda=pio,poll;vdb=dma,coalesce_count=4,coalesce_cycles=20000", line.machine().ioModes());
        assertEquals(List.of("--io-mode", "x"), line.arguments(), "the program's own");
        assertEquals("vda=irq", CommandLine.parse(new String[] {"--io-mode", "vda=irq"}).machine().ioModes(),
                "the shell too");
        assertNull(CommandLine.parse(new String[] {"run", "p.elf"}).machine().ioModes());
    }

    @Test
    void badModesAreOneLine() {
        assertEquals("--io-mode needs DEV=MODE[,MODE...], e.g. vda=pio,poll",
                CommandLine.parse(new String[] {"run", "--io-mode"}).error());
        assertEquals("--io-mode vda=fast: unknown driver mode 'fast' (dma, pio, interrupt, poll, or"
                + " coalesce_count=N, coalesce_cycles=N, pio_cycles_per_word=N, interrupt_cycles=N, poll_interval=N)",
                CommandLine.parse(new String[] {"run", "--io-mode", "vda=fast", "p.elf"}).error());
        assertEquals("--io-mode pio: bad device mode 'pio' (DEV=MODE[,MODE...], e.g. vda=pio,poll)",
                CommandLine.parse(new String[] {"run", "--io-mode", "pio", "p.elf"}).error());
        assertEquals("--io-mode vda=poll,poll_interval=0: driver setting poll_interval must be 1..100000000, not 0",
                CommandLine.parse(new String[] {"run", "--io-mode", "vda=poll,poll_interval=0", "p.elf"}).error());
        assertTrue(CommandLine.parse(new String[] {"run", "--io-mode", "vda=pio;vdb=dma", "p.elf"}).error()
                .contains("one device an option"));
    }

    @Test
    void thePreflightPassesThemAsAFrameworkProperty() throws IOException {
        Files.writeString(dir.resolve("p.elf"), "ELF");
        Preflight.Launch l = Preflight.check(new String[] {"run", "--io-mode", "vda=pio", "p.elf"}, dir, Map.of(),
                () -> 1L << 34);
        assertNull(l.error());
        assertTrue(l.jvmArguments().contains("-Dosbox.block.driver.modes=vda=pio"), l.jvmArguments().toString());
    }
}
