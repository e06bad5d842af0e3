package osbox.hw.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SettingsTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void defaults() {
        SimulatedMachine.Settings d = SimulatedMachine.Settings.defaults();
        assertEquals(new SimulatedMachine.Settings(1, 1_000_000_000L, 100_000, 100, 100_000), d);
    }

    @Test
    void hartsMustBeOneToSixtyFour() {
        assertEquals("harts must be 1..64: 0", message(() -> new SimulatedMachine.Settings(0, 1, 1, 0, 0)));
        assertEquals("harts must be 1..64: 65", message(() -> new SimulatedMachine.Settings(65, 1, 1, 0, 0)));
        assertEquals(64, new SimulatedMachine.Settings(64, 1, 1, 0, 0).harts());
    }

    @Test
    void frequencyMustBePositive() {
        assertEquals("frequency must be positive: 0", message(() -> new SimulatedMachine.Settings(1, 0, 1, 0, 0)));
    }

    @Test
    void sliceMustBeAtLeastOneCycle() {
        assertEquals("slice must be at least one cycle: 0",
                message(() -> new SimulatedMachine.Settings(1, 1, 0, 0, 0)));
    }

    @Test
    void trapCostMustBeNonNegative() {
        assertEquals("trap cost must be >= 0: -1", message(() -> new SimulatedMachine.Settings(1, 1, 1, -1, 0)));
        assertEquals(0, new SimulatedMachine.Settings(1, 1, 1, 0, 0).trapCycles());
    }

    @Test
    void negativeTraceCapacityRejectedWhenTheMachineIsBuilt() {
        SimulatedMachine.Settings s = new SimulatedMachine.Settings(1, 1, 1, 0, -1);
        assertEquals("trace capacity must be >= 0: -1", message(() -> new TestMachines().build(s)));
    }
}
