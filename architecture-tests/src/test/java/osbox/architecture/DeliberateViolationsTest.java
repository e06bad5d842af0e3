package osbox.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.archfixture.ApiReachingIntoBundle;
import osbox.archfixture.cycle.ping.Ping;
import osbox.archfixture.cycle.pong.Pong;
import osbox.hw.archfixture.HardwareReachingIntoBundles;
import osbox.kernel.archfixture.HostTimeAndRandomness;
import osbox.kernel.archfixture.SimulatedTimeAndSeededRandomness;
import osbox.testkit.archfixture.LabRandomness;
import osbox.vm.replace.archfixture.PolicyReachingIntoVmManager;

/**
 * Each rule of {@link ArchitectureRules} fails on a fixture that breaks it
 * (the fixtures live in this module's test sources, in archfixture packages,
 * never in the main code the real check reads), names what broke it, and
 * lets the allowed uses in the same fixture pass. The reports are printed:
 * they are what a developer sees when the build fails.
 */
class DeliberateViolationsTest {
    @Test
    void hardwareReachingIntoTheKernelOrAnotherDeviceFails() {
        List<String> report = failures(ArchitectureRules.HARDWARE_IMPORTS_ONLY_THE_API, HardwareReachingIntoBundles.class);
        assertNamed(report, "osbox.kernel.core.KernelCore", "osbox.hw.machine.SimulatedMachine");
        assertNotNamed(report, "osbox.api.trace.Tracer", "org.osgi.framework.BundleContext");
    }

    @Test
    void policyReachingIntoTheVmManagerFails() {
        List<String> report = failures(ArchitectureRules.POLICIES_IMPORT_ONLY_THE_SDK, PolicyReachingIntoVmManager.class);
        assertNamed(report, "osbox.vm.manager.VmManagerComponent", "org.slf4j.Logger");
        assertNotNamed(report, "osbox.api.trace.Tracer", "osbox.policy.support.ClockRing");
    }

    @Test
    void apiNamingABundleClassFails() {
        List<String> report = failures(ArchitectureRules.API_IMPORTS_NO_BUNDLE, ApiReachingIntoBundle.class);
        assertNamed(report, "osbox.hw.machine.SimulatedMachine");
        assertNotNamed(report, "osbox.api.trace.Tracer", "org.osgi.annotation.versioning.ProviderType");
    }

    @Test
    void aTwoPackageCycleFails() {
        List<String> report = failures(ArchitectureRules.NO_PACKAGE_CYCLES, Ping.class, Pong.class);
        assertNamed(report, "Cycle detected", "osbox.archfixture.cycle.ping", "osbox.archfixture.cycle.pong");
    }

    /** Every method of the fixture reads the host's time or randomness one way, and each is reported. */
    @Test
    void hostTimeAndRandomnessInTheSimulationPathFail() {
        List<String> report = failures(ArchitectureRules.SIMULATION_PATH_IS_DETERMINISTIC, HostTimeAndRandomness.class);
        assertNamed(report, "System.nanoTime()", "System.currentTimeMillis()", "Instant.now()",
                "LocalDateTime.now()", "Clock.systemUTC()", "Date.<init>()", "java.util.Random",
                "Math.random()", "ThreadLocalRandom", "SecureRandom", "SplittableRandom.<init>()",
                "UUID.randomUUID()", "Collections.shuffle(java.util.List)");
        for (Method m : HostTimeAndRandomness.class.getDeclaredMethods()) {
            assertNamed(report, "HostTimeAndRandomness." + m.getName() + "(");
        }
    }

    @Test
    void simulatedTimeAndSeededRandomnessPass() {
        JavaClasses fixture = new ClassFileImporter().importClasses(SimulatedTimeAndSeededRandomness.class);
        assertEquals(List.of(), ArchitectureRules.SIMULATION_PATH_IS_DETERMINISTIC.evaluate(fixture)
                .getFailureReport().getDetails());
    }

    @Test
    void anUnseededRandomInTheTestKitFails() {
        List<String> report = failures(ArchitectureRules.TEST_KIT_AND_HARNESS_ARE_REPRODUCIBLE, LabRandomness.class);
        assertNamed(report, "LabRandomness.unseeded()", "new Random() is unseeded");
        assertNotNamed(report, "LabRandomness.seeded(");
    }

    /**
     * Evaluates {@code rule} on the {@code fixtures} alone, checks that it
     * fails as the build would (check throws), prints the report and
     * returns its lines.
     */
    private static List<String> failures(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(classes),
                "the rule let " + Arrays.toString(fixtures) + " pass");
        System.out.println("deliberate violation, as the build reports it:\n" + failure.getMessage() + "\n");
        List<String> details = rule.evaluate(classes).getFailureReport().getDetails();
        assertTrue(!details.isEmpty(), "no violation listed");
        return details;
    }

    /** Each of {@code names} appears in some line of {@code report}. */
    private static void assertNamed(List<String> report, String... names) {
        for (String name : names) {
            assertTrue(report.stream().anyMatch(line -> line.contains(name)), name + " not reported in " + report);
        }
    }

    /** None of {@code names} appears in {@code report}: allowed uses are not violations. */
    private static void assertNotNamed(List<String> report, String... names) {
        for (String name : names) {
            assertEquals(List.of(), report.stream().filter(line -> line.contains(name)).toList(),
                    name + " is allowed but was reported");
        }
    }
}
