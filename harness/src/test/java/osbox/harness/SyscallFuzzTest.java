package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The system-call fuzzer (examples/programs/syscallfuzz.c): a forked child
 * makes random calls with hostile arguments, re-forked when it dies or
 * hangs. Afterwards no call has thrown inside the kernel (the trap's
 * count, and no Java exception text in the log), every frame is free
 * again, and the kernel still runs a program. CI runs 20,000 calls; a
 * campaign is one command (docs/bad-input.md, "System-call fuzzing"):
 *
 * <pre>
 * mvn -B -o -q verify -pl harness -am -Darchetype.test.skip -Dtest=SyscallFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.calls=1000000 -Dfuzz.seed=1
 * </pre>
 */
class SyscallFuzzTest {
    /** Calls CI makes. */
    static final long DEFAULT_CALLS = 20_000;

    @Test
    void randomCallsLeaveNoExceptionNoLeakedFrameAndAServingKernel() throws Exception {
        long calls = Long.getLong("fuzz.calls", DEFAULT_CALLS);
        long seed = Long.getLong("fuzz.seed", 1);
        try (StderrCapture stderr = new StderrCapture();
                Computer c = Computer.boot(Computer.Options.defaults())) {
            long usedAtBoot = c.machine().call(() -> c.kernel().frames().used());
            long freeAtBoot = c.machine().call(() -> c.kernel().frames().available());
            Computer.Result r = c.run(Computer.example("syscallfuzz"), List.of("calls=" + calls, "seed=" + seed), null);
            String report = r.stdoutText();
            System.out.print("[SyscallFuzzTest] " + report.replace("\n", "\n[SyscallFuzzTest] ").stripTrailing() + "\n");
            assertEquals(0, r.shellStatus(), report + (r.killReport() == null ? "" : r.killReport()));
            assertTrue(report.startsWith("syscallfuzz: seed " + seed + ": " + calls + " calls in "), report);
            assertTrue(report.endsWith("syscallfuzz: done; still running\n"), report);

            assertEquals(0L, (long) c.machine().call(() -> c.kernel().syscallHandlerFailures()),
                    "system calls that threw inside the kernel (see the log)");
            String log = stderr.take();
            assertFalse(MutantRunner.JAVA_EXCEPTION.matcher(log).find(), "Java exception text in the log: " + log);
            assertEquals(usedAtBoot, (long) c.machine().call(() -> c.kernel().frames().used()), "frames leaked");
            assertEquals(freeAtBoot, (long) c.machine().call(() -> c.kernel().frames().available()), "free frames");

            Computer.Result after = c.run(Computer.example("hello"), List.of("still", "serving"), null);
            assertEquals(0, after.shellStatus());
            assertTrue(after.stdoutText().startsWith("Hello from osbox!\n"), after.stdoutText());
        }
    }
}
