package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.junit.Test;

/**
 * What a program sees of the host, through the real osbox script (issue 9):
 * a closed stdout reaches it as EPIPE and SIGPIPE, so {@code osbox run}
 * ends with 141 when the reader of its pipe goes away; and the loader
 * refuses what Linux refuses with one line and status 2.
 */
public class GuestRobustnessIT {

    @Test
    public void catFromDevZeroIntoHeadEndsWithSigpipe() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of("run", "examples/programs/cat.elf")
                .stdinFile(Path.of("/dev/zero")).pipeline("| head -c 100").timeoutSeconds(60).run();
        assertEquals(r.describe(), 141, r.status());
        assertEquals(r.describe(), 100, r.out().length());
        assertFalse(r.describe(), r.err().contains("Exception"));
    }

    @Test
    public void pipelineIntoHeadDiesOfSigpipeAtItsNextWrite() throws Exception {
        // pipeline.elf prints its first line at once, then its children's counts when they are done:
        // that write finds head gone, as it would on Linux
        OsboxCommand.Result r = OsboxCommand.of("run", "examples/programs/pipeline.elf", "100000")
                .pipeline("| head -1").timeoutSeconds(120).run();
        assertEquals(r.describe(), 141, r.status());
        assertEquals(r.describe(), "pipeline: producer writes 100000 lines | consumer counts them\n", r.out());
    }

    @Test
    public void aSegmentWhoseOffsetAndAddressDisagreeIsRefusedInOneLine() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of("run", "examples/programs/bad/misaligned.elf").run();
        assertEquals(r.describe(), 2, r.status());
        assertEquals(r.describe(), "", r.out());
        assertEquals(r.describe(), 1, r.err().lines().count());
        assertTrue(r.describe(), r.err().startsWith("osbox: examples/programs/bad/misaligned.elf: segment 2: "
                + "file offset 0x2010 and address 0x12000 differ modulo the page size"));
    }
}
