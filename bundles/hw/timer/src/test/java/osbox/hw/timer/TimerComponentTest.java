package osbox.hw.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.testkit.hw.FakeInterruptController;
import osbox.testkit.hw.FakeMachine;

class TimerComponentTest {
    @Test
    void theComponentSchedulesOnTheMachinesQueueAndCancelsWhenDeactivated() {
        FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.QUEUED);
        FakeInterruptController lines = new FakeInterruptController();
        TimerComponent timer = new TimerComponent(machine, lines);
        timer.program(0, 10);
        machine.advanceTo(10);
        assertTrue(lines.timerPending(0));
        assertEquals(1, timer.fired());
        timer.program(0, 20);
        timer.deactivate();
        assertEquals(1, machine.queuedTasks(), "deactivation is applied at a safe point");
        machine.runTasks();
        assertEquals(0, machine.events().size());
        assertEquals(-1, timer.deadline(0));
        machine.advanceTo(100);
        assertFalse(lines.timerPending(0));
    }
}
