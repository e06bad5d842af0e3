package osbox.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The common Pax Exam setup: Felix with SCR, Config Admin, Gogo runtime and
 * command, SLF4J 2 (simple provider on stderr) mediated by SPI Fly, and every
 * osbox bundle of the reactor.
 *
 * <p>A test class extends this, is annotated {@code @RunWith(PaxExam.class)}
 * (and usually {@code @ExamReactorStrategy(PerClass.class)}), and adds options
 * by overriding {@link #extraOptions()}.
 */
public abstract class OsboxTestSupport {

    /** The symbolic names of the osbox bundles every distribution has, besides the policies. */
    public static final List<String> CORE_BUNDLES = List.of(
            "osbox.api",
            "osbox.hw.memory", "osbox.hw.mmu", "osbox.hw.cpu", "osbox.hw.intc", "osbox.hw.timer",
            "osbox.hw.console", "osbox.hw.machine",
            "osbox.kernel.elf", "osbox.vm.manager", "osbox.kernel.core",
            "osbox.kernel.tty", "osbox.kernel.syscalls.sysinfo", "osbox.ipc.posixmq",
            "osbox.ipc.eventfd", "osbox.ipc.unixsocket", "osbox.ipc.epoll",
            "osbox.ipc.sysv.msg", "osbox.ipc.sysv.sem", "osbox.ipc.sysv.shm",
            "osbox.hw.dma", "osbox.hw.disk.hdd", "osbox.hw.disk.ssd", "osbox.kernel.block",
            "osbox.shell", "osbox.launcher", "osbox.workload");

    /**
     * The scheduling policies' names; each is provided by the bundle {@code osbox.sched.NAME}. Read from
     * the bundles the build copied (the sched group's "all" pom lists them), so a new policy bundle is
     * tested here without a line in this file.
     */
    public static final List<String> POLICIES = policyNames("osbox.sched.");

    /** The page replacement policies' names; each is provided by the bundle {@code osbox.vm.replace.NAME}. */
    public static final List<String> VM_POLICIES = policyNames("osbox.vm.replace.");

    /** The deadlock policies' names; each is provided by the bundle {@code osbox.deadlock.NAME}. */
    public static final List<String> DEADLOCK_POLICIES = policyNames("osbox.deadlock.");

    /** Every osbox bundle: the core ones and one per policy. */
    public static final List<String> OSBOX_BUNDLES = Stream.of(CORE_BUNDLES.stream(),
            POLICIES.stream().map(n -> "osbox.sched." + n), VM_POLICIES.stream().map(n -> "osbox.vm.replace." + n),
            DEADLOCK_POLICIES.stream().map(n -> "osbox.deadlock." + n))
            .flatMap(s -> s).toList();

    /** Start level of SPI Fly and ASM: before anything may ask SLF4J for a logger. */
    public static final int LEVEL_WEAVING = 1;
    /** Start level of the SLF4J API and its provider. */
    public static final int LEVEL_LOGGING = 2;
    /** Start level of SCR, Config Admin, Gogo and the osbox bundles. */
    public static final int LEVEL_BUNDLES = 5;

    @Inject
    protected BundleContext context;

    /** The framework's configuration: the common options followed by {@link #extraOptions()}. */
    @Configuration
    public Option[] configuration() throws IOException {
        List<Option> options = new ArrayList<>(common());
        options.addAll(Arrays.asList(extraOptions()));
        return options.toArray(new Option[0]);
    }

    /** The installed bundle with this symbolic name; fails the test when there is none. */
    protected Bundle installedBundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(bsn + " is not installed");
    }

    /** Options a test class adds (system properties, configurations, more bundles). */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /** The options every osbox integration test shares. */
    public static List<Option> common() throws IOException {
        List<Option> options = new ArrayList<>();
        options.add(cleanCaches(true));
        options.add(frameworkStartLevel(LEVEL_BUNDLES + 10));
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"));
        options.add(systemProperty("org.slf4j.simpleLogger.logFile").value("System.err"));
        Path runtime = directory("osbox.itests.runtime");
        for (String name : new String[] {"asm", "asm-tree", "asm-analysis", "asm-commons", "asm-util",
            "org.apache.aries.spifly.dynamic.bundle"}) {
            options.add(bundle(jar(runtime, name)).startLevel(LEVEL_WEAVING));
        }
        options.add(bundle(jar(runtime, "slf4j-api")).startLevel(LEVEL_LOGGING));
        options.add(bundle(jar(runtime, "slf4j-simple")).startLevel(LEVEL_LOGGING));
        for (String name : new String[] {"org.osgi.util.function", "org.osgi.util.promise",
            "org.osgi.service.component", "org.apache.felix.scr", "org.apache.felix.configadmin",
            "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command", "snakeyaml", "jackson-core"}) {
            options.add(bundle(jar(runtime, name)).startLevel(LEVEL_BUNDLES));
        }
        for (String url : osboxBundles()) {
            options.add(bundle(url).startLevel(LEVEL_BUNDLES));
        }
        options.add(junitBundles());
        return options;
    }

    /** file: URLs of every jar in the copied osbox bundles directory, in name order. */
    public static List<String> osboxBundles() throws IOException {
        Path dir = directory("osbox.itests.bundles");
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .map(p -> p.toUri().toString())
                    .toList();
        }
    }

    /**
     * The policy names of the copied bundles whose file name is {@code prefix + NAME + ".jar"}, sorted;
     * fails when there is none (the copy went wrong, not the policies).
     */
    private static List<String> policyNames(String prefix) {
        try (Stream<Path> jars = Files.list(directory("osbox.itests.bundles"))) {
            List<String> names = jars.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".jar"))
                    .map(n -> n.substring(prefix.length(), n.length() - ".jar".length()))
                    .filter(n -> !n.contains("."))
                    .sorted()
                    .toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no " + prefix + "* bundle in " + directory("osbox.itests.bundles"));
            }
            return names;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The directory a system property (set by the itests pom) names. */
    private static Path directory(String property) {
        String value = System.getProperty(property);
        if (value == null || !new File(value).isDirectory()) {
            throw new IllegalStateException(property + " does not name a directory (" + value
                    + "): run the integration tests with `mvn verify`");
        }
        return Path.of(value);
    }

    /** The file: URL of {@code name}.jar in {@code dir}. */
    private static String jar(Path dir, String name) {
        Path jar = dir.resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing runtime bundle " + jar);
        }
        return jar.toUri().toString();
    }
}
