package osbox.hw.timer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.Timer;

/**
 * The per-hart timers, driven by the machine's event queue and raising the
 * interrupt controller's timer lines. No configuration.
 */
@Component(service = Timer.class)
public final class TimerComponent implements Timer {
    private final Machine machine;
    private final HartTimers timers;

    @Activate
    public TimerComponent(@Reference(name = "machine") Machine machine,
            @Reference(name = "intc") InterruptController intc) {
        this.machine = machine;
        this.timers = new HartTimers(machine.events(), intc);
    }

    // Drops every pending deadline at the next safe point, so no event of ours fires after we are gone.
    @Deactivate
    void deactivate() {
        machine.submit(timers::cancelAll);
    }

    @Override public void program(int hart, long deadline) { timers.program(hart, deadline); }
    @Override public void cancel(int hart) { timers.cancel(hart); }
    @Override public long deadline(int hart) { return timers.deadline(hart); }
    @Override public long fired() { return timers.fired(); }
}
