package osbox.kernel.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.policy.PolicyControl;
import osbox.kernel.support.TestPolicies.Handovers;
import osbox.kernel.support.TestPolicies.Policy;
import osbox.kernel.support.TestPolicies.Provider;

/** The generic PolicyControl over a slot: every answer read on the simulation thread, every choice made there. */
class SlotControlTest {
    /** A simulation thread that runs tasks at once and counts them, and knows whether one is running. */
    private static final class CountingThread implements SlotControl.SimulationThread {
        int calls;
        boolean inside;

        @Override
        public <T> T call(Callable<T> task) throws Exception {
            calls++;
            inside = true;
            try {
                return task.call();
            } finally {
                inside = false;
            }
        }
    }

    private CountingThread sim;
    private PolicySlot<Policy, Provider> slot;
    private List<String> selections;
    private SlotControl<Policy, Provider> control;

    @BeforeEach
    void setUp() {
        sim = new CountingThread();
        slot = new PolicySlot<>("test", TestPolicies.BUILTIN, new Handovers());
        selections = new ArrayList<>();
        control = new SlotControl<>("test.kind", "the built-in one (fallback)", slot, (name, options) -> {
            assertTrue(sim.inside, "selected on the simulation thread");
            selections.add(name + options);
            return slot.select(name, options);
        }, sim);
        slot.addProvider("beta", new Provider("beta"));
        slot.addProvider("alpha", new Provider("alpha"));
    }

    /** The kind, as given (the service property's value). */
    @Test
    void kind() {
        assertEquals("test.kind", control.kind());
    }

    /** The built-in first, then the providers by name with their defaults sorted; the active one marked. */
    @Test
    void listsPolicies() {
        assertEquals(List.of(
                new PolicyControl.Policy("builtin", "the built-in one (fallback)", Map.of(), true),
                new PolicyControl.Policy("alpha", "alpha (test)", Map.of("level", "1"), false),
                new PolicyControl.Policy("beta", "beta (test)", Map.of("level", "1"), false)), control.policies());
        control.use("beta", Map.of("level", "2"));
        List<PolicyControl.Policy> after = control.policies();
        assertFalse(after.get(0).active());
        assertFalse(after.get(1).active());
        assertTrue(after.get(2).active());
        assertEquals(Map.of("level", "1"), after.get(2).defaults(), "defaults, not the options in effect");
        assertThrows(UnsupportedOperationException.class, () -> after.add(null));
    }

    /** use goes through the mechanism's select; active, activeOptions, waitingFor and swaps follow. */
    @Test
    void usesThroughTheMechanism() {
        assertTrue(control.use("alpha", Map.of("level", "3")));
        assertEquals(List.of("alpha{level=3}"), selections);
        assertEquals("alpha", control.active());
        assertEquals(Map.of("level", "3"), control.activeOptions());
        assertNull(control.waitingFor());
        assertFalse(control.use("gamma", Map.of()));
        assertEquals("gamma", control.waitingFor());
        assertEquals("alpha", control.active(), "the wish does not stop the active policy");
        assertEquals(1, control.swaps());
        assertTrue(control.use(PolicyControl.BUILTIN, null), "null options are none");
        assertEquals("builtin", control.active());
        assertEquals(2, control.swaps());
    }

    /** A refusal reaches the caller as the provider's IllegalArgumentException. */
    @Test
    void refusalsPassThrough() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> control.use("alpha", Map.of("depth", "1")));
        assertEquals("unknown option 'depth' (known: level)", e.getMessage());
        assertEquals("builtin", control.active());
    }

    /** Ejections as the API's records, oldest first. */
    @Test
    void ejections() {
        control.use("alpha", Map.of());
        slot.eject(99, "threw");
        assertEquals(List.of(new PolicyControl.Ejection(99, "alpha", "threw")), control.ejections());
        assertEquals("builtin", control.active());
    }

    /** Every call, reading or choosing, runs on the simulation thread. */
    @Test
    void everyCallRunsOnTheSimulationThread() {
        control.policies();
        control.active();
        control.activeOptions();
        control.waitingFor();
        control.use("alpha", Map.of());
        control.ejections();
        control.swaps();
        assertEquals(7, sim.calls);
    }

    /** A checked failure of the simulation thread (the machine stopped) becomes an IllegalStateException. */
    @Test
    void aFailingSimulationThread() {
        Exception stopped = new Exception("machine stopped");
        SlotControl<Policy, Provider> broken = new SlotControl<>("k", "b", slot, slot::select,
                new SlotControl.SimulationThread() {
                    @Override
                    public <T> T call(Callable<T> task) throws Exception {
                        throw stopped;
                    }
                });
        IllegalStateException e = assertThrows(IllegalStateException.class, broken::active);
        assertSame(stopped, e.getCause());
    }
}
