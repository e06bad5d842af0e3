package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code osbox lab deadlock} (through LabMain, as the script runs it) on
 * Silberschatz's examples ("Operating System Concepts", 8.6.3.3 and
 * 8.7.2.1): the banker's five processes with A=10, B=5, C=7 and their
 * requests, and the detection example with A=7, B=2, C=6.
 */
class DeadlockLabTest {
    /** The banker's example: Available, Max and Allocation. */
    static final String[] BANKER = {"deadlock", "--algorithm", "banker", "--available", "3,3,2",
        "--max", "7,5,3/3,2,2/9,0,2/2,2,2/4,3,3", "--allocation", "0,1,0/2,0,0/3,0,2/2,1,1/0,0,2"};
    /** The same state after P1's request (1,0,2) was granted. */
    static final String[] AFTER_P1 = {"deadlock", "--algorithm", "banker", "--available", "2,3,0",
        "--max", "7,5,3/3,2,2/9,0,2/2,2,2/4,3,3", "--allocation", "0,1,0/3,0,2/3,0,2/2,1,1/0,0,2"};
    /** The detection example: nobody waits for what is not there. */
    static final String[] DETECT = {"deadlock", "--algorithm", "detect", "--available", "0,0,0",
        "--allocation", "0,1,0/2,0,0/3,0,3/2,1,1/0,0,2", "--requests", "0,0,0/2,0,2/0,0,0/1,0,0/0,0,2"};

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

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** The state is safe; the lab's scan (pass by pass, lowest index first) finds <P1, P3, P4, P0, P2>. */
    @Test
    void theTextbookStateIsSafe() throws Exception {
        assertEquals(0, lab(BANKER), err);
        assertTrue(out.contains("The state is SAFE: safe sequence <P1, P3, P4, P0, P2>\n"), out);
        // Need = Max - Allocation, printed beside them: P0's row, then P4's
        assertTrue(out.contains("P0  0 1 0       7 5 3       7 4 3\n"), out);
        assertTrue(out.contains("P4  0 0 2       4 3 3       4 3 1\n"), out);
        assertTrue(out.contains("  Work 3 3 2  ->  P1 goes, gives back 2 0 0\n"), out);
        assertTrue(out.contains("  Work 10 5 7  (end)\n"), out);
    }

    /** The book's own sequence <P1, P3, P4, P2, P0> is confirmed; an unsafe order is refused with the reason. */
    @Test
    void theBooksSequenceIsSafeToo() throws Exception {
        assertEquals(0, lab(with(BANKER, "--sequence", "P1,P3,P4,P2,P0")), err);
        assertTrue(out.contains("Sequence <P1, P3, P4, P2, P0> is safe too\n"), out);
        assertEquals(0, lab(with(BANKER, "--sequence", "P0,P1,P2,P3,P4")), err);
        assertTrue(out.contains("Sequence <P0, P1, P2, P3, P4> is not safe: P0 needs 7 4 3 but only 3 3 2 is free"
                + " at its turn\n"), out);
    }

    /** P1 asks for (1,0,2): granted, and the state after it is safe with <P1, P3, P4, P0, P2>, as in the book. */
    @Test
    void p1sRequestIsGranted() throws Exception {
        assertEquals(0, lab(with(BANKER, "--request", "P1:1,0,2", "--json")), err);
        assertEquals("{\"algorithm\":\"banker\",\"processes\":5,\"resources\":3,"
                + "\"need\":[[7,4,3],[1,2,2],[6,0,0],[0,1,1],[4,3,1]],\"safe\":true,"
                + "\"sequence\":[\"P1\",\"P3\",\"P4\",\"P0\",\"P2\"],"
                + "\"request\":{\"process\":\"P1\",\"counts\":[1,0,2],\"granted\":true,\"verdict\":\"granted\","
                + "\"why\":\"granted: the state after it is safe\","
                + "\"sequenceAfter\":[\"P1\",\"P3\",\"P4\",\"P0\",\"P2\"]}}\n", out);
    }

    /** Then P4's (3,3,0) cannot be granted (not available), and P0's (0,2,0) would leave the state unsafe. */
    @Test
    void theNextRequestsMustWait() throws Exception {
        assertEquals(0, lab(with(AFTER_P1, "--request", "P4:3,3,0")), err);
        assertTrue(out.contains("Request P4 (3 3 0): must wait: the resources are not available\n"), out);
        assertEquals(0, lab(with(AFTER_P1, "--request", "P0:0,2,0")), err);
        assertTrue(out.contains("Request P0 (0 2 0): must wait: granting it would leave the state unsafe\n"), out);
        assertTrue(out.contains("After granting it, Available is 2 1 0:\n"), out);
        assertTrue(out.contains("no safe sequence; P0, P1, P2, P3, P4 cannot be sure to finish\n"), out);
        assertEquals(0, lab(with(BANKER, "--request", "1:2,0,0", "--json")), err);
        assertTrue(out.contains("\"granted\":false,\"verdict\":\"exceeds_claim\""), out);
    }

    /** An unsafe state: nobody's Need fits. */
    @Test
    void anUnsafeStateHasNoSequence() throws Exception {
        assertEquals(0, lab("deadlock", "--algorithm", "banker", "--available", "1", "--max", "3/3",
                "--allocation", "1/1", "--json"), err);
        assertTrue(out.contains("\"safe\":false,\"sequence\":[]"), out);
    }

    /** Detection: no deadlock at first; once P2 asks for one more C, P1..P4 are deadlocked. */
    @Test
    void detectionFindsTheBooksDeadlock() throws Exception {
        assertEquals(0, lab(DETECT), err);
        assertTrue(out.contains("No deadlock: every process can finish\n"), out);
        String[] more = DETECT.clone();
        more[more.length - 1] = "0,0,0/2,0,2/0,0,1/1,0,0/0,0,2";
        assertEquals(0, lab(more), err);
        assertTrue(out.contains("DEADLOCK: P1, P2, P3, P4 are deadlocked\n"), out);
        assertEquals(0, lab(with(more, "--json")), err);
        assertEquals("{\"algorithm\":\"detect\",\"processes\":5,\"resources\":3,\"deadlock\":true,"
                + "\"deadlocked\":[\"P1\",\"P2\",\"P3\",\"P4\"],\"sequence\":[\"P0\"]}\n", out);
    }

    /** A process that holds nothing counts as finished, even when its request cannot be met. */
    @Test
    void detectionCountsAnIdleProcessAsFinished() throws Exception {
        assertEquals(0, lab("deadlock", "--algorithm", "detect", "--available", "0", "--allocation", "0;1",
                "--requests", "5;0"), err);
        assertTrue(out.contains("(P0 hold nothing: finished from the start)\n"), out);
        assertTrue(out.contains("No deadlock"), out);
    }

    @Test
    void helpIsStatus0() throws Exception {
        assertEquals(0, lab("deadlock", "--help"));
        assertTrue(out.startsWith("usage: lab deadlock --algorithm banker"), out);
    }

    /** Bad input: one line naming the problem, status 2. */
    @Test
    void badInputNamesTheProblem() throws Exception {
        assertEquals(2, lab("deadlock", "--algorithm", "banker", "--available", "3,3", "--max", "7,5,3",
                "--allocation", "0,1,0"));
        assertEquals("osbox lab deadlock: --allocation: row 0 has 3 counts, expected 2 (one per resource,"
                + " as --available)\n", err);
        assertEquals(2, lab(with(BANKER, "--request", "P7:1,0,2")));
        assertEquals("osbox lab deadlock: --request: no process P7 (P0 to P4)\n", err);
        assertEquals(2, lab("deadlock", "--algorithm", "ostrich"));
        assertEquals("osbox lab deadlock: --algorithm: no algorithm 'ostrich' (known: banker, detect)\n", err);
    }
}
