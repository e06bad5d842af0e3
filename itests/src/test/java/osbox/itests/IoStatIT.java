package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;

/**
 * The block statistics through the osbox script (issue 12, point 7): the
 * shell has io:stat, and a run writes --io-svg beside its other files.
 */
public class IoStatIT {

    @Test
    public void ioStatIsAShellCommandAndIoSvgAnOutputFile() throws Exception {
        Path dir = Files.createTempDirectory("osbox-iostat-it");
        Path hdd = Files.write(dir.resolve("hdd.img"), new byte[1 << 20]);
        OsboxCommand.Result r = OsboxCommand.of("--disk", hdd.toString()).stdin("io:stat\n").run();
        assertEquals(r.describe(), 0, r.status());
        // without the block layer's bundle it says so; with it, a row for vda (no I/O yet)
        assertTrue(r.describe(), r.out().contains("io:stat: no block layer")
                || r.out().matches("(?s).*\nvda +0\\.00 +0\\.00 .*"));

        Path svg = dir.resolve("io.svg");
        OsboxCommand.Result run = OsboxCommand.of("run", "--io-svg", svg.toString(), "examples/programs/hello.elf")
                .run();
        assertEquals(run.describe(), 0, run.status());
        String text = Files.readString(svg);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertTrue(text, text.contains("no block requests in this run"));
    }
}
