package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Memory pressure from several processes. A fork-heavy program
 * (examples/programs/forkpress.c) in a tiny memory:
 * with swap every child completes, because pages shared after fork are
 * paged out too (the VM manager's reverse map); without swap the OOM policy
 * kills some with SIGKILL, every other process completes, the kernel
 * carries on, and when everything has exited no frame is left in use.
 */
class ForkPressureTest {
    private static final Pattern LINE = Pattern.compile(
            "forkpress: (\\d+) children: (\\d+) completed, (\\d+) killed by SIGKILL, (\\d+) failed, (\\d+) forks refused;"
                    + " parent's pages intact: yes\n");

    // children, pages, own pages: ~8 * (24 + 16) + 24 pages of data, far more than 96 frames
    private static final List<String> ARGS = List.of("children=8", "pages=24", "own=16");

    @Test
    void withSwapSharedPagesArePagedOutAndEveryChildCompletes() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(96 * 4096).withSwap(8L << 20))) {
            long before = c.machine().call(() -> c.kernel().frames().used());
            Computer.Result r = c.run(Computer.example("forkpress"), ARGS, null);
            assertEquals(0, r.shellStatus(), r.stdoutText() + r.killReport());
            assertEquals("forkpress: 8 children: 8 completed, 0 killed by SIGKILL, 0 failed, 0 forks refused;"
                    + " parent's pages intact: yes\n", r.stdoutText());
            assertTrue(c.machine().call(() -> c.kernel().vm().pageOuts()) > 0, "it did page out");
            assertEquals(0L, (long) c.machine().call(() -> c.kernel().oomKills()), "no process was OOM-killed");
            assertEquals(before, (long) c.machine().call(() -> c.kernel().frames().used()), "no frame leaks");
        }
    }

    @Test
    void aSystemCallCopyingIntoMemoryWhenNoneIsLeftRunsTheOomPolicyAndGoesOn() throws Exception {
        // examples/programs/oomcopy.c: a hog fills memory and sleeps, then the parent read()s into pages
        // it never touched; the OOM policy kills the hog (the largest) and the copies succeed
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(128 * 4096).withSwap(0))) {
            long before = c.machine().call(() -> c.kernel().frames().used());
            Computer.Result r = c.run(Computer.example("oomcopy"), List.of("hog=60", "copy=24"), null);
            assertEquals(0, r.shellStatus(), r.stdoutText() + r.killReport());
            assertEquals("oomcopy: copied 24 pages: ok\n"
                    + "oomcopy: the hog was killed by SIGKILL before the parent killed it\n", r.stdoutText());
            assertEquals(1L, (long) c.machine().call(() -> c.kernel().oomKills()));
            assertEquals(before, (long) c.machine().call(() -> c.kernel().frames().used()), "no frame leaks");
        }
    }

    @Test
    void withoutSwapProcessesCompleteOrAreKilledAndNothingLeaks() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(96 * 4096).withSwap(0))) {
            long before = c.machine().call(() -> c.kernel().frames().used());
            Computer.Result r = c.run(Computer.example("forkpress"), ARGS, null);
            String out = r.stdoutText();
            if (r.shellStatus() == 137) {
                // the parent itself was the largest resident set at some point
                assertTrue(r.killReport() != null && r.killReport().contains("out of memory"), r.killReport());
            } else {
                assertEquals(0, r.shellStatus(), out + r.killReport());
                Matcher m = LINE.matcher(out);
                assertTrue(m.matches(), out);
                int children = Integer.parseInt(m.group(1));
                int completed = Integer.parseInt(m.group(2));
                int killed = Integer.parseInt(m.group(3));
                int refused = Integer.parseInt(m.group(5));
                assertEquals("0", m.group(4), "no child failed otherwise: " + out);
                assertEquals(children, completed + killed + refused, out);
                assertTrue(killed + refused > 0, "memory was too small for all: " + out);
            }
            long kills = c.machine().call(() -> c.kernel().oomKills());
            assertEquals(kills, (long) c.machine().call(() -> c.kernel().vm().statistics().get("oom.kills")),
                    "one counter");
            // the kernel carries on, and everything that exited gave its frames back
            Computer.Result hello = c.run(Computer.example("hello"), List.of(), null);
            assertEquals(0, hello.shellStatus(), hello.stdoutText());
            assertEquals(before, (long) c.machine().call(() -> c.kernel().frames().used()), "no frame leaks");
        }
    }
}
