package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * The osbox Gogo commands in a real shell session through the osbox script
 * (issue 9, point 10): unknown policy names, usage lines, background runs.
 */
public class ShellCommandsIT {

    @Test
    public void unknownPoliciesUsageLinesAndBackgroundRuns() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of().stdin(String.join("\n",
                "sched:use nope",
                "vm:use nope",
                "sched:list extra",
                "vm:page 1",
                "osbox:run",
                "sched:use --wait later",
                "osbox:run examples/programs/burst.elf cpu=2m &",
                "osbox:ps",
                "")).run();
        String out = r.out();
        assertEquals(r.describe(), 0, r.status());
        assertFalse(r.describe(), out.contains("Cannot coerce"));
        assertTrue(r.describe(), out.contains("sched:use: nope: no such scheduling policy (known: builtin, "));
        assertTrue(r.describe(), out.contains("vm:use: nope: no such page replacement policy (known: builtin, "));
        assertTrue(r.describe(), out.contains("usage: sched:list\n"));
        assertTrue(r.describe(), out.contains("usage: vm:page PID ADDR"));
        assertTrue(r.describe(), out.contains("usage: osbox:run PROGRAM [ARGS...]"));
        assertTrue(r.describe(), out.contains("later chosen; it runs when its bundle starts"));
        // the ps right after the background run shows its process
        String table = out.substring(out.indexOf("PID  PPID"));
        List<String> rows = table.lines().skip(1).filter(l -> l.matches("\\s*\\d+\\s+\\d+\\s+.*")).toList();
        assertTrue(r.describe(), rows.stream().anyMatch(l -> l.contains("burst")));
    }
}
