package osbox.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import osbox.architecture.ArchitectureRules.KnownCycle;

/** Every rule of {@link ArchitectureRules} holds on the main code of every bundle. */
class RealCodeTest {
    /** One package of each kind of bundle this module depends on: proof that the import saw them. */
    private static final List<String> EXPECTED_PACKAGES = List.of("osbox.api.hw", "osbox.hw.cpu", "osbox.hw.machine",
            "osbox.kernel.core", "osbox.kernel.elf", "osbox.kernel.tty", "osbox.kernel.syscalls.sysinfo", "osbox.ipc.posixmq",
            "osbox.ipc.eventfd", "osbox.ipc.unix", "osbox.ipc.epoll", "osbox.ipc.sysv.msg", "osbox.ipc.sysv.sem", "osbox.ipc.sysv.shm",
            "osbox.hw.dma", "osbox.hw.disk", "osbox.hw.disk.hdd", "osbox.hw.disk.ssd",
            "osbox.block.queue", "osbox.block.component", "osbox.kernel.support", "osbox.vm.manager", "osbox.sched.cfs", "osbox.vm.replace.lru", "osbox.deadlock.kill",
            "osbox.policy.support", "org.example.osbox.wrr", "org.example.osbox.nru", "osbox.testkit.lab",
            "osbox.harness", "osbox.launcher", "osbox.shell", "osbox.workload");

    /** The import found every kind of bundle, and none of this module's own test classes (the fixtures). */
    @Test
    void theImportSeesEveryBundleAndNoFixture() {
        Set<String> packages = packages(MainCode.classes());
        assertTrue(packages.containsAll(EXPECTED_PACKAGES),
                "missing from the test classpath: " + EXPECTED_PACKAGES.stream().filter(p -> !packages.contains(p)).toList());
        assertEquals(List.of(), packages.stream().filter(p -> p.contains(".archfixture")).toList(),
                "fixtures must stay out of the real check");
    }

    @Test
    void hardwareImportsOnlyTheApi() {
        ArchitectureRules.HARDWARE_IMPORTS_ONLY_THE_API.check(MainCode.classes());
    }

    @Test
    void policiesImportOnlyTheSdk() {
        ArchitectureRules.POLICIES_IMPORT_ONLY_THE_SDK.check(MainCode.classes());
    }

    @Test
    void apiImportsNoBundle() {
        ArchitectureRules.API_IMPORTS_NO_BUNDLE.check(MainCode.classes());
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.NO_PACKAGE_CYCLES.check(MainCode.classes());
    }

    @Test
    void simulationPathIsDeterministic() {
        ArchitectureRules.SIMULATION_PATH_IS_DETERMINISTIC.check(MainCode.classes());
    }

    @Test
    void testKitAndHarnessAreReproducible() {
        ArchitectureRules.TEST_KIT_AND_HARNESS_ARE_REPRODUCIBLE.check(MainCode.classes());
    }

    /** A known cycle whose two directions are no longer both there must leave the exception list. */
    @Test
    void everyKnownCycleStillExists() {
        for (KnownCycle c : ArchitectureRules.KNOWN_CYCLES) {
            assertTrue(depends(c.from(), c.to()) && depends(c.to(), c.from()),
                    "the cycle " + c.from() + " <-> " + c.to() + " is gone: delete its line from"
                            + " ArchitectureRules.KNOWN_CYCLES (and from docs/architecture.md)");
        }
    }

    /** True when a class of package {@code from} depends on a class of package {@code to}. */
    private static boolean depends(String from, String to) {
        return MainCode.classes().stream()
                .filter(c -> c.getPackageName().equals(from))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .anyMatch(d -> d.getTargetClass().getBaseComponentType().getPackageName().equals(to));
    }

    /** The packages of {@code classes}, sorted. */
    private static Set<String> packages(JavaClasses classes) {
        return classes.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
    }
}
