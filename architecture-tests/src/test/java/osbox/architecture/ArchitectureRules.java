package osbox.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static osbox.architecture.HostSource.ANY;
import static osbox.architecture.HostSource.NONE;
import static osbox.architecture.HostSource.NO_CLOCK;
import static osbox.architecture.HostSource.ONE;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import osbox.architecture.AvoidHostSources.BannedType;

/**
 * The rules of docs/architecture.md ("Rules the build checks"), one constant
 * each. {@link RealCodeTest} checks them on the main code of every bundle,
 * {@link DeliberateViolationsTest} shows each one failing on a fixture that
 * breaks it.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** The JDK. */
    static final String JAVA = "java..";
    /** The OSGi annotations read by bnd at build time (versioning, export), never at run time. */
    static final String OSGI_ANNOTATIONS = "org.osgi.annotation..";
    /** Declarative Services and metatype annotations: how a bundle declares its components and their configuration. */
    static final List<String> COMPONENT_ANNOTATIONS =
            List.of("org.osgi.service.component.annotations..", "org.osgi.service.metatype.annotations..");
    /** The SDK's API packages. */
    static final String API = "osbox.api..";

    /** Hardware models: the bundles in bundles/hw. */
    static final ArchRule HARDWARE_IMPORTS_ONLY_THE_API = classes()
            .that().resideInAPackage("osbox.hw..")
            .should(new OnlyDependOn(
                    concat(List.of(API, JAVA, OSGI_ANNOTATIONS), COMPONENT_ANNOTATIONS, List.of("org.slf4j..")),
                    // The DS component may read a launch property (osbox.mem, osbox.tlb, ...) from the
                    // BundleContext DS passes to its constructor: the framework, not another bundle; a
                    // disk component registers one service per attached disk (--disk) through it.
                    Set.of("org.osgi.framework.BundleContext", "org.osgi.framework.ServiceRegistration")))
            .because("a device model meets the rest of the machine only through osbox.api services");

    /** Policy code: the policy bundles, the example plugins, and the support library they embed. */
    static final ArchRule POLICIES_IMPORT_ONLY_THE_SDK = classes()
            .that().resideInAnyPackage("osbox.sched..", "osbox.vm.replace..", "osbox.iosched..", "osbox.deadlock..",
                    "org.example.osbox..", "osbox.policy.support..")
            .should(new OnlyDependOn(
                    concat(List.of(API, "osbox.policy.support..", JAVA, OSGI_ANNOTATIONS), COMPONENT_ANNOTATIONS),
                    Set.of()))
            .because("a policy only decides, on the narrow views of the SDK: it never touches kernel or hardware");

    /** The SDK's API packages. */
    static final ArchRule API_IMPORTS_NO_BUNDLE = classes()
            .that().resideInAPackage(API)
            .should(new OnlyDependOn(List.of(API, JAVA, OSGI_ANNOTATIONS), Set.of()))
            .because("the API is what bundles share; it must not pull any bundle in");

    /** A package cycle the no-cycles rule does not report: the dependencies of package {@code from} on {@code to} are ignored. */
    record KnownCycle(String from, String to) {
    }

    /**
     * TEMPORARY exceptions to the no-cycles rule, one line each: a line goes
     * when the branch that removes its cycle lands
     * ({@link RealCodeTest#everyKnownCycleStillExists} fails until it does).
     */
    static final List<KnownCycle> KNOWN_CYCLES = List.of();

    /** Every package of the main code is its own slice; no slice may reach itself back. */
    static final ArchRule NO_PACKAGE_CYCLES = withKnownCycles(slices().matching("(**)").should().beFreeOfCycles());

    /**
     * The simulation path: everything that runs on the simulation thread and
     * decides (the API's default methods, hardware, kernel, VM manager, the
     * policies and the support libraries they embed, the example plugins).
     * Not in it: the tools (launcher, shell, workload files and reports),
     * which may measure wall time for the user, and the benchmarks.
     */
    static final List<String> SIMULATION_PATH = List.of("osbox.api..", "osbox.hw..", "osbox.kernel..", "osbox.vm..",
            "osbox.sched..", "osbox.iosched..", "osbox.deadlock..", "osbox.policy.support..", "org.example.osbox..", "osbox.ipc..",
            "osbox.block..");

    /** Reading the host's clock, by the same name in every table. */
    private static final List<HostSource> HOST_CLOCK = concat(
            List.of(new HostSource("java.lang.System", "currentTimeMillis", ANY, "the host's wall clock"),
                    new HostSource("java.lang.System", "nanoTime", ANY, "the host's timer"),
                    new HostSource("java.util.Date", "<init>", NONE, "new Date() reads the host's wall clock"),
                    new HostSource("java.util.Calendar", "getInstance", ANY, "the host's wall clock")),
            HostSource.each(List.of("systemUTC", "systemDefaultZone", "system"),
                    m -> new HostSource("java.time.Clock", m, ANY, "Clock." + m + "() is the host's wall clock")),
            HostSource.each(List.of("Instant", "LocalDate", "LocalTime", "LocalDateTime", "ZonedDateTime",
                    "OffsetDateTime", "OffsetTime", "Year", "YearMonth", "MonthDay"),
                    t -> new HostSource("java.time." + t, "now", NO_CLOCK, t + ".now() reads the host's wall clock")));

    /** Drawing from a generator nobody seeded. */
    private static final List<HostSource> UNSEEDED_RANDOMNESS = List.of(
            new HostSource("java.lang.Math", "random", ANY, "unseeded randomness"),
            new HostSource("java.lang.StrictMath", "random", ANY, "unseeded randomness"),
            new HostSource("java.util.Random", "<init>", NONE, "new Random() is unseeded"),
            new HostSource("java.util.SplittableRandom", "<init>", NONE, "new SplittableRandom() is unseeded"),
            new HostSource("java.util.UUID", "randomUUID", ANY, "unseeded randomness"),
            new HostSource("java.util.Collections", "shuffle", ONE, "shuffle(list) draws from an unseeded Random"),
            new HostSource("java.util.random.RandomGenerator", "getDefault", ANY, "unseeded randomness"),
            new HostSource("java.util.random.RandomGenerator", "of", ANY, "unseeded randomness"),
            new HostSource("java.util.random.RandomGeneratorFactory", "create", NONE, "unseeded randomness"));

    /** Generators that cannot be seeded to repeat (or are shared between threads). */
    private static final List<BannedType> UNREPEATABLE_GENERATORS = List.of(
            new BannedType("java.security.SecureRandom", "SecureRandom does not repeat, seeded or not"),
            new BannedType("java.util.concurrent.ThreadLocalRandom", "ThreadLocalRandom cannot be seeded"));

    /** The simulation path reads neither the host's time nor its randomness. */
    static final ArchRule SIMULATION_PATH_IS_DETERMINISTIC = classes()
            .that().resideInAnyPackage(SIMULATION_PATH.toArray(String[]::new))
            .should(new AvoidHostSources("read no host clock and draw only from seeded SplittableRandoms",
                    concat(HOST_CLOCK, UNSEEDED_RANDOMNESS), concat(UNREPEATABLE_GENERATORS,
                            List.of(new BannedType("java.util.Random", "java.util.Random: the simulation path"
                                    + " draws from a seeded java.util.SplittableRandom")))))
            .because("the same distribution, configuration, seed and inputs give the same trace, bit for bit");

    /**
     * The test kit (contract tests, the labs) and the harness run policies and
     * machines the way the simulation does: no host clock, no unseeded
     * randomness; a java.util.Random with an explicit seed is allowed there.
     */
    static final ArchRule TEST_KIT_AND_HARNESS_ARE_REPRODUCIBLE = classes()
            .that().resideInAnyPackage("osbox.testkit..", "osbox.harness..")
            .should(new AvoidHostSources("read no host clock and draw only from seeded generators",
                    concat(HOST_CLOCK, UNSEEDED_RANDOMNESS), UNREPEATABLE_GENERATORS))
            .because("a lab run and a contract test must repeat exactly, on any machine");

    /** The no-cycles rule, with the dependencies of {@link #KNOWN_CYCLES} ignored. */
    private static ArchRule withKnownCycles(SliceRule rule) {
        SliceRule r = rule;
        for (KnownCycle cycle : KNOWN_CYCLES) {
            r = r.ignoreDependency(resideInAPackage(cycle.from()), resideInAPackage(cycle.to()));
        }
        return r;
    }

    /** The lists, one after the other. */
    @SafeVarargs
    private static <T> List<T> concat(List<? extends T>... lists) {
        List<T> all = new ArrayList<>();
        Stream.of(lists).forEach(all::addAll);
        return List.copyOf(all);
    }
}
