package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osbox lab ... --plugin JAR}: a plugin's policy found through its jar.
 * Uses the example plugins' jars (examples/plugins/*, built before this module
 * in the reactor); skipped, with a message, when they are not built.
 */
class LabMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int lab(String... args) throws Exception {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return LabMain.run(args, o, e);
        }
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The example plugin's jar, or a skipped test saying it is not built. */
    static Path pluginJar(String name) throws IOException {
        Path target = Path.of("..", "examples", "plugins", name, "target").toAbsolutePath().normalize();
        Path jar = null;
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().matches(name + "-[0-9].*(?<!-sources|-javadoc|-tests)\\.jar"))
                        .findFirst().orElse(null);
            }
        }
        if (jar == null) {
            System.err.println("LabMainTest: skipped, " + target + " holds no " + name
                    + " jar (build it: mvn -o install -pl examples/plugins/" + name + ")");
        }
        assumeTrue(jar != null, name + " is not built");
        return jar;
    }

    @Test
    void pagingLabFindsThePluginsPolicyThroughItsJar() throws Exception {
        Path nru = pluginJar("vm-nru");
        assertEquals(2, lab("paging", "--policy", "nru", "--addresses", "1,2,3,1", "--frames", "2"),
                "not on the tools' class path: " + err());
        assertTrue(err().contains("nru"), err());
        out.reset();
        err.reset();
        assertEquals(0, lab("paging", "--plugin", nru.toString(), "--policy", "nru",
                "--addresses", "1,2,3,4,1,2,5,1,2,3,4,5", "--frames", "3"), err());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("FINALSTATS hits"), text);
        assertEquals("", err());
    }

    @Test
    void schedLabFindsThePluginsPolicyThroughItsJar() throws Exception {
        Path wrr = pluginJar("sched-wrr");
        assertEquals(0, lab("sched", "--policy", "wrr", "--plugin", wrr.toString(), "--jobs", "3,1,2",
                "--quantum", "1"), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Average"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadJarIsOneLineAndStatus2(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a jar");
        assertEquals(2, lab("paging", "--plugin", text.toString(), "--policy", "fifo", "--addresses", "1",
                "--frames", "1"));
        assertEquals("osbox lab: --plugin " + text + ": not a jar file" + System.lineSeparator(), err());
        err.reset();
        assertEquals(2, lab("sched", "--plugin", dir.resolve("none.jar").toString(), "--policy", "fifo"));
        assertEquals("osbox lab: --plugin " + dir.resolve("none.jar") + ": no such file" + System.lineSeparator(),
                err());
        err.reset();
        assertEquals(2, lab("paging", "--policy", "fifo", "--plugin"));
        assertEquals("osbox lab: --plugin needs a jar" + System.lineSeparator(), err());
    }

    @Test
    void helpIsTheUsageOnStdoutAndStatusZero() throws Exception {
        assertEquals(0, lab("--help"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("usage: osbox lab sched "), text);
        assertTrue(text.contains("osbox lab paging "), text);
        assertEquals("", err());
    }

    @Test
    void noLabOrAnUnknownOneIsOneLineAndStatusTwo() throws Exception {
        assertEquals(2, lab());
        assertEquals(2, lab("tape"));
        assertEquals(List.of("osbox lab: which lab? (sched, paging, deadlock or disk; osbox lab --help shows the usage)",
                "osbox lab: no lab 'tape' (sched, paging, deadlock or disk; osbox lab --help shows the usage)"),
                err().lines().toList());
    }

    @Test
    void tooMuchWorkIsRefusedAtOnceWithTheLimit() throws Exception {
        assertEquals(2, lab("sched", "--policy", "rr", "--jobs", "1000000000000"));
        assertEquals("osbox lab sched: length must be at most 1000000 (the lab's limit), got 1000000000000",
                err().strip());
        err.reset();
        assertEquals(2, lab("sched", "--policy", "rr", "--jobs", "600000,600000"));
        assertEquals("osbox lab sched: --jobs: the jobs' lengths add up to more than 1000000, the lab's limit",
                err().strip());
        err.reset();
        assertEquals(2, lab("sched", "--policy", "mlfq", "--jobs", "0,5,0:2000000,1,0"));
        assertEquals("osbox lab sched: start must be at most 1000000 (the lab's limit), got 2000000", err().strip());
    }
}
