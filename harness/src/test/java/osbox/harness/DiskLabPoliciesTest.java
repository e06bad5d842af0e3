package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osbox lab disk} with the shipped I/O schedulers (found as the
 * script finds them, through LabMain). The textbook case: Silberschatz,
 * Galvin and Gagne, "Operating System Concepts" (10th ed., 11.2, HDD
 * scheduling): cylinders 98, 183, 37, 122, 14, 124, 65, 67 on a disk of 200
 * cylinders (0 to 199), the head at 53. The book gives FCFS 640 and SSTF
 * 236 cylinders; the others are counted by hand below, every movement
 * counted, the circular policies' return jump included (books that leave
 * the jump out get C-SCAN 183 and C-LOOK 153).
 */
class DiskLabPoliciesTest {
    static final String QUEUE = "98,183,37,122,14,124,65,67";

    private String out;
    private String err;

    private int lab(String... args) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
                PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            status = LabMain.run(args, po, pe);
        }
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    /** The total head movement of one policy on the textbook queue, with extra arguments (--option ...). */
    private long movement(String policy, String... extra) throws Exception {
        String[] args = new String[9 + extra.length];
        String[] base = {"disk", "--policy", policy, "--addresses", QUEUE, "--cylinders", "200", "--head", "53"};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        assertEquals(0, lab(args), err);
        String last = out.lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("TOTAL head movement: "), out);
        return Long.parseLong(last.replaceAll("[^0-9]", ""));
    }

    /**
     * FCFS 640 (45+85+146+85+108+110+59+2), SSTF 236 (12+2+30+23+84+24+2+59):
     * the book's numbers.
     */
    @Test
    void fcfsAndSstfMoveAsTheBookSays() throws Exception {
        assertEquals(640, movement("noop"));
        assertEquals(236, movement("sstf"));
    }

    /**
     * SCAN towards 0 first, as the book draws it: 37, 14, on to 0, then 65
     * to 183: 53 + 183 = 236. Upwards first: to 199 and back to 14:
     * 146 + 185 = 331.
     */
    @Test
    void scanGoesToTheEdgeBeforeTurning() throws Exception {
        assertEquals(236, movement("scan", "--option", "direction=down"));
        assertEquals(List.of(
                "policy scan direction=down, 200 cylinders, head at 53",
                "Cylinder:   37  Move:   16",
                "Cylinder:   14  Move:   23",
                "Cylinder:   65  Move:   79  (via 0)",
                "Cylinder:   67  Move:    2",
                "Cylinder:   98  Move:   31",
                "Cylinder:  122  Move:   24",
                "Cylinder:  124  Move:    2",
                "Cylinder:  183  Move:   59",
                "TOTAL head movement: 236 cylinders"), out.lines().toList());
        assertEquals(331, movement("scan"));
    }

    /**
     * C-SCAN (up): 65 ... 183 (130), on to 199, back to 0, up to 14
     * (16 + 199 + 14), then 37 (23): 382. LOOK turns at 183: up first
     * 130 + 169 = 299, down first 39 + 169 = 208. C-LOOK jumps from 183 back
     * to 14, then 37: 130 + 169 + 23 = 322.
     */
    @Test
    void circularAndLookVariants() throws Exception {
        assertEquals(382, movement("cscan"));
        assertEquals(299, movement("look"));
        assertEquals(208, movement("look", "--option", "direction=down"));
        assertEquals(322, movement("clook"));
    }

    /** Several policies: JSON per policy, each with its options shown. */
    @Test
    void severalPoliciesAsJson() throws Exception {
        assertEquals(0, lab("disk", "--policy", "noop,look", "--addresses", "30,10,20", "--cylinders", "50",
                "--head", "25", "--option", "direction=down", "--json"), err);
        assertEquals("{\"policies\":[{\"policy\":\"noop\",\"requests\":[{\"cylinder\":30,\"move\":5},"
                + "{\"cylinder\":10,\"move\":20},{\"cylinder\":20,\"move\":10}],\"movement\":35},"
                + "{\"policy\":\"look direction=down\",\"requests\":[{\"cylinder\":20,\"move\":5},"
                + "{\"cylinder\":10,\"move\":10},{\"cylinder\":30,\"move\":20}],\"movement\":35}]}\n", out);
    }

    /**
     * On disk.py's disk, osbox's scan from block 6 serves 7, 8, 30: the
     * order disk.py's SSTF takes (the reference), so the same
     * times, total 375.
     */
    @Test
    void anOsboxPolicyOnDiskPysDisk() throws Exception {
        assertEquals(0, lab("disk", "--policy", "scan", "--addresses", "7,30,8", "--json"), err);
        assertEquals("{\"requests\":[{\"block\":7,\"seek\":0,\"rotate\":15,\"transfer\":30,\"total\":45},"
                + "{\"block\":8,\"seek\":0,\"rotate\":0,\"transfer\":30,\"total\":30},"
                + "{\"block\":30,\"seek\":80,\"rotate\":190,\"transfer\":30,\"total\":300}],"
                + "\"totals\":{\"seek\":80,\"rotate\":205,\"transfer\":90,\"total\":375}}\n", out);
    }

    /**
     * SCAN's edge on disk.py's disk: after block 12 (track 1) nothing lies
     * above, so the arm goes on to block 35's track (40) and back to track 0
     * (80) for block 2: a seek of 120, where LOOK turns at once (40).
     */
    @Test
    void scanSeeksThroughTheEdgeOnDiskPysDisk() throws Exception {
        assertEquals(0, lab("disk", "--policy", "scan,look", "--addresses", "12,2"), err);
        List<String> lines = out.lines().toList();
        assertEquals("Block:  12  Seek: 40", lines.get(1).substring(0, 20), out);
        assertEquals("Block:   2  Seek:120", lines.get(2).substring(0, 20), out);
        assertEquals("Block:   2  Seek: 40", lines.get(7).substring(0, 20), out);
    }

    /** --svg: one line per policy, the legend with each policy's movement. */
    @Test
    void svgOfTheTextbookQueue(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("elevator.svg");
        assertEquals(0, lab("disk", "--policy", "noop,sstf,scan,cscan,look,clook", "--addresses", QUEUE,
                "--cylinders", "200", "--head", "53", "--svg", svg.toString()), err);
        String text = Files.readString(svg);
        assertEquals(6, text.split("<polyline", -1).length - 1, text);
        assertTrue(text.contains(">noop (640 cylinders)<") && text.contains(">cscan (382 cylinders)<"), text);
    }

    /** Bad input names the problem in one line with status 2. */
    @Test
    void badChoices() throws Exception {
        assertEquals(2, lab("disk", "--policy", "SATF", "--addresses", "1", "--cylinders", "10"));
        assertEquals("osbox lab disk: --policy: SATF is disk.py's, which needs its disk; with --cylinders use an"
                + " osbox policy (bfq, clook, cscan, deadline, look, noop, scan, sstf)\n", err);
        assertEquals(2, lab("disk", "--policy", "noop", "--addresses", "1", "--option", "direction=up"));
        assertEquals("osbox lab disk: --option: no policy given takes 'direction'\n", err);
        assertEquals(2, lab("disk", "--policy", "scan", "--addresses", "1", "--option", "direction=sideways"));
        assertEquals("osbox lab disk: scan: option 'direction' must be up or down, got 'sideways'\n", err);
        assertEquals(2, lab("disk", "--policy", "elevator", "--addresses", "1"));
        assertEquals("osbox lab disk: --policy: no policy 'elevator' (known: FIFO, SATF, SSTF; osbox: bfq, clook,"
                + " cscan, deadline, look, noop, scan, sstf)\n", err);
        assertEquals(2, lab("disk", "--policy", "noop", "--addresses", "10", "--cylinders", "10"));
        assertEquals("osbox lab disk: --addresses: cylinder 10 is off the disk (0 to 9)\n", err);
        assertEquals(2, lab("disk", "--policy", "noop", "--addresses", "1", "--head", "3"));
        assertEquals("osbox lab disk: --head needs --cylinders (disk.py's head starts in block 6)\n", err);
    }
}
