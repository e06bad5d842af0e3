package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The block layer's I/O-scheduler slot through the osbox script (issue 12):
 * {@code --io-sched sstf} with a disk makes SSTF the active scheduler, as
 * {@code io:list} shows, and {@code io:use} swaps it; an unknown name stops
 * osbox with one line naming the known ones and status 2.
 */
public class BlockLayerIT {

    @Test
    public void ioSchedChoosesTheSchedulerAndIoListShowsIt() throws Exception {
        Path dir = Files.createTempDirectory("osbox-block-it");
        Path disk = Files.write(dir.resolve("disk.img"), new byte[1 << 20]);
        OsboxCommand.Result r = OsboxCommand.of("--disk", disk.toString(), "--io-sched", "sstf")
                .stdin("io:list\nio:use deadline read-expire=100\nio:list\n").run();
        assertEquals(r.describe(), 0, r.status());
        String[] parts = r.out().split("I/O scheduler deadline active\n", 2);
        assertEquals(r.describe(), 2, parts.length);
        assertTrue(r.describe(), parts[0].matches("(?s).*\nsstf +\\* .*"));
        assertTrue(r.describe(), parts[0].contains("builtin  "));
        assertTrue(r.describe(), parts[0].contains("ejections: none\n"));
        assertTrue(r.describe(), parts[1].matches("(?s).*\ndeadline +\\* .*read-expire=100.*"));
        assertTrue(r.describe(), parts[1].matches("(?s).*\nswaps: [0-9]+\n.*"));

        OsboxCommand.Result unknown = OsboxCommand.of("--disk", disk.toString(), "--io-sched", "cfq").stdin("").run();
        assertEquals(unknown.describe(), 2, unknown.status());
        assertTrue(unknown.describe(), unknown.err().matches(
                "osbox: --io-sched cfq: no such I/O scheduler \\(available: builtin, .*sstf.*\\)\n"));
    }
}
