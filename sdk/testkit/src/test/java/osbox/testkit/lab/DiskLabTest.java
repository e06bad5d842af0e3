package osbox.testkit.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk lab against OSTEP's {@code disk.py -c}: every expected line below
 * is what disk.py printed for the same addresses, policy and speeds (its
 * {@code -a}, {@code -p}, {@code -S}, {@code -R}).
 */
class DiskLabTest {
    /** The lab's table lines after its heading line. */
    static List<String> answers(String... args) {
        List<String> lines = LabOutput.disk(args).expectSuccess().lines().toList();
        return lines.subList(1, lines.size());
    }

    /** disk.py -a ADDRESSES -p POLICY -S SEEK -R ROTATION -c, as the lab answers it. */
    static List<String> run(String addresses, String policy, String seek, String rotation) {
        return answers("--policy", policy, "--addresses", addresses, "--seek-speed", seek, "--rotation-speed",
                rotation);
    }

    /** The reference of the issue: -a 7,30,8 -p SSTF serves 7, 8, 30; totals 80, 205, 90, 375. */
    @Test
    void sstfServes7Then8Then30() {
        assertEquals("{\"requests\":[{\"block\":7,\"seek\":0,\"rotate\":15,\"transfer\":30,\"total\":45},"
                + "{\"block\":8,\"seek\":0,\"rotate\":0,\"transfer\":30,\"total\":30},"
                + "{\"block\":30,\"seek\":80,\"rotate\":190,\"transfer\":30,\"total\":300}],"
                + "\"totals\":{\"seek\":80,\"rotate\":205,\"transfer\":90,\"total\":375}}\n",
                LabOutput.disk("--policy", "SSTF", "--addresses", "7,30,8", "--json").expectSuccess());
    }

    /** -a 7,30,8 -p FIFO. */
    @Test
    void fifoServesInOrder() {
        assertEquals(List.of(
                "Block:   7  Seek:  0  Rotate: 15  Transfer: 30  Total:  45",
                "Block:  30  Seek: 80  Rotate:220  Transfer: 30  Total: 330",
                "Block:   8  Seek: 80  Rotate:310  Transfer: 30  Total: 420",
                "TOTALS      Seek:160  Rotate:545  Transfer: 90  Total: 795"), run("7,30,8", "fifo", "1", "1"));
    }

    /** Single requests: -a 0, -a 6, -a 30 (the head starts in the middle of block 6). */
    @Test
    void singleRequestsFromTheStartingPosition() {
        assertEquals("TOTALS      Seek:  0  Rotate:165  Transfer: 30  Total: 195", run("0", "FIFO", "1", "1").get(1));
        assertEquals("TOTALS      Seek:  0  Rotate:345  Transfer: 30  Total: 375", run("6", "FIFO", "1", "1").get(1));
        assertEquals("TOTALS      Seek: 80  Rotate:265  Transfer: 30  Total: 375", run("30", "FIFO", "1", "1").get(1));
    }

    /** -a 10,11,12,13: the next block on a track transfers at once, the next track's first block does not. */
    @Test
    void sequentialBlocksSkipTheRotation() {
        assertEquals(List.of(
                "Block:  10  Seek:  0  Rotate:105  Transfer: 30  Total: 135",
                "Block:  11  Seek:  0  Rotate:  0  Transfer: 30  Total:  30",
                "Block:  12  Seek: 40  Rotate:320  Transfer: 30  Total: 390",
                "Block:  13  Seek:  0  Rotate:  0  Transfer: 30  Total:  30",
                "TOTALS      Seek: 40  Rotate:425  Transfer:120  Total: 585"), run("10,11,12,13", "FIFO", "1", "1"));
    }

    /** -a 7,30,8 -p SATF -S 2 -R 0.5. */
    @Test
    void satfAtOtherSpeeds() {
        assertEquals(List.of(
                "Block:   7  Seek:  0  Rotate: 30  Transfer: 60  Total:  90",
                "Block:   8  Seek:  0  Rotate:  0  Transfer: 60  Total:  60",
                "Block:  30  Seek: 40  Rotate:500  Transfer: 60  Total: 600",
                "TOTALS      Seek: 40  Rotate:530  Transfer:180  Total: 750"), run("7,30,8", "SATF", "2", "0.5"));
    }

    /** -a 10,11,12,13,24,1 -S 4 -R 2 under SSTF and FIFO. */
    @Test
    void sstfAgainstFifoOnSixRequests() {
        assertEquals(List.of(
                "Block:  10  Seek:  0  Rotate: 52  Transfer: 15  Total:  67",
                "Block:  11  Seek:  0  Rotate:  0  Transfer: 15  Total:  15",
                "Block:   1  Seek:  0  Rotate: 15  Transfer: 15  Total:  30",
                "Block:  12  Seek: 10  Rotate:140  Transfer: 15  Total: 165",
                "Block:  13  Seek:  0  Rotate:  0  Transfer: 15  Total:  15",
                "Block:  24  Seek: 10  Rotate:140  Transfer: 15  Total: 165",
                "TOTALS      Seek: 20  Rotate:347  Transfer: 90  Total: 457"),
                run("10,11,12,13,24,1", "SSTF", "4", "2"));
        assertEquals("TOTALS      Seek: 40  Rotate:522  Transfer: 90  Total: 652",
                run("10,11,12,13,24,1", "FIFO", "4", "2").get(6));
    }

    /**
     * -a 10,11,12,13,24,1 -p SATF -S 4 -R 2: greedy SATF takes 13 before 12
     * (30 against 165 now) and pays for it later: 652, where SSTF takes 457.
     */
    @Test
    void satfIsGreedy() {
        assertEquals(List.of(
                "Block:  10  Seek:  0  Rotate: 52  Transfer: 15  Total:  67",
                "Block:  11  Seek:  0  Rotate:  0  Transfer: 15  Total:  15",
                "Block:  13  Seek: 10  Rotate:  5  Transfer: 15  Total:  30",
                "Block:  12  Seek:  0  Rotate:150  Transfer: 15  Total: 165",
                "Block:  24  Seek: 10  Rotate:155  Transfer: 15  Total: 180",
                "Block:   1  Seek: 20  Rotate:160  Transfer: 15  Total: 195",
                "TOTALS      Seek: 40  Rotate:522  Transfer: 90  Total: 652"),
                run("10,11,12,13,24,1", "SATF", "4", "2"));
    }

    /** -a 10,11,12,13,24,1 -p SATF -S 0.5 -R 3: slow seeks, so SATF stays on a track. */
    @Test
    void satfWithSlowSeeks() {
        assertEquals(List.of(
                "Block:  10  Seek:  0  Rotate: 35  Transfer: 10  Total:  45",
                "Block:  11  Seek:  0  Rotate:  0  Transfer: 10  Total:  10",
                "Block:   1  Seek:  0  Rotate: 10  Transfer: 10  Total:  20",
                "Block:  12  Seek: 80  Rotate: 20  Transfer: 10  Total: 110",
                "Block:  13  Seek:  0  Rotate:  0  Transfer: 10  Total:  10",
                "Block:  24  Seek: 80  Rotate: 20  Transfer: 10  Total: 110",
                "TOTALS      Seek:160  Rotate: 85  Transfer: 60  Total: 305"),
                run("10,11,12,13,24,1", "SATF", "0.5", "3"));
    }

    /** -a 35,0,23,11,12,34 -p SATF -S 10 -R 6: fast seeks, so SATF goes to the inner track first. */
    @Test
    void satfWithFastSeeks() {
        assertEquals(List.of(
                "Block:  34  Seek:  8  Rotate:  9  Transfer:  5  Total:  22",
                "Block:  35  Seek:  0  Rotate:  0  Transfer:  5  Total:   5",
                "Block:  23  Seek:  4  Rotate: 51  Transfer:  5  Total:  60",
                "Block:  12  Seek:  0  Rotate:  0  Transfer:  5  Total:   5",
                "Block:  11  Seek:  4  Rotate: 46  Transfer:  5  Total:  55",
                "Block:   0  Seek:  0  Rotate:  0  Transfer:  5  Total:   5",
                "TOTALS      Seek: 16  Rotate:106  Transfer: 30  Total: 152"),
                run("35,0,23,11,12,34", "SATF", "10", "6"));
    }

    /**
     * -a 35,0,23,11,12,34 -p FIFO -S 0.1 -R 0.1: disk.py's floating-point
     * steps (the arm overshoots by one step: seeks of 801 and 401), kept.
     */
    @Test
    void fifoWithFractionalSpeedsKeepsDiskPysRounding() {
        assertEquals(List.of(
                "Block:  35  Seek:801  Rotate:549  Transfer:300  Total:1650",
                "Block:   0  Seek:801  Rotate:2799  Transfer:300  Total:3900",
                "Block:  23  Seek:401  Rotate:2599  Transfer:300  Total:3300",
                "Block:  11  Seek:401  Rotate:2899  Transfer:300  Total:3600",
                "Block:  12  Seek:401  Rotate:3199  Transfer:300  Total:3900",
                "Block:  34  Seek:400  Rotate:2300  Transfer:300  Total:3000",
                "TOTALS      Seek:3205  Rotate:14345  Transfer:1800  Total:19350"),
                run("35,0,23,11,12,34", "FIFO", "0.1", "0.1"));
    }

    /** --svg with two policies: one polyline each, the legend names them with their totals. */
    @Test
    void svgDrawsOneLinePerPolicy(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("head.svg");
        LabOutput.disk("--policy", "FIFO,SSTF", "--addresses", "7,30,8", "--svg", svg.toString()).expectSuccess();
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg "), text);
        assertEquals(2, text.split("<polyline", -1).length - 1, text);
        assertTrue(text.contains(">FIFO (total 795)<") && text.contains(">SSTF (total 375)<"), text);
    }

    /** Bad input: one line naming the problem, status 2, nothing on standard output. */
    @Test
    void badInputIsOneLineAndStatusTwo() {
        String[][] cases = {
            {"--addresses", "1"},
            {"--policy", "LIFO", "--addresses", "1"},
            {"--policy", "FIFO", "--addresses", "36"},
            {"--policy", "FIFO", "--addresses", "1,x"},
            {"--policy", "FIFO", "--addresses", "1", "--seek-speed", "3"},
            {"--policy", "FIFO", "--addresses", "1", "--seek-speed", "0"},
            {"--policy", "FIFO", "--addresses", "1", "--rotation-speed", "-1"},
            {"--policy", "FIFO,FIFO", "--addresses", "1"},
            {"--policy", "FIFO", "--addresses", "1", "--svg", "/nonexistent-dir/x.svg"},
            {"--policy", "FIFO", "--addresses", "1", "--frames", "3"},
            {"--policy"},
        };
        List<String> expected = List.of(
                "osbox lab disk: --policy NAME and --addresses LIST are required (try --help)",
                "osbox lab disk: --policy: no policy 'LIFO' (known: FIFO, SATF, SSTF)",
                "osbox lab disk: --addresses: block 36 is off the disk (0 to 35)",
                "osbox lab disk: --addresses: 'x' is not a block number (0 to 35)",
                "osbox lab disk: --seek-speed: 3 does not divide the track width (40) evenly",
                "osbox lab disk: --seek-speed: must be above 0, got 0",
                "osbox lab disk: --rotation-speed: must be above 0, got -1",
                "osbox lab disk: --policy: FIFO given twice",
                "osbox lab disk: --svg /nonexistent-dir/x.svg: No such file or directory",
                "osbox lab disk: unknown argument '--frames' (try --help)",
                "osbox lab disk: --policy needs a value");
        for (int i = 0; i < cases.length; i++) {
            LabOutput o = LabOutput.disk(cases[i]);
            assertEquals(2, o.status(), String.join(" ", cases[i]));
            assertEquals("", o.out());
            assertEquals(expected.get(i) + "\n", o.err());
        }
    }
}
