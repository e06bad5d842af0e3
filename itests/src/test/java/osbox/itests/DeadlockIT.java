package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The deadlock detector through the osbox script (issue 11, point 3):
 * examples/programs/deadlock/pipes.elf, two processes each reading the pipe
 * the other should write, under {@code run --deadlock report} (the run
 * report names the cycle) and in a shell session that swaps the policy to
 * break and lists what ipc:deadlocks found.
 */
public class DeadlockIT {
    private static final String PROGRAM = "examples/programs/deadlock/pipes.elf";

    @Test
    public void aRunReportsTheCycle() throws Exception {
        Path report = Files.createTempFile("osbox-deadlock", ".json");
        try {
            OsboxCommand.Result r = OsboxCommand.of("run", "--deadlock", "report", "--report", report.toString(),
                    PROGRAM).run();
            assertEquals(r.describe(), 0, r.status());
            assertTrue(r.describe(), r.out().startsWith("A: read from B: Interrupted system call\n"));
            String json = Files.readString(report, StandardCharsets.UTF_8);
            assertTrue(json, json.matches("(?s).*\"deadlocks\": \\[\\s*\\{\\s*\"at\": \\d+,\\s*\"pid\": 2,\\s*"
                    + "\"text\": \"deadlock 1: pid 2 \\(pipes.elf\\) waits for pipe:\\[1\\] \\(data, from its writers\\),"
                    + " held by pid 1 \\(pipes.elf\\); pid 1 \\(pipes.elf\\) waits for pipe:\\[2\\] \\(data, from its"
                    + " writers\\), held by pid 2 \\(pipes.elf\\) \\(reported\\)\".*"));
        } finally {
            Files.deleteIfExists(report);
        }
    }

    @Test
    public void theShellSwapsThePolicyAndListsTheDeadlocks() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of().stdin(String.join("\n",
                "deadlock:use break",
                "osbox:run " + PROGRAM,
                "ipc:deadlocks",
                "deadlock:list",
                "deadlock:use ostrich",
                "")).run();
        String out = r.out();
        assertEquals(r.describe(), 0, r.status());
        assertTrue(r.describe(), out.contains("deadlock:use: break from the next wait on\n"));
        assertTrue(r.describe(), out.contains("B: read from A: Resource deadlock avoided\n"));
        assertTrue(r.describe(), out.contains("NUMBER  CYCLE  STATE  PIDS  ACTION\n"));
        assertTrue(r.describe(), out.matches("(?s).*\\s+1\\s+\\d+\\s+past\\s+1,2\\s+refused pid 2's wait with"
                + " EDEADLK\n.*"));
        assertTrue(r.describe(), out.contains("deadlock 1: pid 2 (pipes.elf) waits for pipe:[1] (data, from its"
                + " writers), held by pid 1 (pipes.elf); pid 1 (pipes.elf) waits for pipe:[2] (data, from its"
                + " writers), held by pid 2 (pipes.elf)\n"));
        assertTrue(r.describe(), out.matches("(?s).*break\\s+\\*\\s+report, and refuse.*"));
        assertTrue(r.describe(), out.contains("deadlock:use: no deadlock policy 'ostrich' (known: none, report, break,"
                + " kill)"));
    }
}
