package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * How a run is bounded and how it ends, through the osbox script and the
 * real distribution: --max-instructions and --max-time stop a program that
 * loops forever (examples/programs/spin) with one line and status 124; the
 * host JVM out of memory ends it with one line and status 3; SIGTERM to the
 * JVM ends a running osbox with 143.
 */
public class RunControlIT {

    private static final String SPIN = "examples/programs/spin.elf";

    @Test
    public void maxInstructionsStopsARunawayProgramExactlyThereWith124() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of("run", "--max-instructions", "5000000", SPIN).run();
        assertEquals(r.describe(), 124, r.status());
        assertTrue(r.describe(), r.out().contains("spin: looping forever"));
        assertEquals(r.describe(), "osbox: stopped after 5000000 instructions (--max-instructions 5000000)\n",
                r.err());
    }

    @Test
    public void maxTimeStopsARunawayProgramAfterThatMuchSimulatedTimeWith124() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of("run", "--max-time", "20ms", SPIN).run();
        assertEquals(r.describe(), 124, r.status());
        assertEquals(r.describe(), "osbox: stopped after 20ms of simulated time (--max-time 20ms)\n", r.err());
    }

    @Test
    public void theHostJvmOutOfMemoryEndsTheRunAtOnceWithOneLineAndStatus3() throws Exception {
        OsboxCommand.Result r = OsboxCommand.of("run", "examples/programs/memtouch.elf", "pages=30000")
                .env("OSBOX_JAVA_OPTS", "-Xmx64m").timeoutSeconds(180).run();
        assertEquals(r.describe(), 3, r.status());
        assertTrue(r.describe(), r.err().matches("osbox: the host JVM ran out of memory \\(Java heap space, heap at "
                + "most [0-9]+ MiB\\); give it more with OSBOX_JAVA_OPTS=-Xmx[0-9]+m\n"));
    }

    @Test
    public void sigtermEndsARunningOsboxWith143() throws Exception {
        boolean ready = Files.isRegularFile(OsboxCommand.ROOT.resolve("distribution/target/osbox.jar"))
                && new File("/bin/bash").canExecute();
        assumeTrue(ready);
        Path out = Files.createTempFile("osbox-it", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder("/bin/bash", OsboxCommand.ROOT.resolve("osbox").toString(), "run",
                    SPIN).directory(OsboxCommand.ROOT.toFile()).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process p = pb.start();
            try {
                // running: the program has printed its line (the console flushes each write)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!Files.readString(out, StandardCharsets.UTF_8).contains("spin: looping forever")) {
                    assertTrue("spin did not start", p.isAlive() && System.nanoTime() < deadline);
                    Thread.sleep(100);
                }
                // the script execs java; otherwise java is the script's child
                ProcessHandle java = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
                        .findFirst().orElse(p.toHandle());
                assertTrue(java.destroy()); // SIGTERM
                assertTrue("osbox did not end within 30 s of SIGTERM", p.waitFor(30, TimeUnit.SECONDS));
                assertEquals(143, p.exitValue());
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
