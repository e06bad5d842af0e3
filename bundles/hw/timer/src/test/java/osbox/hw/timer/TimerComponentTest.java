package osbox.hw.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import osbox.api.hw.EventQueue;
import osbox.api.hw.Hart;
import osbox.api.hw.Machine;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TrapVector;
import osbox.api.trace.Tracer;

class TimerComponentTest {
    /** Just enough machine: its event queue and a submit queue drained by hand. */
    private static final class QueueMachine implements Machine {
        final FakeEventQueue events = new FakeEventQueue();
        final List<Runnable> submitted = new ArrayList<>();

        @Override public EventQueue events() { return events; }
        @Override public void submit(Runnable task) { submitted.add(task); }
        @Override public long now() { return events.now(); }
        @Override public long frequencyHz() { return 1; }
        @Override public int hartCount() { return 1; }
        @Override public Hart hart(int index) { throw new UnsupportedOperationException(); }
        @Override public PhysicalMemory memory() { throw new UnsupportedOperationException(); }
        @Override public void setTrapVector(TrapVector vector) { throw new UnsupportedOperationException(); }
        @Override public <T> T call(Callable<T> task) { throw new UnsupportedOperationException(); }
        @Override public boolean onSimulationThread() { return true; }
        @Override public MachineStatistics statistics() { throw new UnsupportedOperationException(); }
        @Override public Tracer tracer() { throw new UnsupportedOperationException(); }
    }

    @Test
    void theComponentSchedulesOnTheMachinesQueueAndCancelsWhenDeactivated() {
        QueueMachine machine = new QueueMachine();
        TimerLines lines = new TimerLines();
        TimerComponent timer = new TimerComponent(machine, lines);
        timer.program(0, 10);
        machine.events.advanceTo(10);
        assertTrue(lines.on[0]);
        assertEquals(1, timer.fired());
        timer.program(0, 20);
        timer.deactivate();
        assertEquals(1, machine.submitted.size(), "deactivation is applied at a safe point");
        machine.submitted.get(0).run();
        assertEquals(0, machine.events.size());
        assertEquals(-1, timer.deadline(0));
        machine.events.advanceTo(100);
        assertFalse(lines.on[0]);
    }
}
