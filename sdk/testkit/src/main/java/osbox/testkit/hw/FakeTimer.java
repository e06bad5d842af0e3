package osbox.testkit.hw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import osbox.api.hw.Timer;

/**
 * A per-hart timer that only remembers: each hart's deadline (-1: none)
 * and a log of every program and cancel ("program 0 @1500", "cancel 0").
 * It never fires by itself; {@link #fire} does what the hardware would
 * count.
 */
public final class FakeTimer implements Timer {
    private final long[] deadlines;
    private final List<String> log = new ArrayList<>();
    private long fired;

    /** Timers for {@code harts} harts, none programmed. */
    public FakeTimer(int harts) {
        deadlines = new long[harts];
        Arrays.fill(deadlines, -1);
    }

    @Override
    public void program(int hart, long deadline) {
        deadlines[hart] = deadline;
        log.add("program " + hart + " @" + deadline);
    }

    @Override
    public void cancel(int hart) {
        deadlines[hart] = -1;
        log.add("cancel " + hart);
    }

    @Override
    public long deadline(int hart) {
        return deadlines[hart];
    }

    /** Counts a hart's deadline as fired and clears it (the caller delivers the interrupt). */
    public void fire(int hart) {
        deadlines[hart] = -1;
        fired++;
    }

    @Override
    public long fired() {
        return fired;
    }

    /** Every program and cancel so far, in order; the test may clear it. */
    public List<String> log() {
        return log;
    }
}
