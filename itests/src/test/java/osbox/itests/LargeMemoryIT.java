package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * Physical memory and swap cost host memory only for the frames and slots a
 * run uses: {@code ./osbox run} with a terabyte of memory and the largest
 * swap (4T, 2^30 slots) runs hello on a 256 MiB heap, through the osbox
 * script and the real distribution. Skipped when osbox is not built.
 */
public class LargeMemoryIT {

    @Test
    public void aTerabyteOfMemoryAndFourOfSwapRunHelloOnASmallHeap() throws Exception {
        // 1024G, not 1T: the memory component accepts M and G sizes only until one parser serves all
        OsboxCommand.Result r = OsboxCommand.of("run", "--mem", "1024G", "--swap", "4T", "examples/programs/hello.elf")
                .env("OSBOX_JAVA_OPTS", "-Xmx256m").timeoutSeconds(120).run();
        assertEquals(r.describe(), 0, r.status());
        assertTrue(r.describe(), r.out().contains("Hello from osbox!"));
        assertEquals(r.describe(), "", r.err());
    }
}
