package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * {@code ./osbox run --plugin JAR ...} through the osbox script and the real
 * distribution (distribution/target/osbox.jar, built before this module),
 * with the example plugins' jars (built before the harness). Skipped, with a
 * message, when the jar or the plugins are not built, or bash is missing.
 */
public class PluginCommandLineIT {

    private static final Path ROOT = OsboxCommand.ROOT;

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

    private static OsboxCommand.Result osbox(String... args) throws Exception {
        return OsboxCommand.of(args).run();
    }

    @Test
    public void aReplacementPluginPagesARun() throws Exception {
        Path nru = plugin("vm-nru");
        OsboxCommand.Result r = osbox("run", "--plugin", nru.toString(), "--vm-policy", "nru", "--mem", "1M", "--swap", "16M",
                "examples/programs/mallocfun.elf");
        assertEquals(r.err(), 0, r.status());
        assertTrue(r.out(), r.out().contains("all freed"));
    }

    @Test
    public void aSchedulingPluginRunsAProgram() throws Exception {
        Path wrr = plugin("sched-wrr");
        OsboxCommand.Result r = osbox("run", "--plugin", wrr.toString(), "--sched", "wrr", "examples/programs/hello.elf", "x");
        assertEquals(r.err(), 0, r.status());
        assertTrue(r.out(), r.out().contains("Hello from osbox!"));
    }

    @Test
    public void withoutThePluginThePolicyIsUnknown() throws Exception {
        OsboxCommand.Result r = osbox("run", "--vm-policy", "nru", "examples/programs/hello.elf");
        assertEquals(2, r.status());
        assertTrue(r.err(), r.err().startsWith("osbox: --vm-policy nru: no such page replacement policy"));
    }

    @Test
    public void aMissingOrNonBundleJarIsOneLineAndStatus2() throws Exception {
        OsboxCommand.Result r = osbox("run", "--plugin", "no/such.jar", "examples/programs/hello.elf");
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
            OsboxCommand.Result r = osbox("run", "--plugin", jar.toString(), "examples/programs/hello.elf");
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
        OsboxCommand.Result r = osbox("run", "--plugin", wrr.toString(), "--plugin", nru.toString(), "--sched", "wrr",
                "--vm-policy", "nru", "--mem", "1M", "--swap", "16M", "examples/programs/mallocfun.elf");
        assertEquals(r.err(), 0, r.status());
        assertTrue(r.out(), r.out().contains("all freed"));
    }
}
