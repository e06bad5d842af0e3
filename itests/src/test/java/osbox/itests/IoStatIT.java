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
        // the block layer has the disk: a row for vda, with no I/O yet
        assertTrue(r.describe(), r.out().matches("(?s).*\nvda +0\\.00 +0\\.00 .*"));

        // a real program reading the disk through the block layer, and its head/queue picture
        Path svg = dir.resolve("io.svg");
        OsboxCommand.Result run = OsboxCommand.of("run", "--disk", hdd.toString(), "--io-svg", svg.toString(),
                "examples/programs/iogen/iogen.elf", "/dev/vda", "seqread", "bs=4K", "count=8").run();
        assertEquals(run.describe(), 0, run.status());
        assertTrue(run.describe(), run.out().contains("iogen: seqread /dev/vda: 8 ops (8 reads, 0 writes), 32768 bytes"));
        String text = Files.readString(svg);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertTrue(text, text.contains("<polyline class=\"head\" data-device=\"vda\""));
        assertTrue(text, text.contains("<polyline class=\"queue\" data-device=\"vda\""));
    }
}
