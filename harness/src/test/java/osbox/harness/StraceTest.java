package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.kernel.core.strace.StraceLog;

/**
 * strace on the whole computer: the exact lines real example programs
 * give, a sleeping call printed once, fork following, signals and ends,
 * and the same text on every run.
 */
class StraceTest {

    // runs an example (argv[0] its bare name) on a fresh computer with every spawned process traced
    private static String strace(String example, List<String> args, String stdin) throws Exception {
        try (Computer computer = Computer.boot(Computer.Options.defaults())) {
            StringWriter log = new StringWriter();
            computer.machine().call(() -> {
                computer.kernel().traceSpawned(new StraceLog(log, true, "test"));
                return null;
            });
            computer.run(example, Files.readAllBytes(Computer.example(example)), args,
                    stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8));
            return log.toString();
        }
    }

    @Test
    void catShowsWhatItReadAfterTheReadAndEndsWithExitGroup() throws Exception {
        assertEquals("[pid 1] read(0, \"one\\ntwo\\n\", 512)      = 8\n"
                + "[pid 1] write(1, \"one\\ntwo\\n\", 8)       = 8\n"
                + "[pid 1] read(0, \"\", 512)                = 0\n"
                + "[pid 1] exit_group(0)                   = ?\n"
                + "[pid 1] +++ exited with 0 +++\n", strace("cat", List.of(), "one\ntwo\n"));
    }

    @Test
    void helloQuotesItsOutputAndTruncatesNothingShort() throws Exception {
        assertEquals("[pid 1] write(1, \"Hello from osbox!\\n\", 18) = 18\n"
                + "[pid 1] write(1, \"argc = 2\\n\", 9)       = 9\n"
                + "[pid 1] write(1, \"argv[0] = hello\\n\", 16) = 16\n"
                + "[pid 1] write(1, \"argv[1] = a\\n\", 12)   = 12\n"
                + "[pid 1] exit_group(0)                   = ?\n"
                + "[pid 1] +++ exited with 0 +++\n", strace("hello", List.of("a"), null));
    }

    @Test
    void childrenAreFollowedWithTheirSignalsAndEndsAndASleepPrintsOnce() throws Exception {
        String out = strace("forkwait", List.of(), null);
        for (String line : List.of(
                "[pid 1] clone(child_stack=NULL, flags=SIGCHLD) = 2",
                "[pid 3] exit_group(3)                   = ?",
                "[pid 3] +++ exited with 3 +++",
                "[pid 5] --- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=5, si_uid=0} ---",
                "[pid 5] +++ killed by SIGTERM +++",
                "[pid 6] --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---",
                "[pid 6] +++ killed by SIGSEGV +++",
                "[pid 1] wait4(5, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], 0, NULL) = 5",
                "[pid 8] nanosleep({tv_sec=0, tv_nsec=200000000}, NULL) = 0")) {
            assertTrue(out.contains(line + "\n"), line + " in:\n" + out);
        }
        assertTrue(out.matches("(?s).*\\[pid 1\\] wait4\\(-1, 0x[0-9a-f]+, 0, NULL\\) = -1 ECHILD \\(No child processes\\)\n.*"),
                "an error with its errno by name and message:\n" + out);
        assertEquals(1, out.split("nanosleep", -1).length - 1, "the sleep and its restart make one line:\n" + out);
    }

    @Test
    void theSameRunGivesTheSameTraceEveryTime() throws Exception {
        assertEquals(strace("pipeline", List.of("50"), null), strace("pipeline", List.of("50"), null));
    }
}
