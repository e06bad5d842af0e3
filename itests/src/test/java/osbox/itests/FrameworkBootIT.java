package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.memory.MemoryManager;
import osbox.api.policy.PolicyControl;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/**
 * Boots Felix with every osbox bundle: all are ACTIVE, and every Declarative
 * Services component they declare is satisfied (or active), except the
 * launcher's, which wait for the bnd launcher's command line and so stay
 * unsatisfied here, on that reference only. Each scheduling-policy and
 * page-replacement-policy bundle provides its policy under its name, and each
 * mechanism's PolicyControl (kind sched, vm.replace) lists them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkBootIT extends OsboxTestSupport {

    /** Components that need the bnd launcher's service, absent under Pax Exam. */
    private static final List<String> NEED_LAUNCHER = List.of(
            "osbox.launcher.CommandLineComponent", "osbox.launcher.LauncherComponent",
            "osbox.launcher.PluginComponent");

    /** The launcher's one component that needs no service (HostExit's handlers). */
    private static final String HOST_EXIT = "osbox.launcher.HostExitComponent";

    @Inject
    ServiceComponentRuntime scr;

    @Test
    public void everyOsboxBundleIsActive() {
        Map<String, Bundle> bySymbolicName = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            bySymbolicName.put(b.getSymbolicName(), b);
        }
        List<String> problems = new ArrayList<>();
        for (String bsn : OSBOX_BUNDLES) {
            Bundle b = bySymbolicName.get(bsn);
            if (b == null) {
                problems.add(bsn + " is not installed");
            } else if (b.getState() != Bundle.ACTIVE) {
                problems.add(bsn + " is in state " + b.getState());
            }
        }
        assertEquals("bundle problems", List.of(), problems);
    }

    @Test
    public void everyComponentIsSatisfiedExceptTheLaunchersWhichWaitForTheCommandLine() throws Exception {
        assertEquals("component problems", List.of(), settled(this::componentProblems));
    }

    /**
     * The problems {@code check} finds once they are gone, or after ten
     * seconds: components settle quickly, but activation chains run on SCR's
     * threads, so poll a little.
     */
    private static List<String> settled(Supplier<List<String>> check) throws InterruptedException {
        List<String> problems = check.get();
        for (int attempt = 1; attempt < 100 && !problems.isEmpty(); attempt++) {
            Thread.sleep(100);
            problems = check.get();
        }
        return problems;
    }

    @Test
    public void launcherComponentsWaitOnlyForTheLauncherArguments() {
        Bundle launcher = installedBundle("osbox.launcher");
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(launcher);
        List<String> names = descriptions.stream().map(d -> d.name).sorted().toList();
        List<String> expected = new ArrayList<>(NEED_LAUNCHER);
        expected.add(HOST_EXIT);
        assertEquals(expected.stream().sorted().toList(), names);
        for (ComponentDescriptionDTO d : descriptions) {
            if (d.name.equals(HOST_EXIT)) {
                // the host's OOM and signal handlers: there before anything else, needing nothing
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    assertEquals(d.name + " state", ComponentConfigurationDTO.ACTIVE, c.state);
                }
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                assertEquals(d.name + " state", ComponentConfigurationDTO.UNSATISFIED_REFERENCE, c.state);
                List<String> missing = new ArrayList<>();
                for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                    missing.add(u.name);
                }
                if (d.name.equals("osbox.launcher.PluginComponent")) {
                    assertEquals(List.of("launcher"), missing);
                } else if (d.name.equals("osbox.launcher.CommandLineComponent")) {
                    // and the plugin installer, which waits for the launcher
                    assertEquals(List.of("launcher", "plugins"), missing.stream().sorted().toList());
                } else {
                    assertTrue(d.name + " waits for the launcher: " + missing, missing.contains("launcher"));
                }
            }
        }
    }

    /** Every component of an osbox bundle that is neither satisfied nor active, with the reason. */
    private List<String> componentProblems() {
        List<String> problems = new ArrayList<>();
        for (String bsn : OSBOX_BUNDLES) {
            Bundle b = installedBundle(bsn);
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
                if (NEED_LAUNCHER.contains(d.name)) {
                    continue;
                }
                if (!scr.isComponentEnabled(d)) {
                    if (d.defaultEnabled) {
                        problems.add(d.name + " is disabled");
                    }
                    continue;
                }
                Collection<ComponentConfigurationDTO> configs = scr.getComponentConfigurationDTOs(d);
                if (configs.isEmpty() && !"require".equals(d.configurationPolicy)) {
                    problems.add(d.name + " has no configuration");
                }
                for (ComponentConfigurationDTO c : configs) {
                    if (c.state != ComponentConfigurationDTO.SATISFIED && c.state != ComponentConfigurationDTO.ACTIVE) {
                        problems.add(d.name + " " + state(c));
                    }
                }
            }
        }
        return problems;
    }

    /** A component configuration's state and unsatisfied references, readable. */
    private static String state(ComponentConfigurationDTO c) {
        StringBuilder sb = new StringBuilder();
        switch (c.state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> sb.append("unsatisfied configuration");
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> sb.append("unsatisfied reference");
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> sb.append("failed activation: ").append(c.failure);
            default -> sb.append("state ").append(c.state);
        }
        for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
            sb.append(" [").append(u.name).append(": ").append(u.target).append(']');
        }
        return sb.toString();
    }

    @Test
    public void everySchedulingPolicyBundleProvidesItsPolicyByName() throws Exception {
        assertEveryPolicyProvidedByName(SchedulingPolicyProvider.class, SchedulingPolicyProvider.NAME, "osbox.sched.",
                POLICIES);
    }

    @Test
    public void everyReplacementPolicyBundleProvidesItsPolicyByName() throws Exception {
        assertEveryPolicyProvidedByName(ReplacementPolicyProvider.class, ReplacementPolicyProvider.NAME,
                "osbox.vm.replace.", VM_POLICIES);
    }

    /**
     * Each policy bundle {@code bundlePrefix + NAME} of {@code names} declares one
     * provider component of {@code spi} named NAME by the service property
     * {@code nameProperty}, that component settles satisfied or active, and
     * its service is the one registered under NAME.
     */
    private void assertEveryPolicyProvidedByName(Class<?> spi, String nameProperty, String bundlePrefix,
            List<String> names) throws Exception {
        assertEquals(spi.getSimpleName() + " problems", List.of(),
                settled(() -> providerProblems(spi, nameProperty, bundlePrefix, names)));
        for (String name : names) {
            ServiceReference<?>[] refs = context.getServiceReferences(spi.getName(),
                    "(" + nameProperty + "=" + name + ")");
            assertNotNull(name + " provider registered", refs);
            assertEquals(name + ": one provider", 1, refs.length);
            assertEquals(name + " from its bundle", bundlePrefix + name, refs[0].getBundle().getSymbolicName());
        }
    }

    /** For each policy bundle: its provider component (named by nameProperty) is satisfied or active. */
    private List<String> providerProblems(Class<?> spi, String nameProperty, String bundlePrefix,
            List<String> names) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            Bundle b = installedBundle(bundlePrefix + name);
            List<ComponentDescriptionDTO> providers = scr.getComponentDescriptionDTOs(b).stream()
                    .filter(d -> List.of(d.serviceInterfaces).contains(spi.getName())
                            && name.equals(d.properties.get(nameProperty)))
                    .toList();
            if (providers.size() != 1) {
                problems.add(bundlePrefix + name + " declares " + providers.size() + " providers named " + name);
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(providers.get(0))) {
                if (c.state != ComponentConfigurationDTO.SATISFIED && c.state != ComponentConfigurationDTO.ACTIVE) {
                    problems.add(providers.get(0).name + " " + state(c));
                }
            }
            if (scr.getComponentConfigurationDTOs(providers.get(0)).isEmpty()) {
                problems.add(providers.get(0).name + " has no configuration");
            }
        }
        return problems;
    }

    @Test
    public void eachMechanismRegistersOnePolicyControlOfItsKind() throws Exception {
        for (String[] kindAndBundle : new String[][] {{SchedulingPolicyProvider.KIND, "osbox.kernel.core"},
            {ReplacementPolicyProvider.KIND, "osbox.vm.manager"}}) {
            Collection<ServiceReference<PolicyControl>> refs = context.getServiceReferences(PolicyControl.class,
                    "(" + PolicyControl.KIND + "=" + kindAndBundle[0] + ")");
            assertEquals("one control of kind " + kindAndBundle[0], 1, refs.size());
            ServiceReference<PolicyControl> ref = refs.iterator().next();
            assertEquals(kindAndBundle[0] + " from its mechanism", kindAndBundle[1], ref.getBundle().getSymbolicName());
            PolicyControl control = context.getService(ref);
            try {
                assertEquals(kindAndBundle[0], control.kind());
            } finally {
                context.ungetService(ref);
            }
        }
    }

    @Test
    public void theReplacementControlListsEveryPolicyAndTheVmManagerCounts() throws Exception {
        ServiceReference<PolicyControl> ref = context.getServiceReferences(PolicyControl.class,
                "(" + PolicyControl.KIND + "=" + ReplacementPolicyProvider.KIND + ")").iterator().next();
        ServiceReference<MemoryManager> memoryRef = context.getServiceReference(MemoryManager.class);
        assertNotNull("MemoryManager registered", memoryRef);
        PolicyControl vm = context.getService(ref);
        MemoryManager memory = context.getService(memoryRef);
        try {
            List<String> names = List.of();
            for (int attempt = 0; attempt < 100; attempt++) {
                names = vm.policies().stream().map(PolicyControl.Policy::name).toList();
                if (names.containsAll(VM_POLICIES)) {
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue("every policy listed: " + names,
                    names.contains(PolicyControl.BUILTIN) && names.containsAll(VM_POLICIES));
            Map<String, Long> stats = memory.statistics();
            for (String key : List.of("frames.total", "frames.used", "pages.resident", "page.ins", "page.outs",
                    "swap.slots.used", "swap.slots.total", "oom.kills", "policy.changes")) {
                assertNotNull(key + " in " + stats.keySet(), stats.get(key));
            }
            assertTrue("frames", stats.get("frames.total") > 0);
            long changes = stats.get("policy.changes");
            assertTrue("lru active", vm.use("lru", Map.of()));
            assertEquals("lru", vm.active());
            assertTrue("builtin again", vm.use(PolicyControl.BUILTIN, Map.of()));
            assertEquals("both changes counted", changes + 2, (long) memory.statistics().get("policy.changes"));
        } finally {
            context.ungetService(ref);
            context.ungetService(memoryRef);
        }
    }

    @Test
    public void physicalMemoryComponentIsUp() {
        ComponentDescriptionDTO memory = scr.getComponentDescriptionDTOs(installedBundle("osbox.hw.memory")).stream()
                .filter(d -> d.name.equals("osbox.hw.memory.PhysicalMemoryComponent"))
                .findFirst().orElse(null);
        assertNotNull("osbox.hw.memory declares its component", memory);
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(memory)) {
            assertTrue(state(c), c.state == ComponentConfigurationDTO.SATISFIED
                    || c.state == ComponentConfigurationDTO.ACTIVE);
        }
    }
}
