package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osbox lab sched|paging} with bad arguments (LabMain, in-process,
 * as the script runs it): each is refused with exit status 2 and one line
 * on stderr, nothing on stdout, no Java exception text. BadInputIT
 * takes one through the real script.
 */
class LabBadInputTest {

    /** Bad `lab sched` arguments (after "sched"). */
    static final List<List<String>> SCHED = List.of(
            List.of(),
            List.of("--jobs", "3,1,2"),
            List.of("--policy"),
            List.of("--policy", "nope", "--jobs", "3,1,2"),
            List.of("--policy", "", "--jobs", "3,1,2"),
            List.of("--policy", "rr"),
            List.of("--policy", "rr", "--jobs"),
            List.of("--policy", "rr", "--jobs", ""),
            List.of("--policy", "rr", "--jobs", "abc"),
            List.of("--policy", "rr", "--jobs", "-1"),
            List.of("--policy", "rr", "--jobs", "1,,2"),
            List.of("--policy", "rr", "--jobs", "1:2"),
            List.of("--policy", "rr", "--jobs", "0,4,0:1,x,2"),
            List.of("--policy", "rr", "--jobs", "99999999999999999999"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "--quantum", "0"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "--quantum", "-1"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "--quantum", "x"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "--quantum"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "--arrivals", "0,1"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "--arrivals", "0,-1,2"),
            List.of("--policy", "mlfq", "--jobs", "0,4,0", "--queues", "0"),
            List.of("--policy", "mlfq", "--jobs", "0,4,0", "--allot", "x"),
            List.of("--policy", "mlfq", "--jobs", "0,4,0", "--boost", "-1"),
            List.of("--policy", "mlfq", "--jobs", "0,4,0", "--boost-reset", "maybe"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "--io-time", "-1"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "--option", "quantum"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "--option", "colour=red"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "--frobnicate"),
            List.of("--policy", "rr", "--jobs", "3,1,2", "extra"),
            // issue 9, point 11: merely too large is refused at once, with the limit
            List.of("--policy", "rr", "--jobs", "1000000000000"),
            List.of("--policy", "fifo", "--jobs", "1,1000000000000,1"));

    /** Bad `lab paging` arguments (after "paging"). */
    static final List<List<String>> PAGING = List.of(
            List.of(),
            List.of("--policy", "lru"),
            List.of("--policy", "lru", "--addresses", "1,2,3"),
            List.of("--policy", "nope", "--addresses", "1,2,3", "--frames", "3"),
            List.of("--policy", "lru", "--addresses", "", "--frames", "3"),
            List.of("--policy", "lru", "--addresses", "a,b", "--frames", "3"),
            List.of("--policy", "lru", "--addresses", "-1,2", "--frames", "3"),
            List.of("--policy", "lru", "--addresses", "1,,2", "--frames", "3"),
            List.of("--policy", "lru", "--addresses", "99999999999999999999999", "--frames", "3"),
            List.of("--policy", "lru", "--addresses", "1,2,3", "--frames", "0"),
            List.of("--policy", "lru", "--addresses", "1,2,3", "--frames", "-1"),
            List.of("--policy", "lru", "--addresses", "1,2,3", "--frames", "99999999999"),
            List.of("--policy", "lru", "--addresses", "1,2,3", "--frames", "x"),
            List.of("--policy", "lru", "--addresses", "1,2,3", "--frames"),
            List.of("--policy", "lru", "--addresses", "1,2,3", "--frames", "3", "--seed", "x"),
            List.of("--policy", "lru", "--addresses", "1,2,3", "--frames", "3", "--option", "k"),
            List.of("--policy", "lru", "--addresses", "1,2,3", "--frames", "3", "--option", "colour=red"),
            List.of("--policy", "lru", "--addresses", "1,2,3", "--frames", "3", "--frobnicate"));

    /** Bad `lab deadlock` arguments (after "deadlock"). */
    static final List<List<String>> DEADLOCK = List.of(
            List.of(),
            List.of("--algorithm"),
            List.of("--algorithm", "nope", "--available", "1", "--allocation", "0"),
            List.of("--algorithm", "banker"),
            List.of("--algorithm", "banker", "--available", "1", "--allocation", "0"),
            List.of("--algorithm", "banker", "--available", "", "--max", "1", "--allocation", "0"),
            List.of("--algorithm", "banker", "--available", "x", "--max", "1", "--allocation", "0"),
            List.of("--algorithm", "banker", "--available", "-1", "--max", "1", "--allocation", "0"),
            List.of("--algorithm", "banker", "--available", "99999999999999999999", "--max", "1", "--allocation", "0"),
            List.of("--algorithm", "banker", "--available", "1,,1", "--max", "1,1,1", "--allocation", "0,0,0"),
            List.of("--algorithm", "banker", "--available", "1", "--max", "1/1", "--allocation", "0"),
            List.of("--algorithm", "banker", "--available", "1", "--max", "1", "--allocation", "2"),
            List.of("--algorithm", "banker", "--available", "1", "--max", "1", "--allocation", "0", "--request", "P0"),
            List.of("--algorithm", "banker", "--available", "1", "--max", "1", "--allocation", "0", "--request", "Q:1"),
            List.of("--algorithm", "banker", "--available", "1", "--max", "1", "--allocation", "0", "--request", "P0:1,1"),
            List.of("--algorithm", "banker", "--available", "1", "--max", "1", "--allocation", "0", "--sequence", "P0,P0"),
            List.of("--algorithm", "banker", "--available", "1", "--max", "1", "--allocation", "0", "--requests", "0"),
            List.of("--algorithm", "detect", "--available", "1", "--allocation", "0"),
            List.of("--algorithm", "detect", "--available", "1", "--allocation", "0", "--requests", "0", "--max", "1"),
            List.of("--algorithm", "detect", "--available", "1", "--allocation", "0", "--requests", "0/0"),
            List.of("--algorithm", "detect", "--available", "1", "--allocation", "0", "--requests", "0", "--frobnicate"));

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run lab(List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = LabMain.run(args.toArray(String[]::new), o, e);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    // Exit 2, one clean line on stderr, nothing on stdout.
    private static void assertRefusedInOneLine(List<String> args) throws Exception {
        Run r = lab(args);
        String what = "lab " + String.join(" ", args) + ": status " + r.status() + ", stderr: " + r.err();
        assertEquals(2, r.status(), what);
        assertEquals("", r.out(), what);
        assertFalse(r.err().isBlank(), what);
        assertEquals(1, r.err().strip().split("\n").length, "one line: " + what);
        assertFalse(MutantRunner.JAVA_EXCEPTION.matcher(r.err()).find(), "no exception text: " + what);
    }

    private static List<String> with(String lab, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(lab);
        all.addAll(args);
        return all;
    }

    @Test
    void badSchedLabArgumentsAreOneLineAndStatus2() throws Exception {
        for (List<String> args : SCHED) {
            assertRefusedInOneLine(with("sched", args));
        }
    }

    @Test
    void badPagingLabArgumentsAreOneLineAndStatus2() throws Exception {
        for (List<String> args : PAGING) {
            assertRefusedInOneLine(with("paging", args));
        }
    }

    @Test
    void badDeadlockLabArgumentsAreOneLineAndStatus2() throws Exception {
        for (List<String> args : DEADLOCK) {
            assertRefusedInOneLine(with("deadlock", args));
        }
    }

    @Test
    void badPluginsAreOneLineAndStatus2() throws Exception {
        Path text = dir.resolve("notes.jar");
        Files.writeString(text, "not a jar");
        for (String lab : List.of("sched", "paging")) {
            assertRefusedInOneLine(List.of(lab, "--plugin"));
            assertRefusedInOneLine(List.of(lab, "--plugin", ""));
            assertRefusedInOneLine(List.of(lab, "--plugin", dir.resolve("none.jar").toString(), "--policy", "rr"));
            assertRefusedInOneLine(List.of(lab, "--plugin", dir.toString(), "--policy", "rr"));
            assertRefusedInOneLine(List.of(lab, "--plugin", text.toString(), "--policy", "rr"));
        }
    }

    @Test
    void aGoodRunStillWorks() throws Exception {
        Run r = lab(List.of("sched", "--policy", "rr", "--jobs", "3,1,2"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Average") || r.out().contains("average"), r.out());
    }

    /** Issue 9, point 12: usage errors are one line too; the full usage only under --help. */
    @Test
    void noLabAtAllIsOneLineAndStatus2() throws Exception {
        assertRefusedInOneLine(List.of());
        assertRefusedInOneLine(List.of("walk"));
    }

    /** Not a lab at all: exit 2 and no exception text (the usage may take more than one line). */
    @Test
    void anUnknownLabIsStatus2() throws Exception {
        for (List<String> args : List.of(List.<String>of(), List.of("walk"), List.of("--policy", "rr"))) {
            Run r = lab(args);
            assertEquals(2, r.status(), args + ": " + r.err());
            assertTrue(r.err().startsWith("osbox lab: "), r.err());
            assertFalse(MutantRunner.JAVA_EXCEPTION.matcher(r.err()).find(), r.err());
        }
    }
}
