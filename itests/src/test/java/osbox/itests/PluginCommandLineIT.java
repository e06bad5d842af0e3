package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * {@code ./osbox run --plugin JAR ...} through the osbox script and the real
 * distribution (distribution/target/osbox.jar, built before this module),
 * with the example plugins' jars (built before the harness). Skipped, with a
 * message, when the jar or the plugins are not built, or bash is missing.
 */
public class PluginCommandLineIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private record Result(int status, String out, String err) {
    }

    private static Path plugin(String name) throws IOException {
        Path target = ROOT.resolve("examples/plugins/" + name + "/target");
        Path jar = null;
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().matches(name + "-[0-9][^/]*-SNAPSHOT\\.jar"))
                        .findFirst().orElse(null);
            }
        }
        if (jar == null) {
            System.err.println("PluginCommandLineIT: skipped, no " + name + " jar in " + target);
        }
        assumeTrue(jar != null);
        return jar;
    }

    private static Result osbox(String... args) throws Exception {
        boolean ready = Files.isRegularFile(ROOT.resolve("distribution/target/osbox.jar"))
                && new File("/bin/bash").canExecute();
        if (!ready) {
            System.err.println("PluginCommandLineIT: skipped, distribution/target/osbox.jar or bash is missing");
        }
        assumeTrue(ready);
        List<String> command = new ArrayList<>(List.of("/bin/bash", ROOT.resolve("osbox").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("osbox-it", ".out");
        Path err = Files.createTempFile("osbox-it", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("osbox " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    public void aReplacementPluginPagesARun() throws Exception {
        Path nru = plugin("vm-nru");
        Result r = osbox("run", "--plugin", nru.toString(), "--vm-policy", "nru", "--mem", "1M", "--swap", "16M",
                "examples/programs/mallocfun.elf");
        assertEquals(r.err(), 0, r.status());
        assertTrue(r.out(), r.out().contains("all freed"));
    }

    @Test
    public void aSchedulingPluginRunsAProgram() throws Exception {
        Path wrr = plugin("sched-wrr");
        Result r = osbox("run", "--plugin", wrr.toString(), "--sched", "wrr", "examples/programs/hello.elf", "x");
        assertEquals(r.err(), 0, r.status());
        assertTrue(r.out(), r.out().contains("Hello from osbox!"));
    }

    @Test
    public void withoutThePluginThePolicyIsUnknown() throws Exception {
        Result r = osbox("run", "--vm-policy", "nru", "examples/programs/hello.elf");
        assertEquals(2, r.status());
        assertTrue(r.err(), r.err().startsWith("osbox: --vm-policy nru: no such page replacement policy"));
    }

    @Test
    public void aMissingOrNonBundleJarIsOneLineAndStatus2() throws Exception {
        Result r = osbox("run", "--plugin", "no/such.jar", "examples/programs/hello.elf");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals("osbox: --plugin " + ROOT.resolve("no/such.jar") + ": no such file\n", r.err());
        r = osbox("run", "--plugin", "README.md", "examples/programs/hello.elf");
        assertEquals(2, r.status());
        assertEquals("osbox: --plugin " + ROOT.resolve("README.md") + ": not a jar file\n", r.err());
    }

    @Test
    public void aBundleThatDoesNotResolveIsOneLineAndStatus2() throws Exception {
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        m.getMainAttributes().putValue("Bundle-SymbolicName", "org.example.unresolvable");
        m.getMainAttributes().putValue("Import-Package", "org.example.nowhere");
        Path jar = Files.createTempFile("unresolvable", ".jar");
        try {
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), m)) {
                // the manifest alone
            }
            Result r = osbox("run", "--plugin", jar.toString(), "examples/programs/hello.elf");
            assertEquals(2, r.status());
            assertEquals("", r.out());
            assertTrue(r.err(), r.err().startsWith("osbox: --plugin " + jar + ": cannot start it: Unable to resolve"));
            assertTrue(r.err(), r.err().contains("org.example.nowhere"));
            assertEquals(r.err(), 1, r.err().lines().count());
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    @Test
    public void twoPluginsAtOnce() throws Exception {
        Path wrr = plugin("sched-wrr");
        Path nru = plugin("vm-nru");
        Result r = osbox("run", "--plugin", wrr.toString(), "--plugin", nru.toString(), "--sched", "wrr",
                "--vm-policy", "nru", "--mem", "1M", "--swap", "16M", "examples/programs/mallocfun.elf");
        assertEquals(r.err(), 0, r.status());
        assertTrue(r.out(), r.out().contains("all freed"));
    }
}
