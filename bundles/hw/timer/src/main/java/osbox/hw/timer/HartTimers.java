package osbox.hw.timer;

import java.util.Arrays;
import osbox.api.hw.EventQueue;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Timer;

/**
 * One programmable timer per hart, like mtimecmp: {@link #program} schedules
 * an event on the machine's event queue at the deadline; when it fires, the
 * hart's timer line on the interrupt controller is set and stays set until
 * the hart's timer is reprogrammed or cancelled. The deadline stays readable
 * after it fired, as mtimecmp does.
 *
 * <p>Plain Java, no OSGi: the component wraps it, tests and the harness build
 * it with {@code new}. Every method runs on the simulation thread.
 */
public final class HartTimers implements Timer {
    /** Harts served, the interrupt controller's fixed maximum. */
    public static final int MAX_HARTS = 64;

    private final EventQueue events;
    private final InterruptController intc;
    private final long[] deadline = new long[MAX_HARTS];
    /** The pending event's id per hart, or -1 when none is scheduled. */
    private final long[] eventId = new long[MAX_HARTS];
    /** Bumped at every program/cancel, so an event that escaped cancel cannot fire late. */
    private final long[] generation = new long[MAX_HARTS];
    private long fired;

    /** Makes the timers; events are scheduled on {@code events}, lines set on {@code intc}. */
    public HartTimers(EventQueue events, InterruptController intc) {
        if (events == null || intc == null) {
            throw new IllegalArgumentException("hart timers need an event queue and an interrupt controller");
        }
        this.events = events;
        this.intc = intc;
        Arrays.fill(deadline, -1);
        Arrays.fill(eventId, -1);
    }

    // Replaces the hart's deadline: drops any earlier event, clears the line and
    // schedules the new one. A deadline already past fires at the next safe point.
    @Override
    public void program(int hart, long at) {
        checkHart(hart);
        if (at < 0) {
            throw new IllegalArgumentException("timer deadline must be a cycle >= 0: " + at);
        }
        disarm(hart);
        deadline[hart] = at;
        long gen = generation[hart];
        eventId[hart] = events.schedule(at, () -> expire(hart, gen));
    }

    // Drops the hart's deadline and event and clears its line.
    @Override
    public void cancel(int hart) {
        checkHart(hart);
        disarm(hart);
        deadline[hart] = -1;
    }

    @Override
    public long deadline(int hart) {
        checkHart(hart);
        return deadline[hart];
    }

    @Override
    public long fired() {
        return fired;
    }

    /** Cancels every scheduled event and clears every line the timers set; for shutdown. */
    public void cancelAll() {
        for (int hart = 0; hart < MAX_HARTS; hart++) {
            if (deadline[hart] >= 0) {
                cancel(hart);
            }
        }
    }

    // The event: sets the line if it still belongs to the hart's current deadline.
    private void expire(int hart, long gen) {
        if (generation[hart] != gen) {
            return;
        }
        eventId[hart] = -1;
        fired++;
        intc.setTimerPending(hart, true);
    }

    // Cancels the hart's pending event, invalidates any that escaped, clears the line.
    private void disarm(int hart) {
        if (eventId[hart] >= 0) {
            events.cancel(eventId[hart]);
            eventId[hart] = -1;
        }
        generation[hart]++;
        intc.setTimerPending(hart, false);
    }

    private static void checkHart(int hart) {
        if (hart < 0 || hart >= MAX_HARTS) {
            throw new IllegalArgumentException("hart " + hart + " outside 0.." + (MAX_HARTS - 1));
        }
    }
}
