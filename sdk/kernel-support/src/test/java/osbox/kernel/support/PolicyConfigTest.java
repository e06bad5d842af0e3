package osbox.kernel.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.kernel.support.TestPolicies.Handovers;
import osbox.kernel.support.TestPolicies.Policy;
import osbox.kernel.support.TestPolicies.Provider;

/** Applying a configured policy: Config Admin's properties and the framework properties at boot. */
class PolicyConfigTest {
    private PolicySlot<Policy, Provider> slot;
    private SlotControl<Policy, Provider> control;
    private RecordingLogger log;

    @BeforeEach
    void setUp() {
        slot = new PolicySlot<>("test", TestPolicies.BUILTIN, new Handovers());
        control = new SlotControl<>("k", "built-in", slot, slot::select, TestPolicies.DIRECT);
        slot.addProvider("alpha", new Provider("alpha"));
        log = new RecordingLogger();
    }

    /** A configuration is parsed and used; nothing is logged when it takes effect. */
    @Test
    void appliesAConfiguration() {
        PolicyConfig.apply(control, "test", "alpha", new String[] {"level = 2"}, log);
        assertEquals("alpha", slot.activeName());
        assertEquals(Map.of("level", "2"), slot.activeOptions());
        assertEquals(List.of(), log.lines);
    }

    /** One waiting for its bundle is logged at info. */
    @Test
    void aConfigurationWaitingForItsBundle() {
        PolicyConfig.apply(control, "test", "gamma", new String[0], log);
        assertEquals("gamma", slot.waitingFor());
        assertEquals(List.of("INFO test policy gamma chosen; it runs when its bundle starts"), log.lines);
    }

    /** A refused configuration (bad item, bad option) is logged as an error and changes nothing. */
    @Test
    void aRefusedConfigurationChangesNothing() {
        PolicyConfig.apply(control, "test", "alpha", new String[] {"level"}, log);
        PolicyConfig.apply(control, "test", "alpha", new String[] {"level=0"}, log);
        PolicyConfig.apply(control, "test", "builtin", new String[] {"level=1"}, log);
        assertEquals("builtin", slot.activeName());
        assertEquals(List.of(
                "ERROR test configuration rejected (alpha): option must be key=value: 'level'",
                "ERROR test configuration rejected (alpha): option 'level' must be at least 1, got 0",
                "ERROR test configuration rejected (builtin): the built-in policy takes no options (got level)"),
                log.lines);
    }

    /** Any other failure is logged with its exception, not thrown at Config Admin. */
    @Test
    void aFailingConfigurationIsLogged() {
        slot.addProvider("broken", new Provider("broken") {
            @Override
            public Policy create(Map<String, String> options) {
                throw new IllegalStateException("broken provider");
            }
        });
        PolicyConfig.apply(control, "test", "broken", new String[0], log);
        assertEquals(List.of("ERROR test configuration failed (broken) [java.lang.IllegalStateException: "
                + "broken provider]"), log.lines);
    }

    /** The framework properties PID.policy and PID.options choose the policy at boot. */
    @Test
    void appliesTheFrameworkProperties() {
        Map<String, String> properties = Map.of("osbox.test.policy", " alpha ", "osbox.test.options", "level=5");
        PolicyConfig.applyAtBoot(control, "test", "osbox.test", properties::get, log);
        assertEquals("alpha", slot.activeName());
        assertEquals(Map.of("level", "5"), slot.activeOptions());
        assertEquals(List.of(), log.lines);
    }

    /** Without PID.policy nothing happens; a refused choice is logged at info (the launcher reports it). */
    @Test
    void frameworkPropertiesAbsentOrRefused() {
        PolicyConfig.applyAtBoot(control, "test", "osbox.test", Map.of("osbox.test.options", "level=5")::get, log);
        assertEquals(0, slot.swaps());
        PolicyConfig.applyAtBoot(control, "test", "osbox.test",
                Map.of("osbox.test.policy", "alpha", "osbox.test.options", "level=x")::get, log);
        assertEquals("builtin", slot.activeName());
        assertEquals(List.of("INFO test policy alpha from osbox.test.policy not applied: option 'level' must be an "
                + "integer, got 'x'"), log.lines);
    }
}
